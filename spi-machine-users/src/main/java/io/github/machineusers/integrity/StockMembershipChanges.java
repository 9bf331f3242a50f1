package io.github.machineusers.integrity;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.machineusers.groups.MachineUserGroups;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.permissionsets.PermissionSet;
import io.github.machineusers.rest.MachineUsersApiRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * A machine user's roles and groups live on its service-account user, which Keycloak's stock users
 * API can change (manage-users). Such changes are Keycloak's own to allow; they are written into the
 * machine user's history, as the API's own changes are, so that its history says everything that
 * changed what its tokens carry. Changes made by this API, and the memberships a realm import brings,
 * are not recorded here.
 */
public final class StockMembershipChanges {

    private StockMembershipChanges() {
    }

    public static void groupJoined(KeycloakSession session, RealmModel realm, GroupModel group, UserModel user) {
        record(session, realm, user, HistoryAction.GROUP_JOINED, "group", group.getName(), MachineUserGroups.isMachineUserGroup(group));
    }

    public static void groupLeft(KeycloakSession session, RealmModel realm, GroupModel group, UserModel user) {
        record(session, realm, user, HistoryAction.GROUP_LEFT, "group", group.getName(), MachineUserGroups.isMachineUserGroup(group));
    }

    public static void roleGranted(KeycloakSession session, RealmModel realm, RoleModel role, UserModel user) {
        boolean set = PermissionSet.isPermissionSet(role);
        record(session, realm, user, set ? HistoryAction.PERMISSION_SET_GRANTED : HistoryAction.ROLE_GRANTED,
                set ? "permissionSet" : "role", roleName(role), true);
    }

    public static void roleRevoked(KeycloakSession session, RealmModel realm, RoleModel role, UserModel user) {
        boolean set = PermissionSet.isPermissionSet(role);
        record(session, realm, user, set ? HistoryAction.PERMISSION_SET_REVOKED : HistoryAction.ROLE_REVOKED,
                set ? "permissionSet" : "role", roleName(role), true);
    }

    private static String roleName(RoleModel role) {
        return role.isClientRole() && role.getContainer() instanceof ClientModel client
                ? client.getClientId() + "/" + role.getName()
                : role.getName();
    }

    private static void record(KeycloakSession session, RealmModel realm, UserModel user, HistoryAction action,
                               String field, String value, boolean relevant) {
        if (!relevant || session == null || realm == null || user == null || user.getServiceAccountClientLink() == null
                || MachineUsersApiRequest.isMarked(session) || StockClientChanges.isRealmInCreation(session, realm)) {
            return;
        }
        ClientModel client = session.clients().getClientById(realm, user.getServiceAccountClientLink());
        if (!MachineUser.isMachineUser(client)) {
            return;
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put(field, value);
        details.put("via", "users API");
        session.getProvider(MachineUserProvider.class).history().record(realm, client.getId(), action, Actor.SYSTEM, details);
    }
}
