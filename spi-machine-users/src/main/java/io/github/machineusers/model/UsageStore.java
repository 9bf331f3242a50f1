package io.github.machineusers.model;

import java.util.List;

import org.keycloak.models.RealmModel;

/**
 * Usage of machine users. Recording only touches memory; a timer writes the buffered figures in
 * batches, so a token request never waits for the database.
 */
public interface UsageStore {

    void recordTokenIssued(String realmId, String machineUserId, String keyId);

    void recordKeyUsed(String keyId);

    void recordFailedAttempt(String realmId, String machineUserId);

    /** Days from {@code fromEpochDay} on that have any count, oldest first, buffered counts included. */
    List<UsageDay> daily(RealmModel realm, String machineUserId, long fromEpochDay);

    /** The last-used time including what is still buffered, or null. */
    Long lastUsed(MachineUserCredential key);

    void removeByRealm(String realmId);
}
