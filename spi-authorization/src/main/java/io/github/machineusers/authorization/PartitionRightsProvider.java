package io.github.machineusers.authorization;

import java.util.stream.Stream;

import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * Who administers or views which partition. Kept where Keycloak's stock groups API cannot write: a
 * group attribute can be edited by anyone with manage-users, and a right that such an administrator
 * could give themselves would be no right at all. The partition's group attributes of the same names
 * are a copy for realm export, read back only when a realm is imported whole.
 */
public interface PartitionRightsProvider extends Provider {

    /** Ids of the partitions (not their sub-partitions) on which the user holds the right. */
    Stream<String> partitionsOf(RealmModel realm, String userId, PartitionRight right);

    /** Ids of the users who hold the right on the partition itself. */
    Stream<String> holdersOf(RealmModel realm, String partitionId, PartitionRight right);

    /** @return false when the user held it already */
    boolean grant(RealmModel realm, String partitionId, String userId, PartitionRight right);

    /** @return false when the user did not hold it */
    boolean revoke(RealmModel realm, String partitionId, String userId, PartitionRight right);

    /** Forgets every right on a partition that is gone. */
    void removePartition(RealmModel realm, String partitionId);

    /** Forgets every right of a user who is gone. */
    void removeUser(RealmModel realm, String userId);

    /** Forgets every right in a realm that is gone. */
    void removeRealm(String realmId);

    @Override
    default void close() {
    }
}
