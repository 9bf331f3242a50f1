package io.github.machineusers.integrity;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.manage.MachineUserClientShape;
import io.github.machineusers.model.AccessKeysVersion;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.RecordedState;
import io.github.machineusers.rest.MachineUsersApiRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponseException;

/**
 * Keeps the promises of a machine user whatever stock path changes its client: Keycloak's clients
 * API and console, partial import, realm import. Keycloak publishes {@link ClientModel.ClientUpdatedEvent}
 * after every such change and before the transaction commits; a change that would weaken a machine
 * user is refused there: a 400 whose message names the machine-users API, and the whole change rolled back.
 *
 * <p>Refused: another client authenticator (a plaintext secret would then authenticate past the
 * keys' status, expiry, limit, usage and history), browser, password, device, CIBA and token-exchange
 * grants, a public or bearer-only client, turning the service account off, a protocol other than
 * OpenID Connect, re-enabling a suspended machine user or disabling an active one (the ban belongs to
 * suspend and resume), lowering its not-before time (that would revive tokens a ban killed), moving it
 * to another partition, removing the marker, and marking an existing client (that is adoption, not an
 * attribute). A client id shaped like an access-key id is refused on every client, machine user or not,
 * because the token endpoint looks such ids up as keys first.
 *
 * <p>Neutralised rather than refused: a client secret. Keycloak's own regenerate-secret endpoint sets
 * one without publishing an event, and the console sends it back on its next save; it is cleared here,
 * and it could not authenticate anyway, because the authenticator stays ours.
 *
 * <p>A client that arrives marked through a stock path (created through the clients API or a partial
 * import) is made a machine user as the API would make it, owned by the realm root, with no keys.
 * One that arrives with a realm import is normalised the same way and registered when the realm is
 * complete, where its owner partition (also part of the file) can be resolved.
 */
public final class StockClientChanges {

    /** Session attribute: ids of clients created in this transaction, from {@link ClientModel.ClientCreationEvent}. */
    private static final String CREATED_NOW = "machine-users.clients-created-now";
    /** Session attribute: ids of realms being created, between RealmCreationEvent and RealmPostCreateEvent. */
    private static final String REALMS_IN_CREATION = "machine-users.realms-in-creation";

    private StockClientChanges() {
    }

    public static void clientCreated(KeycloakSession session, ClientModel client) {
        idsIn(session, CREATED_NOW).add(client.getId());
    }

    public static void realmCreationStarted(KeycloakSession session, RealmModel realm) {
        idsIn(session, REALMS_IN_CREATION).add(realm.getId());
    }

    public static void realmCreationEnded(KeycloakSession session, RealmModel realm) {
        idsIn(session, REALMS_IN_CREATION).remove(realm.getId());
    }

    /** Between Keycloak's realm-creation and realm-post-create events: a realm import is writing the realm. */
    public static boolean isRealmInCreation(KeycloakSession session, RealmModel realm) {
        Object ids = session.getAttribute(REALMS_IN_CREATION);
        return ids instanceof Set<?> set && set.contains(realm.getId());
    }

    /** Called for every {@link ClientModel.ClientUpdatedEvent}. */
    public static void clientUpdated(KeycloakSession session, ClientModel client) {
        if (AccessKeySecrets.looksLikeKeyId(client.getClientId())) {
            throw StockChangeRefusal.refuse(session, "Client id '" + client.getClientId() + "' has the shape of a machine-user access-key id ("
                    + AccessKeySecrets.KEY_ID_PREFIX + " and 16 letters or digits); choose another client id");
        }
        if (MachineUsersApiRequest.isMarked(session)) {
            return;
        }
        RealmModel realm = client.getRealm();
        MachineUserProvider provider = session.getProvider(MachineUserProvider.class);
        RecordedState recorded = provider.recordedState(realm, client.getId());
        boolean marked = MachineUser.isMachineUser(client);
        if (recorded == null) {
            if (marked) {
                arrivedMarked(session, realm, client, provider);
            }
            return;
        }
        if (!marked) {
            throw refused(session, realm, client, "the '" + MachineUser.MARKER + "' attribute cannot be removed; delete the machine user instead");
        }
        List<String> problems = MachineUserClientShape.deviations(client);
        if (client.isEnabled() == recorded.suspended()) {
            problems.add(recorded.suspended()
                    ? "it is suspended; POST .../machine-users/{id}/resume lifts the ban"
                    : "it is active; POST .../machine-users/{id}/suspend bans it");
        }
        if (client.getNotBefore() < recorded.notBefore()) {
            problems.add("its not-before time cannot be moved back, which would revive tokens a ban killed");
        }
        if (!Objects.equals(recorded.partitionId(), client.getAttribute(MachineUser.PARTITION))) {
            problems.add("its owner partition changes through PUT .../machine-users/{id} with 'partition'");
        }
        if (!problems.isEmpty()) {
            throw refused(session, realm, client, String.join("; ", problems));
        }
        MachineUserClientShape.clearSecret(client);
        // The console sends back every attribute it read, the key stamp too; an old stamp must not bring back
        // keys a node cached before a later key change, so every stock change gets a new one.
        AccessKeysVersion.renew(client);
    }

    private static void arrivedMarked(KeycloakSession session, RealmModel realm, ClientModel client, MachineUserProvider provider) {
        if (!idsIn(session, CREATED_NOW).contains(client.getId())) {
            throw refused(session, realm, client, "an existing client cannot be marked as a machine user through the clients API;"
                    + " create a machine user with POST .../machine-users");
        }
        MachineUserClientShape.apply(client);
        if (idsIn(session, REALMS_IN_CREATION).contains(realm.getId())) {
            // A realm import: registered with its owner partition once the realm's groups exist too.
            return;
        }
        // Only the machine-users API decides ownership; a stock path cannot place a machine user in a partition.
        client.removeAttribute(MachineUser.PARTITION);
        provider.register(realm, client, Actor.SYSTEM.username());
        provider.history().record(realm, client.getId(), HistoryAction.CREATED, Actor.SYSTEM,
                Map.of("clientId", client.getClientId(), "via", "clients API"));
    }

    private static ErrorResponseException refused(KeycloakSession session, RealmModel realm, ClientModel client, String why) {
        return StockChangeRefusal.refuse(session, "Client '" + client.getClientId() + "' is a machine user, changed only through"
                + " /admin/realms/" + realm.getName() + "/machine-users: " + why);
    }

    @SuppressWarnings("unchecked")
    private static Set<String> idsIn(KeycloakSession session, String attribute) {
        Object ids = session.getAttribute(attribute);
        if (ids == null) {
            ids = new HashSet<String>();
            session.setAttribute(attribute, ids);
        }
        return (Set<String>) ids;
    }
}
