package io.github.machineusers.mail;

import java.util.Map;
import java.util.concurrent.Executor;

import io.github.machineusers.model.MachineUser;
import org.jboss.logging.Logger;
import org.keycloak.email.EmailException;
import org.keycloak.executors.ExecutorsProvider;
import org.keycloak.models.AbstractKeycloakTransaction;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Mails that an administrator's change triggers (suspension, key replacement). They go out only
 * once the change has committed, and on a worker thread, so a slow or broken SMTP server neither
 * delays nor fails the admin request; a failure is logged.
 */
public final class MailAfterCommit {

    private static final Logger LOG = Logger.getLogger(MailAfterCommit.class);
    private static final String EXECUTOR = "machine-users-mail";

    private MailAfterCommit() {
    }

    /** @param attributes plain values only (strings, numbers): they are read after this session has closed */
    public static void enlist(KeycloakSession session, RealmModel realm, MachineUser machineUser, MailTemplate template,
                              Map<String, Object> attributes) {
        if (machineUser.notificationEmail() == null || !MachineUserMailer.canSend(realm)) {
            return;
        }
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        Executor executor = session.getProvider(ExecutorsProvider.class).getExecutor(EXECUTOR);
        String realmId = realm.getId();
        String machineUserId = machineUser.id();
        Map<String, Object> values = Map.copyOf(attributes);
        session.getTransactionManager().enlistAfterCompletion(new AbstractKeycloakTransaction() {
            @Override
            protected void commitImpl() {
                executor.execute(() -> send(factory, realmId, machineUserId, template, values));
            }

            @Override
            protected void rollbackImpl() {
                // Nothing changed, so there is nothing to tell.
            }
        });
    }

    private static void send(KeycloakSessionFactory factory, String realmId, String machineUserId, MailTemplate template,
                             Map<String, Object> attributes) {
        try {
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                ClientModel client = realm == null ? null : session.clients().getClientById(realm, machineUserId);
                if (client == null || !MachineUser.isMachineUser(client)) {
                    return;
                }
                try {
                    new MachineUserMailer(session).send(realm, MachineUser.of(client), template, attributes);
                } catch (EmailException e) {
                    throw new IllegalStateException(e.getMessage(), e);
                }
            });
        } catch (RuntimeException e) {
            LOG.warnf("Could not send the %s mail for machine user %s in realm %s: %s", template, machineUserId, realmId,
                    e.getMessage());
        }
    }
}
