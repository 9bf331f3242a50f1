package io.github.machineusers.access;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The partitions a user administers or views, each with all its sub-partitions. Partitions are
 * marked Keycloak groups; the rights are group attributes listing user ids, so they live in
 * Keycloak's own data and travel with realm export.
 */
public final class PartitionScope {

    /** Group attribute that marks a group as a partition. */
    public static final String MARKER = "machine-user-partition";
    public static final String ADMINISTRATORS = "machine-user-partition.administrators";
    public static final String VIEWERS = "machine-user-partition.viewers";

    private static final PartitionScope NONE = new PartitionScope(Set.of(), Set.of());

    private final Set<String> managed;
    private final Set<String> viewed;

    private PartitionScope(Set<String> managed, Set<String> viewed) {
        this.managed = managed;
        this.viewed = viewed;
    }

    public static PartitionScope none() {
        return NONE;
    }

    public static boolean isPartition(GroupModel group) {
        return group != null && "true".equals(group.getFirstAttribute(MARKER));
    }

    public static PartitionScope of(KeycloakSession session, RealmModel realm, UserModel user) {
        Set<String> managed = subtrees(session, realm, ADMINISTRATORS, user.getId());
        Set<String> viewed = subtrees(session, realm, VIEWERS, user.getId());
        viewed.addAll(managed);
        return managed.isEmpty() && viewed.isEmpty() ? NONE : new PartitionScope(Set.copyOf(managed), Set.copyOf(viewed));
    }

    private static Set<String> subtrees(KeycloakSession session, RealmModel realm, String attribute, String userId) {
        Set<String> ids = new HashSet<>();
        session.groups().searchGroupsByAttributes(realm, Map.of(attribute, userId), null, null)
                .filter(PartitionScope::isPartition)
                .forEach(group -> addSubtree(group, ids));
        return ids;
    }

    private static void addSubtree(GroupModel group, Set<String> ids) {
        if (ids.add(group.getId())) {
            group.getSubGroupsStream().filter(PartitionScope::isPartition).forEach(child -> addSubtree(child, ids));
        }
    }

    public boolean isEmpty() {
        return viewed.isEmpty();
    }

    /** Partition ids (subtrees included) whose machine users the user may manage. */
    public Set<String> managed() {
        return managed;
    }

    /** Partition ids (subtrees included) whose machine users the user may see. */
    public Set<String> viewed() {
        return viewed;
    }
}
