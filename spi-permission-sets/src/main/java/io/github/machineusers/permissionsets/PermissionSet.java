package io.github.machineusers.permissionsets;

import java.util.Comparator;
import java.util.List;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RoleModel;

/**
 * A permission set: a realm role marked as such, composite of the roles it grants. Being a role,
 * it is granted with Keycloak's role mappings, appears in tokens through Keycloak's own role
 * claims, and travels with realm export and import.
 */
public final class PermissionSet {

    /** Role attribute that marks a realm role as a permission set. */
    public static final String MARKER = "permission-set";
    /** Marks a set defined by a template; the API refuses to change or delete it. */
    public static final String MANAGED = "permission-set.managed";
    /** Marks a set that may contain only read-only roles. */
    public static final String READ_ONLY = "permission-set.read-only";
    /** Marks any role (realm or client) as read-only, so read-only sets may contain it. */
    public static final String ROLE_READ_ONLY = "read-only";

    private final RoleModel role;

    private PermissionSet(RoleModel role) {
        this.role = role;
    }

    public static boolean isPermissionSet(RoleModel role) {
        return role != null && !role.isClientRole() && "true".equals(role.getFirstAttribute(MARKER));
    }

    public static PermissionSet of(RoleModel role) {
        return isPermissionSet(role) ? new PermissionSet(role) : null;
    }

    /** A role is read-only when it says so, or when it is itself a read-only set. */
    public static boolean isReadOnlyRole(RoleModel role) {
        return "true".equals(role.getFirstAttribute(ROLE_READ_ONLY)) || (isPermissionSet(role) && "true".equals(role.getFirstAttribute(READ_ONLY)));
    }

    public RoleModel role() {
        return role;
    }

    public String name() {
        return role.getName();
    }

    public String description() {
        return role.getDescription();
    }

    public boolean isManaged() {
        return "true".equals(role.getFirstAttribute(MANAGED));
    }

    public boolean isReadOnly() {
        return "true".equals(role.getFirstAttribute(READ_ONLY));
    }

    /** The granted roles as names: realm roles by name, client roles as {@code clientId/role}. */
    public List<String> roleNames() {
        return role.getCompositesStream().map(PermissionSet::reference).sorted(Comparator.naturalOrder()).toList();
    }

    static String reference(RoleModel role) {
        return role.isClientRole() ? ((ClientModel) role.getContainer()).getClientId() + "/" + role.getName() : role.getName();
    }
}
