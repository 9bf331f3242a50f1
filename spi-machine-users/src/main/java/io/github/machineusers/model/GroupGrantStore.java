package io.github.machineusers.model;

import java.util.List;
import java.util.stream.Stream;

import org.keycloak.models.RealmModel;

/**
 * The partitions each machine-user group grants its members. Kept where the stock groups API cannot
 * write; the group's attribute of the same meaning is a copy for realm export.
 */
public interface GroupGrantStore {

    /** Partition ids, or paths where an earlier release's realm file named partitions by path. */
    Stream<String> partitionRefsOf(RealmModel realm, String groupId);

    /** Makes the group's grants exactly these partition ids. */
    void set(RealmModel realm, String groupId, List<String> partitionIds);

    void removeGroup(RealmModel realm, String groupId);

    void removeRealm(String realmId);
}
