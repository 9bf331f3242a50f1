package io.github.machineusers.permissionsets.admin;

import java.util.List;

import io.github.machineusers.authorization.MachineUserPermissions;
import io.github.machineusers.authorization.RoleGrantGuard;
import io.github.machineusers.permissionsets.PermissionSet;
import io.github.machineusers.permissionsets.PermissionSetException;
import io.github.machineusers.permissionsets.PermissionSets;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Permission sets named in a request, resolved (400 for unknown names) and checked against the caller's rights (403). */
public final class GrantablePermissionSets {

    private GrantablePermissionSets() {
    }

    public static List<PermissionSet> resolve(KeycloakSession session, RealmModel realm, MachineUserPermissions permissions, List<String> names) {
        List<PermissionSet> sets;
        try {
            sets = new PermissionSets(session, realm).resolve(names);
        } catch (PermissionSetException e) {
            throw PermissionSetErrors.toResponse(e);
        }
        RoleGrantGuard guard = new RoleGrantGuard(permissions, realm);
        sets.forEach(set -> guard.requireMayGrant(set.role()));
        return sets;
    }
}
