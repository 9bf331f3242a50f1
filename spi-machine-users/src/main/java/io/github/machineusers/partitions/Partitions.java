package io.github.machineusers.partitions;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.machineusers.authorization.PartitionRight;
import io.github.machineusers.authorization.PartitionRightsProvider;
import io.github.machineusers.authorization.PartitionScope;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.text.StoredText;
import io.github.machineusers.text.TextRules;
import io.github.machineusers.validation.Validation;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.services.ErrorResponse;

/** The partition tree of one realm: marked Keycloak groups and their marked subgroups. */
public class Partitions {

    private final KeycloakSession session;
    private final RealmModel realm;

    public Partitions(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Far longer than any real partition path; longer text is "not found" without walking the tree. */
    private static final int MAX_PATH = 4096;
    /**
     * Group attributes that copy the partition rights for realm export. They are read back only by a
     * whole-realm import: the rights themselves live where the stock groups API cannot write.
     */
    static final String ADMINISTRATORS_COPY = "machine-user-partition.administrators";
    static final String VIEWERS_COPY = "machine-user-partition.viewers";

    public static String path(GroupModel partition) {
        return KeycloakModelUtils.buildGroupPath(partition);
    }

    public GroupModel byId(String id) {
        if (!TextRules.lookupable(id, 36)) {
            return null;
        }
        GroupModel group = session.groups().getGroupById(realm, id);
        return PartitionScope.isPartition(group) ? group : null;
    }

    /** A partition by path ({@code /Site/Building}) or by id; null when there is none. */
    public GroupModel find(String pathOrId) {
        if (pathOrId == null || pathOrId.isBlank()) {
            return null;
        }
        if (pathOrId.startsWith("/")) {
            if (!TextRules.lookupable(pathOrId, MAX_PATH) || !StoredText.fits(session, pathOrId)) {
                return null;
            }
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, pathOrId);
            return PartitionScope.isPartition(group) ? group : null;
        }
        return byId(pathOrId);
    }

    /** Like {@link #find} but a 400 naming the value when there is no such partition. */
    public GroupModel require(String field, String pathOrId) {
        GroupModel partition = find(pathOrId);
        if (partition == null) {
            String shown = pathOrId.length() > 100 ? pathOrId.substring(0, 100) + "…" : pathOrId;
            throw Validation.badRequest("Unknown " + field + ": " + shown);
        }
        return partition;
    }

    /** All partitions, ordered by path. */
    public Stream<GroupModel> all() {
        Set<GroupModel> found = new HashSet<>();
        session.groups().searchGroupsByAttributes(realm, Map.of(PartitionScope.MARKER, "true"), null, null)
                .filter(PartitionScope::isPartition)
                .forEach(found::add);
        return found.stream().sorted(Comparator.comparing(Partitions::path));
    }

    public Stream<GroupModel> search(String search) {
        String needle = search == null || search.isBlank() ? null : search.toLowerCase(Locale.ROOT);
        return all().filter(p -> needle == null || p.getName().toLowerCase(Locale.ROOT).contains(needle));
    }

    /** The partition and all its sub-partitions, by id. */
    public static Set<String> subtree(GroupModel partition) {
        Set<String> ids = new HashSet<>();
        collect(partition, ids);
        return ids;
    }

    private static void collect(GroupModel group, Set<String> ids) {
        if (ids.add(group.getId())) {
            group.getSubGroupsStream().filter(PartitionScope::isPartition).forEach(child -> collect(child, ids));
        }
    }

    public GroupModel create(String name, GroupModel parent) {
        String validName = validName(name);
        requireFreeName(validName, parent, null);
        GroupModel group = session.groups().createGroup(realm, null, validName, parent);
        group.setSingleAttribute(PartitionScope.MARKER, "true");
        return group;
    }

    public void rename(GroupModel partition, String name) {
        String validName = validName(name);
        if (!validName.equals(partition.getName())) {
            requireFreeName(validName, partition.getParent(), partition);
            partition.setName(validName);
        }
    }

    public void move(GroupModel partition, GroupModel newParent) {
        if (newParent != null && subtree(partition).contains(newParent.getId())) {
            throw Validation.badRequest("A partition cannot be moved under itself or its sub-partitions");
        }
        String currentParent = partition.getParentId();
        String target = newParent == null ? null : newParent.getId();
        if (java.util.Objects.equals(currentParent, target)) {
            return;
        }
        requireFreeName(partition.getName(), newParent, partition);
        session.groups().moveGroup(realm, partition, newParent);
    }

    /** Deletes the partition with its sub-partitions; refused (409) while any of them owns machine users. */
    public void delete(GroupModel partition) {
        long owned = session.getProvider(MachineUserProvider.class).countOwnedBy(realm, subtree(partition));
        if (owned > 0) {
            throw ErrorResponse.error("Partition '" + path(partition) + "' still owns " + owned
                    + " machine user(s); move or delete them first", jakarta.ws.rs.core.Response.Status.CONFLICT);
        }
        session.groups().removeGroup(realm, partition);
    }

    public List<UserModel> members(GroupModel partition, PartitionRight right) {
        return rights().holdersOf(realm, partition.getId(), right)
                .map(id -> session.users().getUserById(realm, id))
                .filter(java.util.Objects::nonNull)
                .sorted(Comparator.comparing(UserModel::getUsername))
                .toList();
    }

    /** @return false when nothing changed */
    public boolean addTo(GroupModel partition, PartitionRight right, UserModel user) {
        if (!rights().grant(realm, partition.getId(), user.getId(), right)) {
            return false;
        }
        copyForExport(partition, right);
        return true;
    }

    /** @return false when nothing changed */
    public boolean removeFrom(GroupModel partition, PartitionRight right, String userId) {
        if (!rights().revoke(realm, partition.getId(), userId, right)) {
            return false;
        }
        copyForExport(partition, right);
        return true;
    }

    /** The rights also go into the group's attribute, so that a realm export carries them; nothing reads it back but an import. */
    private void copyForExport(GroupModel partition, PartitionRight right) {
        partition.setAttribute(attributeOf(right), rights().holdersOf(realm, partition.getId(), right).sorted().toList());
    }

    /** Takes the rights a realm file gave the partition (its attributes) as they are: only a whole-realm import does this. */
    public static void importRights(KeycloakSession session, RealmModel realm, GroupModel partition) {
        PartitionRightsProvider rights = session.getProvider(PartitionRightsProvider.class);
        for (PartitionRight right : PartitionRight.values()) {
            partition.getAttributeStream(attributeOf(right)).filter(id -> id != null && !id.isBlank())
                    .forEach(userId -> rights.grant(realm, partition.getId(), userId, right));
        }
    }

    static String attributeOf(PartitionRight right) {
        return right == PartitionRight.ADMINISTRATOR ? ADMINISTRATORS_COPY : VIEWERS_COPY;
    }

    private PartitionRightsProvider rights() {
        return session.getProvider(PartitionRightsProvider.class);
    }

    private void requireFreeName(String name, GroupModel parent, GroupModel self) {
        Stream<GroupModel> siblings = parent == null
                ? session.groups().getTopLevelGroupsStream(realm, name, true, null, null)
                : parent.getSubGroupsStream();
        if (siblings.anyMatch(g -> g.getName().equals(name) && (self == null || !g.getId().equals(self.getId())))) {
            throw new ModelDuplicateException("A group named '" + name + "' already exists there");
        }
    }

    private static String validName(String name) {
        String valid = Validation.requiredText("name", name, Validation.MAX_NAME);
        if (valid.contains("/")) {
            throw Validation.badRequest("Field 'name' must not contain '/'");
        }
        return valid;
    }
}
