package io.github.machineusers.mail;

/**
 * The mails sent about a machine user. Each is a template of the realm's e-mail theme
 * ({@code html/} and {@code text/} variants) with a subject from the theme's messages, so a realm's
 * own e-mail theme can override any of them.
 */
public enum MailTemplate {

    KEY_EXPIRING("machineUserKeyExpiringSubject", "machine-user-key-expiring.ftl"),
    /** The same template as for access keys; the messages it shows are the kind's ({@code introKey}, {@code adviceKey}). */
    PUBLIC_KEY_EXPIRING("machineUserPublicKeyExpiringSubject", "machine-user-key-expiring.ftl"),
    FEDERATED_CREDENTIAL_EXPIRING("machineUserFederatedCredentialExpiringSubject", "machine-user-key-expiring.ftl"),
    SUSPENDED("machineUserSuspendedSubject", "machine-user-suspended.ftl"),
    KEY_REPLACED("machineUserKeyReplacedSubject", "machine-user-key-replaced.ftl");

    private final String subjectKey;
    private final String file;

    MailTemplate(String subjectKey, String file) {
        this.subjectKey = subjectKey;
        this.file = file;
    }

    public String subjectKey() {
        return subjectKey;
    }

    public String file() {
        return file;
    }
}
