package io.github.machineusers.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

import io.github.machineusers.jpa.UsageBuffer;
import io.github.machineusers.jpa.entity.UsageEntity;
import io.github.machineusers.keys.FederatedCredentialIds;
import io.github.machineusers.keys.PublicKeyMaterial;
import io.github.machineusers.model.MachineUserCredential;
import io.github.machineusers.model.UsageDay;
import io.github.machineusers.model.UsageStore;
import jakarta.persistence.EntityManager;
import org.keycloak.common.util.Time;
import org.keycloak.models.RealmModel;

class JpaUsageStore implements UsageStore {

    private final Supplier<EntityManager> em;
    private final UsageBuffer buffer;

    JpaUsageStore(Supplier<EntityManager> em, UsageBuffer buffer) {
        this.em = em;
        this.buffer = buffer;
    }

    @Override
    public void recordTokenIssued(String realmId, String machineUserId, String keyId) {
        long now = Time.currentTimeMillis();
        buffer.tokenIssued(realmId, machineUserId, now);
        buffer.keyUsed(keyId, now);
    }

    @Override
    public void recordKeyUsed(String keyId) {
        buffer.keyUsed(keyId, Time.currentTimeMillis());
    }

    @Override
    public void recordFailedAttempt(String realmId, String machineUserId) {
        buffer.failedAttempt(realmId, machineUserId, Time.currentTimeMillis());
    }

    @Override
    public List<UsageDay> daily(RealmModel realm, String machineUserId, long fromEpochDay) {
        Map<Long, long[]> byDay = new TreeMap<>();
        em.get().createQuery("select u from UsageEntity u where u.realmId = :realmId and u.machineUserId = :machineUserId"
                        + " and u.epochDay >= :from", UsageEntity.class)
                .setParameter("realmId", realm.getId())
                .setParameter("machineUserId", machineUserId)
                .setParameter("from", fromEpochDay)
                .getResultStream()
                .forEach(u -> add(byDay, u.getEpochDay(), u.getTokensIssued(), u.getFailedAttempts()));
        for (UsageBuffer.DayCounts pending : buffer.pendingFor(machineUserId)) {
            if (pending.key().epochDay() >= fromEpochDay && pending.key().realmId().equals(realm.getId())) {
                add(byDay, pending.key().epochDay(), pending.tokensIssued(), pending.failedAttempts());
            }
        }
        List<UsageDay> days = new ArrayList<>();
        byDay.forEach((day, c) -> days.add(new UsageDay(day, c[0], c[1])));
        return days;
    }

    private static void add(Map<Long, long[]> byDay, long day, long issued, long failed) {
        long[] c = byDay.computeIfAbsent(day, d -> new long[2]);
        c[0] += issued;
        c[1] += failed;
    }

    @Override
    public Long lastUsed(MachineUserCredential key) {
        Long pending = buffer.lastUsed(key.getId());
        Long stored = key.getLastUsedAt();
        if (pending == null) {
            return stored;
        }
        return stored == null ? pending : Math.max(pending, stored);
    }

    private static String touchQueryOf(String credentialId) {
        if (PublicKeyMaterial.looksLikeKeyId(credentialId)) {
            return "mu.touchPublicKey";
        }
        return FederatedCredentialIds.looksLikeId(credentialId) ? "mu.touchFederatedCredential" : "mu.touchKey";
    }

    /** Writes figures drained from this node's buffer; the caller puts them back if this fails. */
    void write(UsageBuffer.Drained drained) {
        // One buffer for every kind of credential: the id's prefix says which table holds it.
        drained.lastUsed().forEach((keyId, time) -> em.get()
                .createNamedQuery(touchQueryOf(keyId))
                .setParameter("id", keyId)
                .setParameter("time", time)
                .executeUpdate());
        for (UsageBuffer.DayCounts counts : drained.counts()) {
            int updated = em.get().createQuery("update UsageEntity u set u.tokensIssued = u.tokensIssued + :issued,"
                            + " u.failedAttempts = u.failedAttempts + :failed"
                            + " where u.machineUserId = :machineUserId and u.epochDay = :day")
                    .setParameter("issued", counts.tokensIssued())
                    .setParameter("failed", counts.failedAttempts())
                    .setParameter("machineUserId", counts.key().machineUserId())
                    .setParameter("day", counts.key().epochDay())
                    .executeUpdate();
            if (updated == 0) {
                UsageEntity entity = new UsageEntity();
                entity.setMachineUserId(counts.key().machineUserId());
                entity.setEpochDay(counts.key().epochDay());
                entity.setRealmId(counts.key().realmId());
                entity.setTokensIssued(counts.tokensIssued());
                entity.setFailedAttempts(counts.failedAttempts());
                em.get().persist(entity);
            }
        }
        em.get().flush();
    }

    @Override
    public void removeByRealm(String realmId) {
        buffer.forgetRealm(realmId);
        em.get().createQuery("delete from UsageEntity u where u.realmId = :realmId").setParameter("realmId", realmId).executeUpdate();
    }
}
