package io.github.machineusers.model;

import java.util.stream.Stream;

import org.keycloak.models.RealmModel;

/** Stores access keys; the service layer makes them and decides what may change. */
public interface AccessKeyStore {

    /**
     * Stores a key in the lowest free slot. Two concurrent calls that see the same keys pick the
     * same slot, and the database's unique slot constraint lets only one of them commit.
     *
     * @throws AccessKeyLimitReachedException when the machine user already holds {@code limit} keys
     */
    AccessKeyModel add(RealmModel realm, String machineUserId, NewAccessKey key, int limit);

    /**
     * Removes the old key and stores the new one in its slot, in one transaction; null when the old
     * key is already gone (removed or replaced by a concurrent request).
     */
    AccessKeyModel replace(RealmModel realm, AccessKeyModel old, NewAccessKey key);

    AccessKeyModel getById(RealmModel realm, String keyId);

    Stream<AccessKeyModel> getByMachineUser(RealmModel realm, String machineUserId);

    /** Keys that expire after {@code latestExpiry} or never, oldest first, at most {@code max}. */
    Stream<AccessKeyModel> expiringAfter(RealmModel realm, long latestExpiry, int max);

    /** False when there was no such key, also when a concurrent request removed it first. */
    boolean remove(RealmModel realm, String keyId);

    void removeByMachineUser(RealmModel realm, String machineUserId);

    void removeByRealm(String realmId);
}
