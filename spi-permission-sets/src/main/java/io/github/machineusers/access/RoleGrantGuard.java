package io.github.machineusers.access;

import jakarta.ws.rs.ForbiddenException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * Stops a machine-user administrator from handing out more than they hold. A permission set that
 * contains an administrative role (a role of the realm-management client, directly or through a
 * composite) may be made or granted only by someone who holds that role, or who may manage the
 * whole realm; otherwise manage-machine-users would be a way to become realm-admin.
 */
public final class RoleGrantGuard {

    private final MachineUserPermissions permissions;
    private final RealmModel realm;

    public RoleGrantGuard(MachineUserPermissions permissions, RealmModel realm) {
        this.permissions = permissions;
        this.realm = realm;
    }

    public void requireMayGrant(RoleModel role) {
        if (!mayGrant(role)) {
            throw new ForbiddenException("Granting '" + role.getName() + "' needs the administrative roles it contains");
        }
    }

    public boolean mayGrant(RoleModel role) {
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (management == null || !isAdministrative(role, management)) {
            return true;
        }
        if (permissions.evaluator().realm().canManageRealm()) {
            return true;
        }
        // Only a user of this realm can hold its realm-management roles.
        boolean callerOfThisRealm = permissions.evaluator().adminAuth().getRealm().getId().equals(realm.getId());
        return callerOfThisRealm && permissions.caller().hasRole(role);
    }

    private static boolean isAdministrative(RoleModel role, ClientModel management) {
        if (role.isClientRole() && role.getContainerId().equals(management.getId())) {
            return true;
        }
        return role.isComposite() && management.getRolesStream().anyMatch(role::hasRole);
    }
}
