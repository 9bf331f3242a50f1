package io.github.machineusers.manage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.machineusers.authorization.Fake;
import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.AccessKeyLimitReachedException;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.AccessKeyStore;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.HistoryStore;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.NewAccessKey;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * One realm with one machine user, its keys kept in memory the way the JPA store keeps them, and
 * the history the managers write, so that the managers' decisions can be read back.
 */
final class World {

    record Entry(String machineUserId, HistoryAction action, String actor, Map<String, Object> details) {
    }

    final Map<String, String> realmAttributes = new HashMap<>();
    final RealmModel realm = Fake.of(RealmModel.class, new Object() {
        String getId() {
            return "realm-1";
        }

        String getAttribute(String name) {
            return realmAttributes.get(name);
        }
    });
    final Client client = new Client();
    final MachineUser machineUser = MachineUser.of(Fake.of(ClientModel.class, client));
    final List<String> searchTextRefreshes = new ArrayList<>();
    final List<String> recordedStates = new ArrayList<>();
    final Map<String, StoredKey> keys = new LinkedHashMap<>();
    final List<Entry> history = new ArrayList<>();
    final Actor actor = new Actor("admin-id", "alice");

    private final MachineUserProvider provider = Fake.of(MachineUserProvider.class, new Object() {
        void refreshSearchText(RealmModel realm, ClientModel client) {
            searchTextRefreshes.add(client.getName());
        }

        void recordState(RealmModel realm, ClientModel client) {
            recordedStates.add(client.isEnabled() + "/" + client.getNotBefore());
        }

        AccessKeyStore keys() {
            return Fake.of(AccessKeyStore.class, new KeyStore());
        }

        HistoryStore history() {
            return Fake.of(HistoryStore.class, new Object() {
                void record(RealmModel realm, String machineUserId, HistoryAction action, Actor actor, Map<String, Object> details) {
                    history.add(new Entry(machineUserId, action, actor.username(), details));
                }
            });
        }
    });

    final KeycloakSession session = Fake.of(KeycloakSession.class, new Object() {
        @SuppressWarnings("unchecked")
        <T> T getProvider(Class<T> type) {
            return type == MachineUserProvider.class ? (T) provider : null;
        }
    });

    AccessKeyManager keyManager() {
        return new AccessKeyManager(session, realm);
    }

    MachineUserManager machineUserManager() {
        return new MachineUserManager(session, realm);
    }

    /** The machine user's Keycloak client: its fields and attributes. */
    static final class Client {
        final Map<String, String> attributes = new HashMap<>(Map.of(MachineUser.MARKER, "true"));
        String name = "Sensor gateway";
        String description;
        boolean enabled = true;
        int notBefore;

        String getId() {
            return "machine-user-1";
        }

        String getClientId() {
            return "sensor-gateway";
        }

        String getName() {
            return name;
        }

        void setName(String name) {
            this.name = name;
        }

        String getDescription() {
            return description;
        }

        void setDescription(String description) {
            this.description = description;
        }

        String getAttribute(String name) {
            return attributes.get(name);
        }

        void setAttribute(String name, String value) {
            attributes.put(name, value);
        }

        void removeAttribute(String name) {
            attributes.remove(name);
        }

        boolean isEnabled() {
            return enabled;
        }

        void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        int getNotBefore() {
            return notBefore;
        }

        void setNotBefore(int notBefore) {
            this.notBefore = notBefore;
        }
    }

    /** What the JPA store does, without a database: slots up to the limit it is given, and nothing else decided. */
    private final class KeyStore {
        AccessKeyModel add(RealmModel realm, String machineUserId, NewAccessKey key, int limit) {
            if (keys.size() >= limit) {
                throw new AccessKeyLimitReachedException(limit);
            }
            StoredKey stored = new StoredKey(key, machineUserId);
            keys.put(key.id(), stored);
            return stored;
        }

        AccessKeyModel replace(RealmModel realm, AccessKeyModel old, NewAccessKey key) {
            if (keys.remove(old.getId()) == null) {
                return null;
            }
            StoredKey stored = new StoredKey(key, old.getMachineUserId());
            keys.put(key.id(), stored);
            return stored;
        }

        boolean remove(RealmModel realm, String keyId) {
            return keys.remove(keyId) != null;
        }

        Stream<AccessKeyModel> getByMachineUser(RealmModel realm, String machineUserId) {
            return keys.values().stream().map(AccessKeyModel.class::cast);
        }
    }

    /** A stored key: what the store was handed, and the state the services change. */
    static final class StoredKey implements AccessKeyModel {
        final NewAccessKey made;
        final String machineUserId;
        final long createdAt = Time.currentTimeMillis();
        CredentialStatus status = CredentialStatus.ACTIVE;
        int tokensNotBefore;
        String description;
        Long expiresAt;

        StoredKey(NewAccessKey made, String machineUserId) {
            this.made = made;
            this.machineUserId = machineUserId;
            this.description = made.description();
            this.expiresAt = made.expiresAt();
        }

        @Override
        public String getId() {
            return made.id();
        }

        @Override
        public String getRealmId() {
            return "realm-1";
        }

        @Override
        public String getMachineUserId() {
            return machineUserId;
        }

        @Override
        public CredentialStatus getStatus() {
            return status;
        }

        @Override
        public void setStatus(CredentialStatus status) {
            this.status = status;
        }

        @Override
        public int getTokensNotBefore() {
            return tokensNotBefore;
        }

        @Override
        public void setTokensNotBefore(int epochSeconds) {
            this.tokensNotBefore = epochSeconds;
        }

        @Override
        public String getDescription() {
            return description;
        }

        @Override
        public void setDescription(String description) {
            this.description = description;
        }

        @Override
        public long getCreatedAt() {
            return createdAt;
        }

        @Override
        public String getCreatedBy() {
            return made.createdBy();
        }

        @Override
        public Long getExpiresAt() {
            return expiresAt;
        }

        @Override
        public void setExpiresAt(Long expiresAt) {
            this.expiresAt = expiresAt;
        }

        @Override
        public Long getLastUsedAt() {
            return null;
        }

        @Override
        public Integer getExpiryWarnedDays() {
            return null;
        }

        @Override
        public String getSecretHash() {
            return made.secretHash();
        }

        @Override
        public boolean secretMatches(String presentedSecret) {
            return AccessKeySecrets.matches(presentedSecret, made.secretHash());
        }
    }
}
