package io.github.machineusers.authenticator;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.AccessKeysVersion;
import io.github.machineusers.model.FederatedCredentialModel;
import io.github.machineusers.model.FederatedSubjectsVersion;
import io.github.machineusers.model.MachineUserProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * The credentials, of every kind, of the machine users that asked for tokens lately, held by each
 * node, so that a token request reads no database row: Keycloak serves a stock client's secret from
 * its client cache too. An entry holds while the machine user's client carries the {@link AccessKeysVersion} it was
 * read under; every key change renews that stamp, and Keycloak drops the changed client on every
 * node, so a change takes effect on the next request anywhere in the cluster.
 */
final class CredentialCache {

    private record Credentials(String realmId, String version, List<CachedCredential> all) {
    }

    private record Owner(String realmId, String machineUserId) {
    }

    /** How long a key id that names no key is remembered as such. */
    static final int UNKNOWN_KEY_SECONDS = 300;

    private final int maxEntries;
    private final Map<String, Credentials> byMachineUser = new ConcurrentHashMap<>();
    private final Map<String, Owner> ownerByKeyId = new ConcurrentHashMap<>();
    /** Realm, identity provider and subject to the machine user last seen to trust that subject. */
    private final Map<String, Owner> ownerBySubject = new ConcurrentHashMap<>();
    /** Realm, identity provider and subject to the realm's {@link FederatedSubjectsVersion} under which no machine user trusted it. */
    private final Map<String, String> untrustedSubjects = new ConcurrentHashMap<>();
    /** Realm id and key id to the time (epoch seconds) until which the key id is known to name no key of that realm. */
    private final Map<String, Integer> unknownKeyIds = new ConcurrentHashMap<>();

    /** @param maxEntries machine users (and as many key ids) kept per node; 0 reads the database on every request */
    CredentialCache(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    List<CachedCredential> credentialsOf(KeycloakSession session, RealmModel realm, ClientModel machineUser) {
        // The stamp is read before the rows, so rows read after it are at least as new as it.
        String version = AccessKeysVersion.of(machineUser);
        Credentials cached = byMachineUser.get(machineUser.getId());
        if (cached != null && cached.realmId().equals(realm.getId()) && Objects.equals(cached.version(), version)) {
            return cached.all();
        }
        // Each kind of credential adds its own here; the stamp covers them all.
        MachineUserProvider provider = session.getProvider(MachineUserProvider.class);
        List<CachedCredential> all = Stream.of(
                        provider.keys().getByMachineUser(realm, machineUser.getId()).<CachedCredential>map(KeyCredential::of),
                        provider.publicKeys().getByMachineUser(realm, machineUser.getId()).<CachedCredential>map(PublicKeyCredential::of),
                        provider.federatedCredentials().getByMachineUser(realm, machineUser.getId())
                                .<CachedCredential>map(FederatedCredential::of))
                .flatMap(kind -> kind)
                .toList();
        remember(byMachineUser, machineUser.getId(), new Credentials(realm.getId(), version, all));
        return all;
    }

    /** The id of the machine user a key id belongs to in this realm, or null; a key never changes owner. */
    String ownerOf(KeycloakSession session, RealmModel realm, String keyId) {
        Owner owner = ownerByKeyId.get(keyId);
        if (owner == null) {
            // An unknown key id must not cost a database read a known one does not: the time would tell them apart.
            // Key ids are 80 random bits, so one that names no key now will not name a new key later, but the
            // entry still ends after a while, as insurance.
            String unknownKey = realm.getId() + "/" + keyId;
            Integer unknownUntil = unknownKeyIds.get(unknownKey);
            if (unknownUntil != null && unknownUntil > Time.currentTime()) {
                return null;
            }
            AccessKeyModel key = session.getProvider(MachineUserProvider.class).keys().getById(realm, keyId);
            if (key == null) {
                remember(unknownKeyIds, unknownKey, Time.currentTime() + UNKNOWN_KEY_SECONDS);
                return null;
            }
            unknownKeyIds.remove(unknownKey);
            owner = new Owner(key.getRealmId(), key.getMachineUserId());
            remember(ownerByKeyId, keyId, owner);
        }
        return owner.realmId().equals(realm.getId()) ? owner.machineUserId() : null;
    }

    /**
     * The id of the machine user that remembered last time to trust this subject of this identity provider (by
     * internal id), or null. Unlike a key, a subject can move to another machine user (deleted here, made there):
     * the caller checks the owner's credentials, which the stamp keeps current, and calls {@link #forgetSubject}
     * when they no longer trust it. A subject that names no credential is remembered as such under the realm's
     * {@link FederatedSubjectsVersion}, which every new credential renews, so that the tokens of a stock federated
     * client read no row here, and a credential made for the subject works at once on every node.
     */
    String ownerOfSubject(KeycloakSession session, RealmModel realm, String identityProviderId, String subject) {
        String key = subjectKey(realm.getId(), identityProviderId, subject);
        Owner owner = ownerBySubject.get(key);
        if (owner == null) {
            // The stamp is read before the row, as for credentials: a credential made after the read renews it.
            String version = Objects.requireNonNullElse(FederatedSubjectsVersion.of(realm), "");
            if (version.equals(untrustedSubjects.get(key))) {
                return null;
            }
            FederatedCredentialModel credential = session.getProvider(MachineUserProvider.class).federatedCredentials()
                    .getBySubject(realm, identityProviderId, subject);
            if (credential == null) {
                remember(untrustedSubjects, key, version);
                return null;
            }
            untrustedSubjects.remove(key);
            owner = new Owner(credential.getRealmId(), credential.getMachineUserId());
            remember(ownerBySubject, key, owner);
        }
        return owner.machineUserId();
    }

    void forgetSubject(String realmId, String identityProviderId, String subject) {
        ownerBySubject.remove(subjectKey(realmId, identityProviderId, subject));
    }

    private static String subjectKey(String realmId, String identityProviderId, String subject) {
        return realmId + "/" + identityProviderId + "/" + subject;
    }

    void forgetMachineUser(String machineUserId) {
        byMachineUser.remove(machineUserId);
    }

    void forgetRealm(String realmId) {
        unknownKeyIds.clear();
        untrustedSubjects.clear();
        byMachineUser.values().removeIf(keys -> keys.realmId().equals(realmId));
        ownerByKeyId.values().removeIf(owner -> owner.realmId().equals(realmId));
        ownerBySubject.values().removeIf(owner -> owner.realmId().equals(realmId));
    }

    private <V> void remember(Map<String, V> map, String key, V value) {
        if (maxEntries <= 0) {
            return;
        }
        // Any entry may go: a miss costs one indexed read, which is what every request cost without the cache.
        Iterator<String> any = map.keySet().iterator();
        while (map.size() >= maxEntries && any.hasNext()) {
            any.next();
            any.remove();
        }
        map.put(key, value);
    }
}
