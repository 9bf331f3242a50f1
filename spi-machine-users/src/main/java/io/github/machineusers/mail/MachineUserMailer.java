package io.github.machineusers.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.machineusers.model.MachineUser;
import org.keycloak.email.EmailException;
import org.keycloak.email.EmailTemplateProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Sends a mail about a machine user to its notification address, through Keycloak's own e-mail
 * machinery: the realm's SMTP settings, its e-mail theme and locale. The machine user's service
 * account stands in as the "user" that Keycloak's templates expect; the address is the
 * notification address, never the service account's.
 */
public final class MachineUserMailer {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private final KeycloakSession session;

    public MachineUserMailer(KeycloakSession session) {
        this.session = session;
    }

    /** True when the realm has an SMTP server to send with. */
    public static boolean canSend(RealmModel realm) {
        Map<String, String> smtp = realm.getSmtpConfig();
        return smtp != null && smtp.get("host") != null && !smtp.get("host").isBlank();
    }

    /** A time as mails show it. */
    public static String format(long epochMillis) {
        return DATE_TIME.format(Instant.ofEpochMilli(epochMillis));
    }

    /**
     * Sends at once. Does nothing when the machine user has no notification address.
     *
     * @param attributes what the template shows besides {@code machineUser}; must never hold a secret
     * @return true when a mail went out
     * @throws EmailException when the template fails or the SMTP server refuses the mail
     */
    public boolean send(RealmModel realm, MachineUser machineUser, MailTemplate template, Map<String, Object> attributes)
            throws EmailException {
        String address = machineUser.notificationEmail();
        // Background tasks have no realm in their context, and users, user profile and the
        // e-mail theme are all looked up through it.
        session.getContext().setRealm(realm);
        UserModel serviceAccount = session.users().getServiceAccount(machineUser.client());
        if (address == null || serviceAccount == null) {
            return false;
        }
        String name = machineUser.name() == null ? machineUser.clientId() : machineUser.name();
        Map<String, Object> body = new HashMap<>(attributes);
        body.put("machineUser", Map.of("id", machineUser.id(), "clientId", machineUser.clientId(), "name", name));
        session.getProvider(EmailTemplateProvider.class)
                .setRealm(realm)
                .setUser(serviceAccount)
                .send(template.subjectKey(), List.of(name), template.file(), body, address);
        return true;
    }
}
