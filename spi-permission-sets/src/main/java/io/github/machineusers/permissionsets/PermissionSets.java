package io.github.machineusers.permissionsets;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import io.github.machineusers.permissionsets.PermissionSetException.Kind;
import io.github.machineusers.text.StoredText;
import io.github.machineusers.text.TextRules;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/** The permission sets of one realm. */
public class PermissionSets {

    public static final int MAX_NAME = 255;
    public static final int MAX_DESCRIPTION = 255;
    public static final int MAX_ROLES = 500;

    private final KeycloakSession session;
    private final RealmModel realm;

    public PermissionSets(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public Stream<PermissionSet> list(String search) {
        String needle = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
        return realm.getRolesStream()
                .map(PermissionSet::of)
                .filter(set -> set != null && (needle == null || set.name().toLowerCase(Locale.ROOT).contains(needle)))
                .sorted((a, b) -> a.name().compareToIgnoreCase(b.name()));
    }

    public PermissionSet get(String name) {
        if (!TextRules.lookupable(name, MAX_NAME) || !StoredText.fits(session, name)) {
            return null;
        }
        return PermissionSet.of(realm.getRole(name));
    }

    public PermissionSet require(String name) {
        PermissionSet set = get(name);
        if (set == null) {
            throw new PermissionSetException(Kind.NOT_FOUND, "Permission set not found: " + abbreviate(name));
        }
        return set;
    }

    /** Resolves names to sets; any unknown name is a 400 naming it. */
    public List<PermissionSet> resolve(List<String> names) {
        List<PermissionSet> sets = new ArrayList<>();
        if (names == null) {
            return sets;
        }
        List<String> unknown = new ArrayList<>();
        for (String name : new LinkedHashSet<>(names)) {
            PermissionSet set = get(name);
            if (set == null) {
                unknown.add(abbreviate(name));
            } else {
                sets.add(set);
            }
        }
        if (!unknown.isEmpty()) {
            throw new PermissionSetException(Kind.INVALID, "Unknown permissionSets: " + String.join(", ", unknown));
        }
        return sets;
    }

    public PermissionSet create(String name, String description, List<String> roleNames, boolean readOnly) {
        String validName = validName(name);
        if (realm.getRole(validName) != null) {
            throw new PermissionSetException(Kind.CONFLICT, "A role named '" + validName + "' already exists");
        }
        Set<RoleModel> roles = resolveRoles(roleNames, null, readOnly);
        RoleModel role = realm.addRole(validName);
        role.setDescription(validDescription(description));
        role.setSingleAttribute(PermissionSet.MARKER, "true");
        setFlag(role, PermissionSet.READ_ONLY, readOnly);
        roles.forEach(role::addCompositeRole);
        return PermissionSet.of(role);
    }

    /** Replaces description, roles and read-only flag of a custom set. */
    public void update(PermissionSet set, String description, List<String> roleNames, boolean readOnly) {
        requireCustom(set);
        Set<RoleModel> roles = resolveRoles(roleNames, set.role(), readOnly);
        RoleModel role = set.role();
        role.setDescription(validDescription(description));
        setFlag(role, PermissionSet.READ_ONLY, readOnly);
        role.getCompositesStream().filter(r -> !roles.contains(r)).toList().forEach(role::removeCompositeRole);
        roles.stream().filter(r -> role.getCompositesStream().noneMatch(r::equals)).forEach(role::addCompositeRole);
    }

    public boolean isGranted(PermissionSet set) {
        return session.users().getRoleMembersStream(realm, set.role(), 0, 1).findAny().isPresent()
                || session.groups().getGroupsByRoleStream(realm, set.role(), 0, 1).findAny().isPresent()
                || realm.getRolesStream().anyMatch(r -> !r.equals(set.role()) && r.getCompositesStream().anyMatch(set.role()::equals));
    }

    /** Deletes a custom set; one still granted only when forced, which removes the grants with it. */
    public void delete(PermissionSet set, boolean force) {
        requireCustom(set);
        if (!force && isGranted(set)) {
            throw new PermissionSetException(Kind.CONFLICT, "Permission set '" + set.name()
                    + "' is still granted; revoke it first or delete with force=true");
        }
        realm.removeRole(set.role());
    }

    public void requireCustom(PermissionSet set) {
        if (set.isManaged()) {
            throw new PermissionSetException(Kind.CONFLICT, "Permission set '" + set.name() + "' is managed and cannot be changed");
        }
    }

    /** The sets a user holds directly or through its groups and their parents, by name. */
    public static List<String> effectiveNames(UserModel user) {
        Set<String> names = new java.util.TreeSet<>();
        user.getRealmRoleMappingsStream().filter(PermissionSet::isPermissionSet).forEach(r -> names.add(r.getName()));
        user.getGroupsStream().forEach(group -> {
            for (GroupModel g = group; g != null; g = g.getParent()) {
                g.getRealmRoleMappingsStream().filter(PermissionSet::isPermissionSet).forEach(r -> names.add(r.getName()));
            }
        });
        return List.copyOf(names);
    }

    /** The sets granted to a user directly, by name. */
    public static List<String> directNames(UserModel user) {
        return user.getRealmRoleMappingsStream().filter(PermissionSet::isPermissionSet).map(RoleModel::getName).sorted().toList();
    }

    private Set<RoleModel> resolveRoles(List<String> roleNames, RoleModel self, boolean readOnly) {
        Set<RoleModel> roles = new LinkedHashSet<>();
        if (roleNames == null) {
            return roles;
        }
        if (roleNames.size() > MAX_ROLES) {
            throw new PermissionSetException(Kind.INVALID, "A permission set holds at most " + MAX_ROLES + " roles");
        }
        List<String> unknown = new ArrayList<>();
        List<String> notReadOnly = new ArrayList<>();
        for (String reference : roleNames) {
            RoleModel role = findRole(reference);
            if (role == null) {
                unknown.add(abbreviate(String.valueOf(reference)));
                continue;
            }
            if (self != null && (role.equals(self) || role.hasRole(self))) {
                throw new PermissionSetException(Kind.INVALID, "Permission set '" + self.getName() + "' cannot contain itself");
            }
            if (readOnly && !PermissionSet.isReadOnlyRole(role)) {
                notReadOnly.add(reference);
            }
            roles.add(role);
        }
        if (!unknown.isEmpty()) {
            throw new PermissionSetException(Kind.INVALID, "Unknown roles: " + String.join(", ", unknown));
        }
        if (!notReadOnly.isEmpty()) {
            throw new PermissionSetException(Kind.INVALID, "A read-only permission set may contain only read-only roles; not read-only: "
                    + String.join(", ", notReadOnly));
        }
        return roles;
    }

    /** A realm role by name, or a client role as {@code clientId/role}. */
    public RoleModel findRole(String reference) {
        if (reference == null || reference.isBlank()) {
            return null;
        }
        int slash = reference.indexOf('/');
        if (slash < 0) {
            return realm.getRole(reference);
        }
        ClientModel client = realm.getClientByClientId(reference.substring(0, slash));
        return client == null ? null : client.getRole(reference.substring(slash + 1));
    }

    private static String validName(String name) {
        if (name == null || name.isBlank()) {
            throw new PermissionSetException(Kind.INVALID, "Field 'name' is required");
        }
        if (name.length() > MAX_NAME) {
            throw new PermissionSetException(Kind.INVALID, "Field 'name' is longer than " + MAX_NAME + " characters");
        }
        if (!name.equals(name.strip()) || name.contains("/") || TextRules.problem(name) != null) {
            throw new PermissionSetException(Kind.INVALID,
                    "Field 'name' must be valid text without '/', control characters or surrounding spaces");
        }
        return name;
    }

    private static String validDescription(String description) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            throw new PermissionSetException(Kind.INVALID, "Field 'description' is longer than " + MAX_DESCRIPTION + " characters");
        }
        if (description != null && TextRules.problem(description) != null) {
            throw new PermissionSetException(Kind.INVALID, "Field 'description' " + TextRules.problem(description));
        }
        return description == null || description.isBlank() ? null : description;
    }

    private static void setFlag(RoleModel role, String attribute, boolean value) {
        if (value) {
            role.setSingleAttribute(attribute, "true");
        } else {
            role.removeAttribute(attribute);
        }
    }

    private static String abbreviate(String value) {
        return value == null ? "null" : value.length() > 100 ? value.substring(0, 100) + "…" : value;
    }
}
