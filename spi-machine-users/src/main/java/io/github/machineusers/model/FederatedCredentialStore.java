package io.github.machineusers.model;

import java.util.stream.Stream;

import org.keycloak.models.RealmModel;

/** Stores federated credentials; the service layer checks them and decides what may change. */
public interface FederatedCredentialStore {

    /**
     * Stores a credential in the lowest free slot; the database's unique constraints let only one of two
     * concurrent calls that saw the same credentials commit.
     *
     * @throws CredentialLimitReachedException when the machine user already holds {@code limit} of them
     * @throws FederatedSubjectTakenException  when a credential of the realm already trusts the same subject of the same provider
     */
    FederatedCredentialModel add(RealmModel realm, String machineUserId, NewFederatedCredential credential, int limit);

    FederatedCredentialModel getById(RealmModel realm, String credentialId);

    /** The credential that trusts this subject of this identity provider (by internal id), or null. */
    FederatedCredentialModel getBySubject(RealmModel realm, String identityProviderId, String subject);

    Stream<FederatedCredentialModel> getByMachineUser(RealmModel realm, String machineUserId);

    /** False when there was no such credential, also when a concurrent request removed it first. */
    boolean remove(RealmModel realm, String credentialId);

    void removeByMachineUser(RealmModel realm, String machineUserId);

    void removeByRealm(String realmId);
}
