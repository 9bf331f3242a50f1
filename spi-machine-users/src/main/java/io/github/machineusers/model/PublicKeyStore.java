package io.github.machineusers.model;

import java.util.stream.Stream;

import org.keycloak.models.RealmModel;

/** Stores public keys; the service layer checks them and decides what may change. */
public interface PublicKeyStore {

    /**
     * Stores a key in the lowest free slot; the database's unique slot constraint lets only one of two
     * concurrent calls that saw the same keys commit.
     *
     * @throws CredentialLimitReachedException when the machine user already holds {@code limit} public keys
     */
    PublicKeyModel add(RealmModel realm, String machineUserId, NewPublicKey key, int limit);

    PublicKeyModel getById(RealmModel realm, String keyId);

    Stream<PublicKeyModel> getByMachineUser(RealmModel realm, String machineUserId);

    /** False when there was no such key, also when a concurrent request removed it first. */
    boolean remove(RealmModel realm, String keyId);

    void removeByMachineUser(RealmModel realm, String machineUserId);

    void removeByRealm(String realmId);
}
