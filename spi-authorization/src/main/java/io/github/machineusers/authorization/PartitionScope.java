package io.github.machineusers.authorization;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * The partitions a user administers or views, each with all its sub-partitions. Partitions are
 * marked Keycloak groups; the rights come from the {@link PartitionRightsProvider}, not from the
 * groups' attributes, which the stock groups API can write.
 */
public final class PartitionScope {

    /**
     * Group attribute that marks a group as a partition. Defined here, below the module that manages
     * partitions, because a scope is a subtree of partitions: telling a partition from an ordinary
     * group is part of deciding who may act where.
     */
    public static final String MARKER = "machine-user-partition";

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
        PartitionRightsProvider rights = session.getProvider(PartitionRightsProvider.class);
        Set<String> managed = subtrees(session, realm, rights.partitionsOf(realm, user.getId(), PartitionRight.ADMINISTRATOR));
        Set<String> viewed = subtrees(session, realm, rights.partitionsOf(realm, user.getId(), PartitionRight.VIEWER));
        viewed.addAll(managed);
        return managed.isEmpty() && viewed.isEmpty() ? NONE : new PartitionScope(Set.copyOf(managed), Set.copyOf(viewed));
    }

    private static Set<String> subtrees(KeycloakSession session, RealmModel realm, Stream<String> partitionIds) {
        Set<String> ids = new HashSet<>();
        partitionIds.map(id -> session.groups().getGroupById(realm, id))
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
