package io.github.machineusers.jpa;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.machineusers.jpa.UsageBuffer;
import io.github.machineusers.jpa.entity.MachineUserEntity;
import io.github.machineusers.model.AccessKeyStore;
import io.github.machineusers.model.PublicKeyStore;
import io.github.machineusers.model.FederatedCredentialStore;
import io.github.machineusers.model.CredentialExpiries;
import io.github.machineusers.model.MachineUserCredential;
import io.github.machineusers.keys.FederatedCredentialIds;
import io.github.machineusers.keys.PublicKeyMaterial;
import io.github.machineusers.model.AccessKeysVersion;
import io.github.machineusers.model.GroupGrantStore;
import io.github.machineusers.model.HistoryStore;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.MachineUserQuery;
import io.github.machineusers.model.RecordedState;
import io.github.machineusers.model.UsageStore;
import io.github.machineusers.text.StoredText;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

public class JpaMachineUserProvider implements MachineUserProvider {

    private final KeycloakSession session;
    private final Supplier<EntityManager> em;
    private final JpaAccessKeyStore keys;
    private final JpaPublicKeyStore publicKeys;
    private final JpaFederatedCredentialStore federatedCredentials;
    private final JpaCredentialExpiries expiries;
    private final JpaHistoryStore history;
    private final JpaGroupGrantStore groupGrants;
    private final JpaUsageStore usage;

    JpaMachineUserProvider(KeycloakSession session, Supplier<EntityManager> em, UsageBuffer usageBuffer) {
        this.session = session;
        this.em = em;
        this.keys = new JpaAccessKeyStore(session, em);
        this.publicKeys = new JpaPublicKeyStore(session, em);
        this.federatedCredentials = new JpaFederatedCredentialStore(session, em);
        this.expiries = new JpaCredentialExpiries(em);
        this.history = new JpaHistoryStore(em);
        this.groupGrants = new JpaGroupGrantStore(em);
        this.usage = new JpaUsageStore(em, usageBuffer);
    }

    @Override
    public void register(RealmModel realm, ClientModel client, String createdBy) {
        MachineUserEntity entity = new MachineUserEntity();
        entity.setId(client.getId());
        entity.setRealmId(realm.getId());
        entity.setCreatedAt(Time.currentTimeMillis());
        entity.setCreatedBy(createdBy);
        entity.setPartitionId(client.getAttribute(MachineUser.PARTITION));
        entity.setSuspended(!client.isEnabled());
        entity.setNotBefore(client.getNotBefore());
        copySearchText(entity, client);
        em.get().persist(entity);
        // A client from a realm import carries the stamp it was exported with, under which a node
        // may still remember the keys of the client it was exported from.
        AccessKeysVersion.renew(client);
    }

    @Override
    public void refreshSearchText(RealmModel realm, ClientModel client) {
        MachineUserEntity entity = find(realm, client.getId());
        if (entity != null) {
            copySearchText(entity, client);
        }
    }

    private static void copySearchText(MachineUserEntity entity, ClientModel client) {
        entity.setSearchName(SearchText.of(client.getName()));
        entity.setSearchClientId(SearchText.of(client.getClientId()));
    }

    @Override
    public void setPartition(RealmModel realm, ClientModel client, String partitionId) {
        MachineUserEntity entity = find(realm, client.getId());
        if (entity != null) {
            entity.setPartitionId(partitionId);
        }
    }

    @Override
    public long countOwnedBy(RealmModel realm, Set<String> partitionIds) {
        if (partitionIds.isEmpty()) {
            return 0;
        }
        long total = 0;
        for (Set<String> slice : slices(partitionIds)) {
            total += em.get().createQuery("select count(m) from MachineUserEntity m where m.realmId = :realmId and m.partitionId in :ids",
                            Long.class)
                    .setParameter("realmId", realm.getId())
                    .setParameter("ids", slice)
                    .getSingleResult();
        }
        return total;
    }

    @Override
    public RecordedState recordedState(RealmModel realm, String machineUserId) {
        MachineUserEntity entity = find(realm, machineUserId);
        return entity == null ? null : new RecordedState(entity.isSuspended(), entity.getNotBefore(), entity.getPartitionId());
    }

    @Override
    public void recordState(RealmModel realm, ClientModel client) {
        MachineUserEntity entity = find(realm, client.getId());
        if (entity != null) {
            entity.setSuspended(!client.isEnabled());
            entity.setNotBefore(client.getNotBefore());
        }
    }

    @Override
    public void registerUnlisted(RealmModel realm, String createdBy) {
        // Keycloak's attribute search only accepts attributes it manages, so look for the marker here.
        em.get().createQuery("select a.client.id from ClientAttributeEntity a where a.client.realmId = :realmId and a.name = :marker"
                        + " and not exists (select m.id from MachineUserEntity m where m.id = a.client.id)", String.class)
                .setParameter("realmId", realm.getId())
                .setParameter("marker", MachineUser.MARKER)
                .getResultList().stream()
                .map(id -> session.clients().getClientById(realm, id))
                .filter(MachineUser::isMachineUser)
                .forEach(client -> register(realm, client, createdBy));
    }

    @Override
    public Long getCreatedAt(RealmModel realm, ClientModel client) {
        MachineUserEntity entity = find(realm, client.getId());
        return entity == null ? null : entity.getCreatedAt();
    }

    @Override
    public String getCreatedBy(RealmModel realm, ClientModel client) {
        MachineUserEntity entity = find(realm, client.getId());
        return entity == null ? null : entity.getCreatedBy();
    }

    private MachineUserEntity find(RealmModel realm, String id) {
        MachineUserEntity entity = em.get().find(MachineUserEntity.class, id);
        return entity != null && entity.getRealmId().equals(realm.getId()) ? entity : null;
    }

    @Override
    public Stream<ClientModel> search(RealmModel realm, MachineUserQuery query, int first, int max) {
        if (matchesNothing(query)) {
            return Stream.empty();
        }
        SearchPattern pattern = patternOf(query);
        // Whole rows, not ids: a listing then reads each one's creation time and creator without another query.
        Stream<MachineUserEntity> page;
        if (!filtersPartitionsHere(query)) {
            boolean byPartition = query.partitionIds() != null;
            TypedQuery<MachineUserEntity> q = em.get().createQuery("select m " + from(query, pattern, byPartition)
                    + " order by m.createdAt desc, m.id desc", MachineUserEntity.class);
            bind(q, realm, query, pattern, query.partitionIds());
            page = q.setFirstResult(first).setMaxResults(max).getResultList().stream();
        } else {
            // Too many owner partitions to bind as parameters: the newest rows of the realm, filtered here.
            TypedQuery<MachineUserEntity> q = em.get().createQuery("select m " + from(query, pattern, false)
                    + " order by m.createdAt desc, m.id desc", MachineUserEntity.class);
            bind(q, realm, query, pattern, null);
            try (Stream<MachineUserEntity> rows = q.getResultStream()) {
                page = rows.filter(m -> m.getPartitionId() != null && query.partitionIds().contains(m.getPartitionId()))
                        .skip(first).limit(max).toList().stream();
            }
        }
        return page.map(entity -> session.clients().getClientById(realm, entity.getId())).filter(Objects::nonNull);
    }

    @Override
    public long count(RealmModel realm, MachineUserQuery query) {
        if (matchesNothing(query)) {
            return 0;
        }
        // count(*), not count(m): PostgreSQL can then answer from the (realm, created) index alone.
        SearchPattern pattern = patternOf(query);
        if (query.partitionIds() == null) {
            TypedQuery<Long> q = em.get().createQuery("select count(*) " + from(query, pattern, false), Long.class);
            bind(q, realm, query, pattern, null);
            return q.getSingleResult();
        }
        // The owner partitions are distinct, so counts over slices of them add up.
        long total = 0;
        for (Set<String> slice : slices(query.partitionIds())) {
            TypedQuery<Long> q = em.get().createQuery("select count(*) " + from(query, pattern, true), Long.class);
            bind(q, realm, query, pattern, slice);
            total += q.getSingleResult();
        }
        return total;
    }

    /**
     * Owner partitions bound as parameters of one statement, at most. A partition administrator's scope is
     * every partition below theirs, which in a large tree passes what a database accepts in one statement
     * (PostgreSQL's driver takes 32,767 parameters, MariaDB 65,535).
     */
    static final int MAX_BOUND_PARTITIONS = 1000;

    private static boolean filtersPartitionsHere(MachineUserQuery query) {
        return query.partitionIds() != null && query.partitionIds().size() > MAX_BOUND_PARTITIONS;
    }

    static List<Set<String>> slices(Set<String> ids) {
        List<Set<String>> slices = new ArrayList<>();
        Set<String> slice = new HashSet<>();
        for (String id : ids) {
            slice.add(id);
            if (slice.size() == MAX_BOUND_PARTITIONS) {
                slices.add(slice);
                slice = new HashSet<>();
            }
        }
        if (!slice.isEmpty()) {
            slices.add(slice);
        }
        return slices;
    }

    @Override
    public void lockForChange(RealmModel realm, String machineUserId) {
        // The client row, because every change to a machine user touches it or rows that belong to it.
        em.get().createQuery("select c.id from ClientEntity c where c.id = :id and c.realmId = :realmId", String.class)
                .setParameter("id", machineUserId)
                .setParameter("realmId", realm.getId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    /** Also when the search text cannot be in Keycloak's client table of this database at all. */
    private boolean matchesNothing(MachineUserQuery query) {
        return query.matchesNothing() || !StoredText.fits(session, query.search());
    }

    /**
     * The directory alone, which holds what a search compares; Keycloak's client table only for the
     * status, which is the client's enabled flag.
     */
    private static SearchPattern patternOf(MachineUserQuery query) {
        return query.search() == null ? null : SearchPattern.of(query.search());
    }

    private static String from(MachineUserQuery query, SearchPattern pattern, boolean byPartition) {
        StringBuilder jpql = new StringBuilder(query.suspended() != null
                ? "from MachineUserEntity m, ClientEntity c where c.id = m.id and c.enabled = :enabled and m.realmId = :realmId"
                : "from MachineUserEntity m where m.realmId = :realmId");
        if (pattern != null) {
            jpql.append(" and ").append(pattern.jpqlCondition());
        }
        if (byPartition) {
            jpql.append(" and m.partitionId in :partitionIds");
        }
        return jpql.toString();
    }

    private static void bind(TypedQuery<?> q, RealmModel realm, MachineUserQuery query, SearchPattern pattern, Set<String> partitionIds) {
        q.setParameter("realmId", realm.getId());
        if (pattern != null) {
            q.setParameter("search", pattern.value());
        }
        if (query.suspended() != null) {
            q.setParameter("enabled", !query.suspended());
        }
        if (partitionIds != null) {
            q.setParameter("partitionIds", partitionIds);
        }
    }

    @Override
    public void unregister(RealmModel realm, String clientId) {
        keys.removeByMachineUser(realm, clientId);
        publicKeys.removeByMachineUser(realm, clientId);
        federatedCredentials.removeByMachineUser(realm, clientId);
        MachineUserEntity entity = find(realm, clientId);
        if (entity != null) {
            em.get().remove(entity);
        }
    }

    @Override
    public void removeByRealm(String realmId) {
        keys.removeByRealm(realmId);
        publicKeys.removeByRealm(realmId);
        federatedCredentials.removeByRealm(realmId);
        history.removeByRealm(realmId);
        usage.removeByRealm(realmId);
        groupGrants.removeRealm(realmId);
        em.get().createQuery("delete from MachineUserEntity m where m.realmId = :realmId").setParameter("realmId", realmId).executeUpdate();
    }

    @Override
    public AccessKeyStore keys() {
        return keys;
    }

    @Override
    public PublicKeyStore publicKeys() {
        return publicKeys;
    }

    @Override
    public FederatedCredentialStore federatedCredentials() {
        return federatedCredentials;
    }

    @Override
    public MachineUserCredential credential(RealmModel realm, String credentialId) {
        if (PublicKeyMaterial.looksLikeKeyId(credentialId)) {
            return publicKeys.getById(realm, credentialId);
        }
        if (FederatedCredentialIds.looksLikeId(credentialId)) {
            return federatedCredentials.getById(realm, credentialId);
        }
        return keys.getById(realm, credentialId);
    }

    @Override
    public CredentialExpiries expiries() {
        return expiries;
    }

    @Override
    public GroupGrantStore groupGrants() {
        return groupGrants;
    }

    @Override
    public HistoryStore history() {
        return history;
    }

    @Override
    public UsageStore usage() {
        return usage;
    }

    @Override
    public void close() {
    }
}
