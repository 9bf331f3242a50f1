package io.github.machineusers.authorization;

import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.HttpMethod;
import org.keycloak.Config;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.resources.admin.AdminAuth;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * Rights of the calling administrator over the machine users of one realm. Realm-wide rights are
 * Keycloak roles: manage-machine-users and view-machine-users of the realm's management client
 * (for master realm administrators, of the realm's "<realm>-realm" client). Narrower rights come
 * from partitions: a partition administrator or viewer acts on the machine users owned by that
 * partition and its sub-partitions only.
 */
public final class MachineUserPermissions {

    public static final String MANAGE_ROLE = "manage-machine-users";
    public static final String VIEW_ROLE = "view-machine-users";

    private final KeycloakSession session;
    private final AdminPermissionEvaluator auth;
    private final RealmModel realm;
    private Boolean manageAll;
    private Boolean viewAll;
    private PartitionScope scope;

    public MachineUserPermissions(KeycloakSession session, AdminPermissionEvaluator auth, RealmModel realm) {
        this.session = session;
        this.auth = auth;
        this.realm = realm;
    }

    public KeycloakSession session() {
        return session;
    }

    public AdminPermissionEvaluator evaluator() {
        return auth;
    }

    public UserModel caller() {
        return auth.adminAuth().getUser();
    }

    /** Realm-wide manage right. */
    public boolean canManage() {
        if (manageAll == null) {
            manageAll = hasRole(MANAGE_ROLE);
        }
        return manageAll;
    }

    /** Realm-wide view right. */
    public boolean canView() {
        if (viewAll == null) {
            viewAll = canManage() || hasRole(VIEW_ROLE);
        }
        return viewAll;
    }

    /** The partitions of a caller without realm-wide rights; empty for everyone else. */
    public PartitionScope scope() {
        if (scope == null) {
            boolean sameRealm = auth.adminAuth().getRealm().getId().equals(realm.getId());
            scope = sameRealm && !canView() ? PartitionScope.of(session, realm, caller()) : PartitionScope.none();
        }
        return scope;
    }

    /** May see at least some machine users: realm-wide, or in some partition. */
    public boolean canViewSome() {
        return canView() || !scope().isEmpty();
    }

    /** @param partitionId the owner partition, null for the realm root */
    public boolean canView(String partitionId) {
        return canView() || (partitionId != null && scope().viewed().contains(partitionId));
    }

    /** @param partitionId the owner partition, null for the realm root */
    public boolean canManage(String partitionId) {
        return canManage() || (partitionId != null && scope().managed().contains(partitionId));
    }

    public void requireManage() {
        require(canManage());
    }

    public void requireView() {
        require(canView());
    }

    public void requireViewSome() {
        require(canViewSome());
    }

    public void requireView(String partitionId) {
        require(canView(partitionId));
    }

    public void requireManage(String partitionId) {
        require(canManage(partitionId));
    }

    /**
     * The check a sub-resource locator makes once for every method below it, as Keycloak's own admin
     * resources do: reading needs the view right, every other method the manage right.
     *
     * @param partitionId the owner partition of what the sub-resource serves, null for the realm root
     */
    public void requireFor(String httpMethod, String partitionId) {
        if (isReading(httpMethod)) {
            requireView(partitionId);
        } else {
            requireManage(partitionId);
        }
    }

    /** GET and HEAD read; every other method may change something. */
    public static boolean isReading(String httpMethod) {
        return HttpMethod.GET.equals(httpMethod) || HttpMethod.HEAD.equals(httpMethod);
    }

    private static void require(boolean allowed) {
        if (!allowed) {
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
