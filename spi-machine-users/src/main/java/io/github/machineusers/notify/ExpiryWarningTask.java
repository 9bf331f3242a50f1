package io.github.machineusers.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.github.machineusers.events.AdminResource;
import io.github.machineusers.events.ServerAdminEvents;
import io.github.machineusers.mail.MachineUserMailer;
import io.github.machineusers.mail.MailTemplate;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserCredential;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.MachineUserProvider;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.email.EmailException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Warns about credentials of every kind that are about to expire: for each threshold of the realm policy's
 * {@code keyExpiryWarningDays}, one mail to the machine user's notification address, one admin
 * event and one history entry. Scheduled through Keycloak's cluster-aware runner so that one node
 * of a cluster runs it at a time; the warning is claimed in the database in the same transaction
 * as the mail is sent, so neither a restart nor a second node repeats it, and a mail that fails
 * leaves the warning unclaimed for the next run.
 */
public class ExpiryWarningTask implements ScheduledTask {

    public static final String TASK_NAME = "machine-users-key-expiry-warnings";
    private static final Logger LOG = Logger.getLogger(ExpiryWarningTask.class);
    /** Keys handled per realm and run; the rest wait for the next run, soonest expiry first. */
    private static final int BATCH = 200;

    @Override
    public void run(KeycloakSession session) {
        long now = Time.currentTimeMillis();
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        session.realms().getRealmsStream().toList().forEach(realm -> {
            List<Integer> thresholds = MachineUserPolicy.of(realm).keyExpiryWarningDays();
            List<String> due = session.getProvider(MachineUserProvider.class).expiries().dueForWarning(realm, thresholds, now, BATCH);
            for (String keyId : due) {
                warnInOwnTransaction(factory, realm.getId(), keyId, now);
            }
        });
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }

    private static void warnInOwnTransaction(KeycloakSessionFactory factory, String realmId, String keyId, long now) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                if (realm != null) {
                    session.getContext().setRealm(realm);
                    warn(session, realm, keyId, now);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Expiry warning for credential %s in realm %s not sent, will retry: %s", keyId, realmId, e.getMessage());
        }
    }

    private static void warn(KeycloakSession session, RealmModel realm, String keyId, long now) {
        MachineUserProvider provider = session.getProvider(MachineUserProvider.class);
        MachineUserCredential key = provider.credential(realm, keyId);
        if (key == null || key.getExpiresAt() == null) {
            return;
        }
        OptionalInt threshold = ExpiryWarnings.due(MachineUserPolicy.of(realm).keyExpiryWarningDays(),
                key.getExpiresAt(), key.getExpiryWarnedDays(), now);
        ClientModel client = session.clients().getClientById(realm, key.getMachineUserId());
        // A suspended machine user cannot use its keys anyway; warnings resume when it is resumed.
        if (threshold.isEmpty() || client == null || !MachineUser.isMachineUser(client) || !client.isEnabled()) {
            return;
        }
        if (!provider.expiries().claimWarning(key, threshold.getAsInt())) {
            return;
        }
        MachineUser machineUser = MachineUser.of(client);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyId", key.getId());
        details.put("kind", key.getKind().tokenValue());
        details.put("expiresAt", key.getExpiresAt());
        details.put("warningDays", threshold.getAsInt());
        details.put("notified", mail(session, realm, machineUser, key, threshold.getAsInt(), now));
        provider.history().record(realm, machineUser.id(), HistoryAction.KEY_EXPIRY_WARNING, Actor.SYSTEM, details);
        ServerAdminEvents.send(session, realm, OperationType.ACTION, resourceOf(key.getKind()),
                expiryWarningPath(key.getKind(), machineUser.id(), key.getId()), details);
    }

    /** The address the warning went to, or null when there was none to send to. */
    private static String mail(KeycloakSession session, RealmModel realm, MachineUser machineUser, MachineUserCredential key,
                               int threshold, long now) {
        if (machineUser.notificationEmail() == null || !MachineUserMailer.canSend(realm)) {
            return null;
        }
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("keyId", key.getId());
        attributes.put("keyDescription", key.getDescription() == null ? "" : key.getDescription());
        attributes.put("expiresAt", MachineUserMailer.format(key.getExpiresAt()));
        attributes.put("daysLeft", ExpiryWarnings.daysLeft(key.getExpiresAt(), now));
        attributes.put("warningDays", threshold);
        MailTemplate template = switch (key.getKind()) {
            case ACCESS_KEY -> MailTemplate.KEY_EXPIRING;
            case PUBLIC_KEY -> MailTemplate.PUBLIC_KEY_EXPIRING;
            case FEDERATED -> MailTemplate.FEDERATED_CREDENTIAL_EXPIRING;
        };
        // The template's own messages for access keys, unless the kind has its own: a realm's e-mail theme that
        // overrides the template before other kinds existed keeps working.
        attributes.put("introKey", introKeyOf(key.getKind()));
        attributes.put("adviceKey", introKeyOf(key.getKind()).replace("Intro", "Advice"));
        try {
            new MachineUserMailer(session).send(realm, machineUser, template, attributes);
        } catch (EmailException e) {
            // Rolls the claim back, so the next run tries again.
            throw new IllegalStateException("mail to the notification address failed: " + e.getMessage(), e);
        }
        return machineUser.notificationEmail();
    }

    private static String introKeyOf(CredentialKind kind) {
        return switch (kind) {
            case ACCESS_KEY -> "machineUserKeyExpiringIntro";
            case PUBLIC_KEY -> "machineUserPublicKeyExpiringIntro";
            case FEDERATED -> "machineUserFederatedCredentialExpiringIntro";
        };
    }

    private static AdminResource resourceOf(CredentialKind kind) {
        return switch (kind) {
            case ACCESS_KEY -> AdminResource.MACHINE_USER_ACCESS_KEY;
            case PUBLIC_KEY -> AdminResource.MACHINE_USER_PUBLIC_KEY;
            case FEDERATED -> AdminResource.MACHINE_USER_FEDERATED_CREDENTIAL;
        };
    }

    private static String expiryWarningPath(CredentialKind kind, String machineUserId, String credentialId) {
        String credential = switch (kind) {
            case ACCESS_KEY -> AdminResource.accessKey(machineUserId, credentialId);
            case PUBLIC_KEY -> AdminResource.publicKey(machineUserId, credentialId);
            case FEDERATED -> AdminResource.federatedCredential(machineUserId, credentialId);
        };
        return credential + AdminResource.EXPIRY_WARNING;
    }
}
