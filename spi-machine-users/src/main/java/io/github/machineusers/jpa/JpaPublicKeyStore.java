package io.github.machineusers.jpa;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.machineusers.jpa.entity.PublicKeyEntity;
import io.github.machineusers.keys.PublicKeyMaterial;
import io.github.machineusers.model.CredentialLimitReachedException;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.NewPublicKey;
import io.github.machineusers.model.PublicKeyModel;
import io.github.machineusers.model.PublicKeyStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Public keys in MU_PUBLIC_KEY; every change renews the machine user's credential stamp, as access keys do. */
class JpaPublicKeyStore implements PublicKeyStore {

    private static final String KIND_PLURAL = "public keys";

    private final Supplier<EntityManager> em;
    private final CredentialRows rows;

    JpaPublicKeyStore(KeycloakSession session, Supplier<EntityManager> em) {
        this.em = em;
        this.rows = new CredentialRows(session, em);
    }

    private JpaPublicKeyAdapter adapt(PublicKeyEntity entity) {
        return new JpaPublicKeyAdapter(entity, () -> rows.changed(entity.getRealmId(), entity.getMachineUserId()));
    }

    @Override
    public PublicKeyModel add(RealmModel realm, String machineUserId, NewPublicKey key, int limit) {
        List<PublicKeyEntity> existing = keysOf(realm.getId(), machineUserId);
        if (existing.size() >= limit) {
            throw new CredentialLimitReachedException(KIND_PLURAL, limit);
        }
        int slot = CredentialRows.lowestFreeSlot(existing);
        PublicKeyEntity entity = new PublicKeyEntity();
        entity.setId(key.id());
        entity.setRealmId(realm.getId());
        entity.setMachineUserId(machineUserId);
        entity.setSlot(slot);
        entity.setJwk(key.jwk());
        entity.setAlgorithm(key.algorithm());
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
            throw new CredentialLimitReachedException(KIND_PLURAL, limit);
        }
        rows.changed(realm.getId(), machineUserId);
        return adapt(entity);
    }

    @Override
    public PublicKeyModel getById(RealmModel realm, String keyId) {
        if (!PublicKeyMaterial.looksLikeKeyId(keyId)) {
            return null;
        }
        PublicKeyEntity entity = em.get().find(PublicKeyEntity.class, keyId);
        return entity == null || !entity.getRealmId().equals(realm.getId()) ? null : adapt(entity);
    }

    @Override
    public Stream<PublicKeyModel> getByMachineUser(RealmModel realm, String machineUserId) {
        return keysOf(realm.getId(), machineUserId).stream().map(this::adapt);
    }

    private List<PublicKeyEntity> keysOf(String realmId, String machineUserId) {
        return em.get().createNamedQuery("mu.publicKeysOfMachineUser", PublicKeyEntity.class)
                .setParameter("realmId", realmId)
                .setParameter("machineUserId", machineUserId)
                .getResultList();
    }

    @Override
    public boolean remove(RealmModel realm, String keyId) {
        PublicKeyModel key = getById(realm, keyId);
        return key != null && rows.remove(((JpaPublicKeyAdapter) key).entity(), "mu.removePublicKey");
    }

    @Override
    public void removeByMachineUser(RealmModel realm, String machineUserId) {
        em.get().createNamedQuery("mu.removePublicKeysOfMachineUser")
                .setParameter("realmId", realm.getId())
                .setParameter("machineUserId", machineUserId)
                .executeUpdate();
    }

    @Override
    public void removeByRealm(String realmId) {
        em.get().createNamedQuery("mu.removePublicKeysOfRealm").setParameter("realmId", realmId).executeUpdate();
    }
}
