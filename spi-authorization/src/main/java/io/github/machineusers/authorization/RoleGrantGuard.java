package io.github.machineusers.authorization;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import jakarta.ws.rs.ForbiddenException;
import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * Stops a machine-user administrator from handing out more than they hold. A permission set that
 * contains an administrative role, directly or through a composite, may be made or granted only by
 * someone who holds that role; otherwise manage-machine-users would be a way to become an
 * administrator.
 *
 * <p>Which roles are administrative depends on the realm. In an ordinary realm they are the roles
 * of its realm-management client. The master realm has no realm-management client: there they are
 * the realm role {@code admin} and everything it contains, which Keycloak keeps as the union of
 * {@code create-realm}, every {@code <realm>-realm} client role and every {@code master-realm}
 * role. In master nobody may grant such a role without holding it, not even a realm manager,
 * because a master manager is not a server administrator.
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

    /** For a machine-user group: joining it grants every role the group holds. */
    public void requireMayGrantAll(Stream<RoleModel> roles) {
        roles.forEach(this::requireMayGrant);
    }

    public boolean mayGrant(RoleModel role) {
        if (isAdminRealm()) {
            return mayGrantInAdminRealm(role);
        }
        ClientModel management = realm.getClientByClientId(Constants.REALM_MANAGEMENT_CLIENT_ID);
        if (management == null) {
            // A realm without its management client can be administered only from master; its roles are all ordinary.
            return true;
        }
        if (!isRealmAdministrative(role, management)) {
            return true;
        }
        return permissions.evaluator().realm().canManageRealm() || callerOfThisRealmHolds(role);
    }

    /** Every administrative piece of the role, itself or inside it at any depth, must be held by the caller. */
    private boolean mayGrantInAdminRealm(RoleModel role) {
        RoleModel admin = realm.getRole(AdminRoles.ADMIN);
        return Stream.concat(Stream.of(role), expand(role))
                .filter(r -> isServerAdministrative(r, admin))
                .allMatch(this::callerOfThisRealmHolds);
    }

    private boolean isAdminRealm() {
        return realm.getName().equals(Config.getAdminRealm());
    }

    /** Only a user of this realm can hold its roles. */
    private boolean callerOfThisRealmHolds(RoleModel role) {
        boolean callerOfThisRealm = permissions.evaluator().adminAuth().getRealm().getId().equals(realm.getId());
        return callerOfThisRealm && permissions.caller().hasRole(role);
    }

    /** Without Keycloak's admin role nothing can be told apart: then every role counts, against the caller. */
    private boolean isServerAdministrative(RoleModel role, RoleModel admin) {
        return admin == null || admin.hasRole(role) || isMasterAdminClientRole(role);
    }

    /**
     * A role of a {@code <realm>-realm} client, through which master administers that realm. Keycloak puts
     * those roles into {@code admin}, but a role added to such a client later is still administrative.
     */
    private boolean isMasterAdminClientRole(RoleModel role) {
        if (!role.isClientRole() || !(role.getContainer() instanceof ClientModel client)) {
            return false;
        }
        String clientId = client.getClientId();
        return clientId != null && clientId.endsWith("-realm") && isRealmAdminClient(client);
    }

    private boolean isRealmAdminClient(ClientModel client) {
        String realmName = client.getClientId().substring(0, client.getClientId().length() - "-realm".length());
        RealmModel administered = permissions.session().realms().getRealmByName(realmName);
        return administered != null && administered.getMasterAdminClient() != null
                && administered.getMasterAdminClient().getId().equals(client.getId());
    }

    /** Every role the composite contains, at any depth; each once, so a cycle cannot loop. */
    private static Stream<RoleModel> expand(RoleModel role) {
        Set<RoleModel> seen = new HashSet<>();
        Deque<RoleModel> open = new ArrayDeque<>(List.of(role));
        while (!open.isEmpty()) {
            open.pop().getCompositesStream().filter(seen::add).forEach(open::push);
        }
        return seen.stream();
    }

    private static boolean isRealmAdministrative(RoleModel role, ClientModel management) {
        if (role.isClientRole() && role.getContainerId().equals(management.getId())) {
            return true;
        }
        return role.isComposite() && management.getRolesStream().anyMatch(role::hasRole);
    }
}
