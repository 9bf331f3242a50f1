package io.github.machineusers.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.EventStoreProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.AuthDetails;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.util.JsonSerialization;

/**
 * Admin events that the server raises by itself, with no administrator behind them (an expiry
 * warning). Keycloak's AdminEventBuilder needs the authenticated admin of a request; this sends
 * the same kind of event to the same places: the realm's event store when admin events are on,
 * and the realm's and the global event listeners. The auth details name only the realm.
 */
public final class ServerAdminEvents {

    private static final Logger LOG = Logger.getLogger(ServerAdminEvents.class);

    private ServerAdminEvents() {
    }

    /** @param representation what the event shows; must never hold a secret */
    public static void send(KeycloakSession session, RealmModel realm, OperationType operation, AdminResource resource,
                            String resourcePath, Object representation) {
        boolean withRepresentation = realm.isAdminEventsDetailsEnabled();
        AdminEvent event = new AdminEvent();
        event.setId(UUID.randomUUID().toString());
        event.setTime(Time.currentTimeMillis());
        event.setRealmId(realm.getId());
        event.setRealmName(realm.getName());
        AuthDetails auth = new AuthDetails();
        auth.setRealmId(realm.getId());
        auth.setRealmName(realm.getName());
        event.setAuthDetails(auth);
        event.setOperationType(operation);
        event.setResourceTypeAsString(resource.name());
        event.setResourcePath(resourcePath);
        if (withRepresentation && representation != null) {
            try {
                event.setRepresentation(JsonSerialization.writeValueAsString(representation));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (realm.isAdminEventsEnabled()) {
            EventStoreProvider store = session.getProvider(EventStoreProvider.class);
            if (store != null) {
                store.onEvent(event, withRepresentation);
            }
        }
        Set<String> realmListeners = realm.getEventsListenersStream().collect(Collectors.toSet());
        session.getKeycloakSessionFactory().getProviderFactoriesStream(EventListenerProvider.class)
                .filter(f -> realmListeners.contains(f.getId()) || ((EventListenerProviderFactory) f).isGlobal())
                .forEach(f -> {
                    try {
                        session.getProvider(EventListenerProvider.class, f.getId()).onEvent(event, withRepresentation);
                    } catch (RuntimeException e) {
                        LOG.warnf("Event listener %s failed on a machine-user admin event: %s", f.getId(), e.getMessage());
                    }
                });
    }
}
