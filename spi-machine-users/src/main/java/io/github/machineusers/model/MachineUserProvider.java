package io.github.machineusers.model;

import java.util.stream.Stream;

import org.keycloak.models.ClientModel;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.Provider;

/**
 * What Keycloak cannot hold itself for machine users. The machine user is a Keycloak client;
 * this provider keeps the directory that makes large realms searchable (creation time, creator,
 * owner partition, and a lower-cased copy of name and client id),
 * the access keys, the history and the usage counts.
 */
public interface MachineUserProvider extends Provider {

    /** Registers a client that has just been marked as a machine user. */
    void register(RealmModel realm, ClientModel client, String createdBy);

    /** Ban and owner partition as the machine-users API last recorded them; null for a client that is not a registered machine user. */
    RecordedState recordedState(RealmModel realm, String machineUserId);

    /** Records the client's enabled flag and not-before time as the machine user's ban, after the API changed them. */
    void recordState(RealmModel realm, ClientModel client);

    /** Copies the client's name and client id into the directory after either changed. */
    void refreshSearchText(RealmModel realm, ClientModel client);

    /** Registers clients that carry the machine-user marker but no directory entry, as after a realm import. */
    void registerUnlisted(RealmModel realm, String createdBy);

    Long getCreatedAt(RealmModel realm, ClientModel client);

    String getCreatedBy(RealmModel realm, ClientModel client);

    /** Records the owner partition (a group id, or null for the realm root) for listings by partition. */
    void setPartition(RealmModel realm, ClientModel client, String partitionId);

    /** How many machine users the given partitions own. */
    long countOwnedBy(RealmModel realm, java.util.Set<String> partitionIds);

    /**
     * Holds the machine user until the transaction ends, so that concurrent changes to one
     * machine user (keys, suspension, grants) run one after another instead of interleaving
     * their reads and writes, or deadlocking, in the database.
     */
    void lockForChange(RealmModel realm, String machineUserId);

    /** Newest first. */
    Stream<ClientModel> search(RealmModel realm, MachineUserQuery query, int first, int max);

    long count(RealmModel realm, MachineUserQuery query);

    /** Forgets the machine user's directory entry and keys; the history stays. */
    void unregister(RealmModel realm, String clientId);

    void removeByRealm(String realmId);

    AccessKeyStore keys();

    PublicKeyStore publicKeys();

    FederatedCredentialStore federatedCredentials();

    /** A credential of any kind by its id (each kind's ids have a shape of their own), or null. */
    MachineUserCredential credential(RealmModel realm, String credentialId);

    CredentialExpiries expiries();

    HistoryStore history();

    GroupGrantStore groupGrants();

    UsageStore usage();
}
