package io.github.machineusers.integrity;

import io.github.machineusers.authorization.PartitionScope;
import io.github.machineusers.rest.MachineUsersApiRequest;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A partition's place in the tree is part of its rights: an administrator of a partition administers
 * everything below it, and tokens name partitions by path. Moving or renaming a partition through
 * Keycloak's stock groups API would move machine users into someone else's reach, or change what a
 * resource server reads from a token, so it is refused; the partitions API does both.
 */
public final class StockGroupChanges {

    private StockGroupChanges() {
    }

    public static void pathChanged(KeycloakSession session, RealmModel realm, GroupModel group, String previousPath) {
        if (session == null || MachineUsersApiRequest.isMarked(session) || !PartitionScope.isPartition(group)
                || StockClientChanges.isRealmInCreation(session, realm)) {
            return;
        }
        throw StockChangeRefusal.refuse(session, "Group '" + previousPath + "' is a machine-user partition; move or rename it through"
                + " /admin/realms/" + realm.getName() + "/partitions");
    }
}
