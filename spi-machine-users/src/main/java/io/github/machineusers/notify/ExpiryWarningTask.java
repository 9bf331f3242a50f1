package io.github.machineusers.notify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.github.machineusers.events.AdminResource;
import io.github.machineusers.events.ServerAdminEvents;
import io.github.machineusers.mail.MachineUserMailer;
import io.github.machineusers.mail.MailTemplate;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.MachineUser;
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
 * Warns about keys that are about to expire: for each threshold of the realm policy's
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
            List<String> due = session.getProvider(MachineUserProvider.class).keys()
                    .dueForExpiryWarning(realm, thresholds, now, BATCH)
                    .map(AccessKeyModel::getId)
                    .toList();
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
            LOG.warnf("Expiry warning for access key %s in realm %s not sent, will retry: %s", keyId, realmId, e.getMessage());
        }
    }

    private static void warn(KeycloakSession session, RealmModel realm, String keyId, long now) {
        MachineUserProvider provider = session.getProvider(MachineUserProvider.class);
        AccessKeyModel key = provider.keys().getById(realm, keyId);
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
        if (!provider.keys().claimExpiryWarning(key, threshold.getAsInt())) {
            return;
        }
        MachineUser machineUser = MachineUser.of(client);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("keyId", key.getId());
        details.put("expiresAt", key.getExpiresAt());
        details.put("warningDays", threshold.getAsInt());
        details.put("notified", mail(session, realm, machineUser, key, threshold.getAsInt(), now));
        provider.history().record(realm, machineUser.id(), HistoryAction.KEY_EXPIRY_WARNING, Actor.SYSTEM, details);
        ServerAdminEvents.send(session, realm, OperationType.ACTION, AdminResource.MACHINE_USER_ACCESS_KEY,
                AdminResource.accessKeyExpiryWarning(machineUser.id(), key.getId()), details);
    }

    /** The address the warning went to, or null when there was none to send to. */
    private static String mail(KeycloakSession session, RealmModel realm, MachineUser machineUser, AccessKeyModel key,
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
        try {
            new MachineUserMailer(session).send(realm, machineUser, MailTemplate.KEY_EXPIRING, attributes);
        } catch (EmailException e) {
            // Rolls the claim back, so the next run tries again.
            throw new IllegalStateException("mail to the notification address failed: " + e.getMessage(), e);
        }
        return machineUser.notificationEmail();
    }
}
