package io.github.machineusers.jpa;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.machineusers.jpa.entity.AccessKeyEntity;
import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.AccessKeyLimitReachedException;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.AccessKeyStore;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.NewAccessKey;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

class JpaAccessKeyStore implements AccessKeyStore {

    private final Supplier<EntityManager> em;
    private final CredentialRows rows;

    JpaAccessKeyStore(KeycloakSession session, Supplier<EntityManager> em) {
        this.em = em;
        this.rows = new CredentialRows(session, em);
    }

    private JpaAccessKeyAdapter adapt(AccessKeyEntity entity) {
        return new JpaAccessKeyAdapter(entity, () -> rows.changed(entity.getRealmId(), entity.getMachineUserId()));
    }

    @Override
    public AccessKeyModel add(RealmModel realm, String machineUserId, NewAccessKey key, int limit) {
        List<AccessKeyEntity> existing = keysOf(realm.getId(), machineUserId);
        if (existing.size() >= limit) {
            throw new AccessKeyLimitReachedException(limit);
        }
        int slot = CredentialRows.lowestFreeSlot(existing);
        if (slot > limit) {
            throw new AccessKeyLimitReachedException(limit);
        }
        return insert(realm.getId(), machineUserId, slot, key, limit);
    }

    @Override
    public AccessKeyModel replace(RealmModel realm, AccessKeyModel old, NewAccessKey key) {
        AccessKeyEntity oldEntity = ((JpaAccessKeyAdapter) old).entity();
        int slot = oldEntity.getSlot();
        if (!removeRow(oldEntity)) {
            return null;
        }
        return insert(oldEntity.getRealmId(), oldEntity.getMachineUserId(), slot, key, MachineUserPolicy.MAX_KEYS);
    }

    private AccessKeyModel insert(String realmId, String machineUserId, int slot, NewAccessKey key, int limit) {
        AccessKeyEntity entity = new AccessKeyEntity();
        entity.setId(key.id());
        entity.setRealmId(realmId);
        entity.setMachineUserId(machineUserId);
        entity.setSlot(slot);
        entity.setSecretHash(key.secretHash());
        entity.setStatus(CredentialStatus.ACTIVE.name());
        entity.setDescription(key.description());
        entity.setCreatedAt(Time.currentTimeMillis());
        entity.setCreatedBy(key.createdBy());
        entity.setExpiresAt(key.expiresAt());
        try {
            em.get().persist(entity);
            em.get().flush();
        } catch (PersistenceException e) {
            // Another request took the same slot first.
            throw new AccessKeyLimitReachedException(limit);
        }
        rows.changed(realmId, machineUserId);
        return adapt(entity);
    }

    @Override
    public AccessKeyModel getById(RealmModel realm, String keyId) {
        if (!AccessKeySecrets.looksLikeKeyId(keyId)) {
            return null;
        }
        AccessKeyEntity entity = em.get().find(AccessKeyEntity.class, keyId);
        return entity == null || !entity.getRealmId().equals(realm.getId()) ? null : adapt(entity);
    }

    @Override
    public Stream<AccessKeyModel> getByMachineUser(RealmModel realm, String machineUserId) {
        return keysOf(realm.getId(), machineUserId).stream().map(this::adapt);
    }

    private List<AccessKeyEntity> keysOf(String realmId, String machineUserId) {
        return em.get().createNamedQuery("mu.keysOfMachineUser", AccessKeyEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("machineUserId", machineUserId)
                .getResultList();
    }

    @Override
    public Stream<AccessKeyModel> expiringAfter(RealmModel realm, long latestExpiry, int max) {
        return em.get().createQuery("select k from AccessKeyEntity k where k.realmId = :realmId"
                        + " and (k.expiresAt is null or k.expiresAt > :latest) order by k.createdAt, k.id", AccessKeyEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("latest", latestExpiry)
                .setMaxResults(max)
                .getResultStream()
                .map(this::adapt);
    }

    @Override
    public boolean remove(RealmModel realm, String keyId) {
        AccessKeyModel key = getById(realm, keyId);
        return key != null && removeRow(((JpaAccessKeyAdapter) key).entity());
    }

    private boolean removeRow(AccessKeyEntity entity) {
        return rows.remove(entity, "mu.removeKey");
    }

    @Override
    public void removeByMachineUser(RealmModel realm, String machineUserId) {
        em.get().createNamedQuery("mu.removeKeysOfMachineUser")
                .setParameter("realmId", realm.getId())
                .setParameter("machineUserId", machineUserId)
                .executeUpdate();
    }

    @Override
    public void removeByRealm(String realmId) {
        em.get().createNamedQuery("mu.removeKeysOfRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
