package io.github.machineusers.jpa;

import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.machineusers.jpa.entity.HistoryEntity;
import io.github.machineusers.model.Actor;
import io.github.machineusers.model.HistoryAction;
import io.github.machineusers.model.HistoryEntry;
import io.github.machineusers.model.HistoryStore;
import jakarta.persistence.EntityManager;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

class JpaHistoryStore implements HistoryStore {

    /** The column's size; details are summaries, never whole representations. */
    static final int MAX_DETAILS_LENGTH = 4000;
    /** Keeps null values: "notificationEmail": null says the field was cleared. */
    private static final ObjectMapper DETAILS_MAPPER = new ObjectMapper();

    private final Supplier<EntityManager> em;
    /** Entries of one request get strictly increasing times, so "newest first" keeps their order. */
    private long lastTime;

    JpaHistoryStore(Supplier<EntityManager> em) {
        this.em = em;
    }

    @Override
    public void record(RealmModel realm, String machineUserId, HistoryAction action, Actor actor, Map<String, Object> details) {
        HistoryEntity entity = new HistoryEntity();
        entity.setId(KeycloakModelUtils.generateId());
        entity.setRealmId(realm.getId());
        entity.setMachineUserId(machineUserId);
        lastTime = Math.max(Time.currentTimeMillis(), lastTime + 1);
        entity.setCreatedAt(lastTime);
        entity.setActorId(actor.id());
        entity.setActorUsername(actor.username());
        entity.setAction(action.name());
        entity.setDetails(toJson(details));
        em.get().persist(entity);
    }

    private static String toJson(Map<String, Object> details) {
        if (details == null || details.isEmpty()) {
            return null;
        }
        try {
            String json = DETAILS_MAPPER.writeValueAsString(details);
            return json.length() <= MAX_DETAILS_LENGTH ? json : DETAILS_MAPPER.writeValueAsString(Map.of("truncated", true));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("History details must be plain values", e);
        }
    }

    @Override
    public Stream<HistoryEntry> list(RealmModel realm, String machineUserId, int first, int max) {
        return em.get().createQuery("select h from HistoryEntity h where h.realmId = :realmId and h.machineUserId = :machineUserId"
                        + " order by h.createdAt desc, h.id desc", HistoryEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("machineUserId", machineUserId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultStream()
                .map(h -> new HistoryEntry(h.getId(), h.getMachineUserId(), h.getCreatedAt(), h.getActorId(),
                        h.getActorUsername(), h.getAction(), h.getDetails()));
    }

    @Override
    public long count(RealmModel realm, String machineUserId) {
        return em.get().createQuery("select count(h) from HistoryEntity h where h.realmId = :realmId and h.machineUserId = :machineUserId", Long.class)
                .setParameter("realmId", realm.getId())
                .setParameter("machineUserId", machineUserId)
                .getSingleResult();
    }

    @Override
    public void removeByRealm(String realmId) {
        em.get().createQuery("delete from HistoryEntity h where h.realmId = :realmId").setParameter("realmId", realmId).executeUpdate();
    }
}
