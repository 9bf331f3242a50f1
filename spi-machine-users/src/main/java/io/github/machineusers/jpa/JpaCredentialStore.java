package io.github.machineusers.jpa;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import io.github.machineusers.jpa.entity.CredentialEntity;
import io.github.machineusers.model.CredentialLimitReachedException;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.MachineUserCredential;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * What the stores of public keys and federated credentials do alike: the slot that caps a machine user's count in
 * the database itself, lookups by id and owner, and removal that renews the credential stamp.
 *
 * @param <E> the kind's entity
 * @param <M> the kind's model
 */
abstract class JpaCredentialStore<E extends CredentialEntity, M extends MachineUserCredential> {

    /** The named queries of one kind's table. */
    record Queries(String ofMachineUser, String removeOne, String removeOfMachineUser, String removeOfRealm) {
    }

    private final Class<E> entityType;
    private final String kindPlural;
    private final Queries queries;
    protected final Supplier<EntityManager> em;
    protected final CredentialRows rows;

    JpaCredentialStore(KeycloakSession session, Supplier<EntityManager> em, Class<E> entityType, String kindPlural, Queries queries) {
        this.em = em;
        this.rows = new CredentialRows(session, em);
        this.entityType = entityType;
        this.kindPlural = kindPlural;
        this.queries = queries;
    }

    /** The model over a row, which renews the owner's stamp whenever it changes the row. */
    protected abstract M adapt(E entity, Runnable changed);

    /** Whether the id has this kind's shape; any other cannot name a row, and costs no read. */
    protected abstract boolean looksLikeId(String id);

    protected final M adapt(E entity) {
        return adapt(entity, () -> rows.changed(entity.getRealmId(), entity.getMachineUserId()));
    }

    /**
     * Stores a new credential, filled in by the kind, in the machine user's lowest free slot. Of two racing
     * inserts that saw the same rows, the unique slot lets only one commit.
     */
    protected final M insert(RealmModel realm, String machineUserId, E entity, String id, String description, Long expiresAt,
                             String createdBy, int limit) {
        List<E> existing = rowsOf(realm.getId(), machineUserId);
        if (existing.size() >= limit) {
            throw new CredentialLimitReachedException(kindPlural, limit);
        }
        entity.setId(id);
        entity.setRealmId(realm.getId());
        entity.setMachineUserId(machineUserId);
        entity.setSlot(CredentialRows.lowestFreeSlot(existing));
        entity.setStatus(CredentialStatus.ACTIVE.name());
        entity.setDescription(description);
        entity.setCreatedAt(Time.currentTimeMillis());
        entity.setCreatedBy(createdBy);
        entity.setExpiresAt(expiresAt);
        try {
            em.get().persist(entity);
            em.get().flush();
        } catch (PersistenceException e) {
            // Another request took the same slot first.
            throw new CredentialLimitReachedException(kindPlural, limit);
        }
        rows.changed(realm.getId(), machineUserId);
        return adapt(entity);
    }

    public M getById(RealmModel realm, String id) {
        if (!looksLikeId(id)) {
            return null;
        }
        E entity = em.get().find(entityType, id);
        return entity == null || !entity.getRealmId().equals(realm.getId()) ? null : adapt(entity);
    }

    public Stream<M> getByMachineUser(RealmModel realm, String machineUserId) {
        return rowsOf(realm.getId(), machineUserId).stream().map(this::adapt);
    }

    private List<E> rowsOf(String realmId, String machineUserId) {
        return em.get().createNamedQuery(queries.ofMachineUser(), entityType)
                .setParameter("realmId", realmId)
                .setParameter("machineUserId", machineUserId)
                .getResultList();
    }

    public boolean remove(RealmModel realm, String id) {
        E entity = looksLikeId(id) ? em.get().find(entityType, id) : null;
        return entity != null && entity.getRealmId().equals(realm.getId()) && rows.remove(entity, queries.removeOne());
    }

    public void removeByMachineUser(RealmModel realm, String machineUserId) {
        em.get().createNamedQuery(queries.removeOfMachineUser())
                .setParameter("realmId", realm.getId())
                .setParameter("machineUserId", machineUserId)
                .executeUpdate();
    }

    public void removeByRealm(String realmId) {
        em.get().createNamedQuery(queries.removeOfRealm()).setParameter("realmId", realmId).executeUpdate();
    }
}
