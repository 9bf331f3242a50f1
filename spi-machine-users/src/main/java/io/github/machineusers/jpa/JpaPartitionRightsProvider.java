package io.github.machineusers.jpa;

import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.machineusers.authorization.PartitionRight;
import io.github.machineusers.authorization.PartitionRightsProvider;
import io.github.machineusers.jpa.entity.PartitionRightEntity;
import jakarta.persistence.EntityManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

public class JpaPartitionRightsProvider implements PartitionRightsProvider {

    private final Supplier<EntityManager> em;

    JpaPartitionRightsProvider(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Stream<String> partitionsOf(RealmModel realm, String userId, PartitionRight right) {
        return em.get().createQuery("select r.partitionId from PartitionRightEntity r"
                        + " where r.realmId = :realmId and r.userId = :userId and r.right = :right", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .setParameter("right", right.name())
                .getResultStream();
    }

    @Override
    public Stream<String> holdersOf(RealmModel realm, String partitionId, PartitionRight right) {
        return em.get().createQuery("select r.userId from PartitionRightEntity r"
                        + " where r.realmId = :realmId and r.partitionId = :partitionId and r.right = :right", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("partitionId", partitionId)
                .setParameter("right", right.name())
                .getResultStream();
    }

    @Override
    public boolean grant(RealmModel realm, String partitionId, String userId, PartitionRight right) {
        if (holdersOf(realm, partitionId, right).anyMatch(userId::equals)) {
            return false;
        }
        PartitionRightEntity entity = new PartitionRightEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setPartitionId(partitionId);
        entity.setUserId(userId);
        entity.setRight(right.name());
        em.get().persist(entity);
        return true;
    }

    @Override
    public boolean revoke(RealmModel realm, String partitionId, String userId, PartitionRight right) {
        return em.get().createQuery("delete from PartitionRightEntity r"
                        + " where r.realmId = :realmId and r.partitionId = :partitionId and r.userId = :userId and r.right = :right")
                .setParameter("realmId", realm.getId())
                .setParameter("partitionId", partitionId)
                .setParameter("userId", userId)
                .setParameter("right", right.name())
                .executeUpdate() > 0;
    }

    @Override
    public void removePartition(RealmModel realm, String partitionId) {
        em.get().createQuery("delete from PartitionRightEntity r where r.realmId = :realmId and r.partitionId = :partitionId")
                .setParameter("realmId", realm.getId())
                .setParameter("partitionId", partitionId)
                .executeUpdate();
    }

    @Override
    public void removeUser(RealmModel realm, String userId) {
        em.get().createQuery("delete from PartitionRightEntity r where r.realmId = :realmId and r.userId = :userId")
                .setParameter("realmId", realm.getId())
                .setParameter("userId", userId)
                .executeUpdate();
    }

    @Override
    public void removeRealm(String realmId) {
        em.get().createQuery("delete from PartitionRightEntity r where r.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }
}
