package io.github.machineusers.jpa;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.machineusers.jpa.entity.GroupGrantEntity;
import io.github.machineusers.model.GroupGrantStore;
import jakarta.persistence.EntityManager;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

class JpaGroupGrantStore implements GroupGrantStore {

    private final Supplier<EntityManager> em;

    JpaGroupGrantStore(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public Stream<String> partitionRefsOf(RealmModel realm, String groupId) {
        return em.get().createQuery("select g.partitionRef from GroupGrantEntity g where g.realmId = :realmId and g.groupId = :groupId",
                        String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("groupId", groupId)
                .getResultStream();
    }

    @Override
    public void set(RealmModel realm, String groupId, List<String> partitionIds) {
        removeGroup(realm, groupId);
        partitionIds.stream().distinct().forEach(partitionId -> {
            GroupGrantEntity entity = new GroupGrantEntity();
            entity.setId(KeycloakModelUtils.generateId());
            entity.setRealmId(realm.getId());
            entity.setGroupId(groupId);
            entity.setPartitionRef(partitionId);
            em.get().persist(entity);
        });
    }

    @Override
    public void removeGroup(RealmModel realm, String groupId) {
        em.get().createQuery("delete from GroupGrantEntity g where g.realmId = :realmId and g.groupId = :groupId")
                .setParameter("realmId", realm.getId())
                .setParameter("groupId", groupId)
                .executeUpdate();
    }

    @Override
    public void removeRealm(String realmId) {
        em.get().createQuery("delete from GroupGrantEntity g where g.realmId = :realmId")
                .setParameter("realmId", realmId)
                .executeUpdate();
    }
}
