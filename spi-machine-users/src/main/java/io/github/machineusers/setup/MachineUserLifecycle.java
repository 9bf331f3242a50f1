package io.github.machineusers.setup;

import java.util.Map;

import io.github.machineusers.authorization.PartitionRightsProvider;
import io.github.machineusers.groups.MachineUserGroups;
import io.github.machineusers.integrity.StockClientChanges;
import io.github.machineusers.integrity.StockGroupChanges;
import io.github.machineusers.integrity.StockMembershipChanges;
import io.github.machineusers.manage.MachineUserManager;
import io.github.machineusers.manage.MachineUserRealmSetup;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.partitions.Partitions;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderEvent;

/** Keeps the extension's data in step with Keycloak's realms, clients, groups and users. */
public class MachineUserLifecycle {

    public void onServerReady(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory,
                session -> session.realms().getRealmsStream().forEach(realm -> MachineUserRealmSetup.apply(session, realm)));
    }

    public void onEvent(ProviderEvent event) {
        if (event instanceof RealmModel.RealmCreationEvent created) {
            StockClientChanges.realmCreationStarted(created.getKeycloakSession(), created.getCreatedRealm());
        } else if (event instanceof ClientModel.ClientCreationEvent created && created.getKeycloakSession() != null) {
            StockClientChanges.clientCreated(created.getKeycloakSession(), created.getCreatedClient());
        } else if (event instanceof RealmModel.RealmPostCreateEvent created) {
            StockClientChanges.realmCreationEnded(created.getKeycloakSession(), created.getCreatedRealm());
            MachineUserRealmSetup.apply(created.getKeycloakSession(), created.getCreatedRealm());
            TemplateAdminRoles.wire(created.getCreatedRealm());
            registerImportedMachineUsers(created.getKeycloakSession(), created.getCreatedRealm());
        } else if (event instanceof ClientModel.ClientUpdatedEvent updated) {
            StockClientChanges.clientUpdated(updated.getKeycloakSession(), updated.getUpdatedClient());
            onClientUpdated(updated.getKeycloakSession(), updated.getUpdatedClient());
        } else if (event instanceof ClientModel.ClientRemovedEvent removed) {
            onClientRemoved(removed.getKeycloakSession(), removed.getClient());
        } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
            onRealmRemoved(removed.getKeycloakSession(), removed.getRealm().getId());
        } else if (event instanceof GroupModel.GroupRemovedEvent removed) {
            onGroupRemoved(removed.getKeycloakSession(), removed.getRealm(), removed.getGroup());
        } else if (event instanceof UserModel.UserRemovedEvent removed) {
            removed.getKeycloakSession().getProvider(PartitionRightsProvider.class).removeUser(removed.getRealm(), removed.getUser().getId());
        } else if (event instanceof GroupModel.GroupPathChangeEvent moved) {
            StockGroupChanges.pathChanged(moved.getKeycloakSession(), moved.getRealm(), moved.getGroup(), moved.getPreviousPath());
        } else if (event instanceof GroupModel.GroupMemberJoinEvent joined) {
            StockMembershipChanges.groupJoined(joined.getKeycloakSession(), joined.getRealm(), joined.getGroup(), joined.getUser());
        } else if (event instanceof GroupModel.GroupMemberLeaveEvent left) {
            StockMembershipChanges.groupLeft(left.getKeycloakSession(), left.getRealm(), left.getGroup(), left.getUser());
        } else if (event instanceof RoleModel.RoleGrantedEvent granted) {
            StockMembershipChanges.roleGranted(granted.getKeycloakSession(), granted.getRealm(), granted.getRole(), granted.getUser());
        } else if (event instanceof RoleModel.RoleRevokedEvent revoked) {
            StockMembershipChanges.roleRevoked(revoked.getKeycloakSession(), revoked.getRealm(), revoked.getRole(), revoked.getUser());
        }
    }

    private static void onRealmRemoved(KeycloakSession session, String realmId) {
        session.getProvider(MachineUserProvider.class).removeByRealm(realmId);
        session.getProvider(PartitionRightsProvider.class).removeRealm(realmId);
    }

    /** Rights on a partition and grants of a machine-user group go with the group. */
    private static void onGroupRemoved(KeycloakSession session, RealmModel realm, GroupModel group) {
        session.getProvider(PartitionRightsProvider.class).removePartition(realm, group.getId());
        session.getProvider(MachineUserProvider.class).groupGrants().removeGroup(realm, group.getId());
    }

    /** A machine user renamed through the stock clients API or console stays findable by its new name. */
    private static void onClientUpdated(KeycloakSession session, ClientModel client) {
        if (MachineUser.isMachineUser(client)) {
            session.getProvider(MachineUserProvider.class).refreshSearchText(client.getRealm(), client);
        }
    }

    private static void onClientRemoved(KeycloakSession session, ClientModel client) {
        if (!MachineUser.isMachineUser(client)) {
            return;
        }
        MachineUserProvider provider = session.getProvider(MachineUserProvider.class);
        RealmModel realm = client.getRealm();
        if (!client.getId().equals(session.getAttribute(MachineUserManager.DELETION_RECORDED))) {
            // Deleted outside the machine-user API, for example in the stock console's client list.
            provider.history().record(realm, client.getId(), HistoryAction.DELETED, Actor.SYSTEM,
                    Map.of("clientId", client.getClientId(), "via", "clients API"));
        }
        provider.unregister(realm, client.getId());
    }

    /**
     * Machine users that arrive with a realm import are clients only; give them directory entries. The
     * realm file's partition rights and group grants (group attributes) are taken as they are: this is the
     * one moment those attributes are read, so editing them later through the stock groups API grants nothing.
     */
    private static void registerImportedMachineUsers(KeycloakSession session, RealmModel realm) {
        session.getProvider(MachineUserProvider.class).registerUnlisted(realm, "realm import");
        new Partitions(session, realm).all().forEach(partition -> Partitions.importRights(session, realm, partition));
        session.groups().getGroupsStream(realm).filter(MachineUserGroups::isMachineUserGroup)
                .forEach(group -> MachineUserGroups.importGrants(session, realm, group));
    }
}
