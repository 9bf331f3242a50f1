package io.github.machineusers.access;

import jakarta.ws.rs.ForbiddenException;
import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Rights of the calling administrator over the machine users of one realm, from the
 * manage-machine-users and view-machine-users roles of the realm's management client (for master
 * realm administrators, of the realm's "<realm>-realm" client), as Keycloak's own roles work.
 */
public final class MachineUserPermissions {

    public static final String MANAGE_ROLE = "manage-machine-users";
    public static final String VIEW_ROLE = "view-machine-users";

    private final AdminPermissionEvaluator auth;
    private final RealmModel realm;

    public MachineUserPermissions(AdminPermissionEvaluator auth, RealmModel realm) {
        this.auth = auth;
        this.realm = realm;
    }

    public AdminPermissionEvaluator evaluator() {
        return auth;
    }

    public UserModel caller() {
        return auth.adminAuth().getUser();
    }

    public boolean canManage() {
        return hasRole(MANAGE_ROLE);
    }

    public boolean canView() {
        return canManage() || hasRole(VIEW_ROLE);
    }

    public void requireManage() {
        if (!canManage()) {
            throw new ForbiddenException();
        }
    }

    public void requireView() {
        if (!canView()) {
            throw new ForbiddenException();
        }
    }

    private boolean hasRole(String role) {
        AdminAuth admin = auth.adminAuth();
        ClientModel managementApp;
        if (admin.getRealm().getName().equals(Config.getAdminRealm())) {
            managementApp = realm.getMasterAdminClient();
        } else if (admin.getRealm().getId().equals(realm.getId())) {
            managementApp = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        } else {
            return false;
        }
        return managementApp != null && admin.hasAppRole(managementApp, role);
    }
}
