package io.github.machineusers.groups;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.partitions.Partitions;
import io.github.machineusers.permissionsets.PermissionSet;
import io.github.machineusers.text.TextRules;
import io.github.machineusers.validation.Validation;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * Machine-user groups: top-level Keycloak groups marked as such. Members are the machine users'
 * service-account users, the group's realm role mappings are its permission sets, and its
 * partition grants are a group attribute of partition ids.
 */
public class MachineUserGroups {

    public static final String MARKER = "machine-user-group";
    public static final String PARTITIONS = "machine-user-group.partitions";

    private final KeycloakSession session;
    private final RealmModel realm;

    public MachineUserGroups(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    public static boolean isMachineUserGroup(GroupModel group) {
        return group != null && "true".equals(group.getFirstAttribute(MARKER));
    }

    public Stream<GroupModel> search(String search) {
        String needle = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
        return session.groups().searchGroupsByAttributes(realm, Map.of(MARKER, "true"), null, null)
                .filter(MachineUserGroups::isMachineUserGroup)
                .filter(g -> needle == null || g.getName().toLowerCase(Locale.ROOT).contains(needle))
                .sorted(Comparator.comparing(GroupModel::getName, String.CASE_INSENSITIVE_ORDER));
    }

    public GroupModel byId(String id) {
        if (!TextRules.lookupable(id, 36)) {
            return null;
        }
        GroupModel group = session.groups().getGroupById(realm, id);
        return isMachineUserGroup(group) ? group : null;
    }

    /** By id or by name; null when there is none. */
    public GroupModel find(String nameOrId) {
        GroupModel byId = byId(nameOrId);
        if (byId != null) {
            return byId;
        }
        return search(null).filter(g -> g.getName().equals(nameOrId)).findFirst().orElse(null);
    }

    /** Resolves names or ids to groups; any unknown one is a 400 naming it. */
    public List<GroupModel> resolve(List<String> namesOrIds) {
        List<GroupModel> groups = new ArrayList<>();
        if (namesOrIds == null) {
            return groups;
        }
        List<String> unknown = new ArrayList<>();
        for (String value : new LinkedHashSet<>(namesOrIds)) {
            GroupModel group = value == null ? null : find(value);
            if (group == null) {
                unknown.add(String.valueOf(value));
            } else {
                groups.add(group);
            }
        }
        if (!unknown.isEmpty()) {
            throw Validation.badRequest("Unknown groups: " + String.join(", ", unknown.stream().limit(5).toList()));
        }
        return groups;
    }

    public GroupModel create(String name, String description) {
        String validName = validName(name);
        if (session.groups().getTopLevelGroupsStream(realm, validName, true, null, null).anyMatch(g -> g.getName().equals(validName))) {
            throw new ModelDuplicateException("A group named '" + validName + "' already exists");
        }
        GroupModel group = session.groups().createGroup(realm, null, validName, null);
        group.setSingleAttribute(MARKER, "true");
        group.setDescription(Validation.optionalText("description", description, Validation.MAX_DESCRIPTION));
        return group;
    }

    public void rename(GroupModel group, String name) {
        String validName = validName(name);
        if (validName.equals(group.getName())) {
            return;
        }
        if (session.groups().getTopLevelGroupsStream(realm, validName, true, null, null).anyMatch(g -> g.getName().equals(validName))) {
            throw new ModelDuplicateException("A group named '" + validName + "' already exists");
        }
        group.setName(validName);
    }

    /** Makes the group's permission sets exactly the given ones; other role mappings are left alone. */
    public void setPermissionSets(GroupModel group, List<PermissionSet> sets) {
        Set<RoleModel> wanted = new LinkedHashSet<>();
        sets.forEach(set -> wanted.add(set.role()));
        group.getRealmRoleMappingsStream().filter(PermissionSet::isPermissionSet).filter(r -> !wanted.contains(r))
                .toList().forEach(group::deleteRoleMapping);
        wanted.stream().filter(r -> group.getRealmRoleMappingsStream().noneMatch(r::equals)).forEach(group::grantRole);
    }

    public static List<String> permissionSetNames(GroupModel group) {
        return group.getRealmRoleMappingsStream().filter(PermissionSet::isPermissionSet).map(RoleModel::getName).sorted().toList();
    }

    /** The grants are kept by the machine-users store; the group attribute is their copy for realm export. */
    public void setPartitions(GroupModel group, List<GroupModel> partitions) {
        List<String> ids = partitions.stream().map(GroupModel::getId).distinct().toList();
        session.getProvider(MachineUserProvider.class).groupGrants().set(realm, group.getId(), ids);
        group.setAttribute(PARTITIONS, ids);
    }

    /** Paths of the partitions the group grants; partitions deleted since are skipped. */
    public List<String> partitionPaths(GroupModel group) {
        return partitionPaths(session, realm, new Partitions(session, realm), group).sorted().toList();
    }

    /** Grants hold ids when set through the API, and may hold paths when a realm file named partitions by path. */
    public static Stream<String> partitionPaths(KeycloakSession session, RealmModel realm, Partitions partitions, GroupModel group) {
        return session.getProvider(MachineUserProvider.class).groupGrants().partitionRefsOf(realm, group.getId())
                .map(partitions::find).filter(Objects::nonNull).map(Partitions::path).distinct();
    }

    /** Takes the grants a realm file gave the group (its attribute) as they are: only a whole-realm import does this. */
    public static void importGrants(KeycloakSession session, RealmModel realm, GroupModel group) {
        session.getProvider(MachineUserProvider.class).groupGrants().set(realm, group.getId(),
                group.getAttributeStream(PARTITIONS).filter(ref -> ref != null && !ref.isBlank()).toList());
    }

    public Stream<MachineUser> members(GroupModel group) {
        return session.users().getGroupMembersStream(realm, group)
                .map(UserModel::getServiceAccountClientLink)
                .filter(Objects::nonNull)
                .map(clientId -> session.clients().getClientById(realm, clientId))
                .map(MachineUser::of)
                .filter(Objects::nonNull);
    }

    public long memberCount(GroupModel group) {
        return session.users().getGroupMembersStream(realm, group).count();
    }

    public static Stream<GroupModel> groupsOf(UserModel serviceAccount) {
        return serviceAccount.getGroupsStream().filter(MachineUserGroups::isMachineUserGroup);
    }

    public static List<String> groupNames(UserModel serviceAccount) {
        return groupsOf(serviceAccount).map(GroupModel::getName).sorted().toList();
    }

    private static String validName(String name) {
        String valid = Validation.requiredText("name", name, Validation.MAX_NAME);
        if (valid.contains("/")) {
            throw Validation.badRequest("Field 'name' must not contain '/'");
        }
        return valid;
    }
}
