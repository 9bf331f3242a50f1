package io.github.machineusers.jpa;

import java.util.function.Supplier;

import io.github.machineusers.jpa.entity.PublicKeyEntity;
import io.github.machineusers.keys.PublicKeyMaterial;
import io.github.machineusers.model.NewPublicKey;
import io.github.machineusers.model.PublicKeyModel;
import io.github.machineusers.model.PublicKeyStore;
import jakarta.persistence.EntityManager;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/** Public keys in MU_PUBLIC_KEY; every change renews the machine user's credential stamp, as access keys do. */
class JpaPublicKeyStore extends JpaCredentialStore<PublicKeyEntity, PublicKeyModel> implements PublicKeyStore {

    JpaPublicKeyStore(KeycloakSession session, Supplier<EntityManager> em) {
        super(session, em, PublicKeyEntity.class, "public keys", new Queries("mu.publicKeysOfMachineUser", "mu.removePublicKey",
                "mu.removePublicKeysOfMachineUser", "mu.removePublicKeysOfRealm"));
    }

    @Override
    protected PublicKeyModel adapt(PublicKeyEntity entity, Runnable changed) {
        return new JpaPublicKeyAdapter(entity, changed);
    }

    @Override
    protected boolean looksLikeId(String id) {
        return PublicKeyMaterial.looksLikeKeyId(id);
    }

    @Override
    public PublicKeyModel add(RealmModel realm, String machineUserId, NewPublicKey key, int limit) {
        PublicKeyEntity entity = new PublicKeyEntity();
        entity.setJwk(key.jwk());
        entity.setAlgorithm(key.algorithm());
        return insert(realm, machineUserId, entity, key.id(), key.description(), key.expiresAt(), key.createdBy(), limit);
    }
}
