package io.github.machineusers.jpa;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import io.github.machineusers.model.UsageDays;

/**
 * Usage figures of one server node, held in memory until the next flush. Adding never blocks and
 * never touches the database, which keeps the token request path free of writes.
 */
public final class UsageBuffer {

    public record DayKey(String realmId, String machineUserId, long epochDay) {
    }

    public record DayCounts(DayKey key, long tokensIssued, long failedAttempts) {
    }

    /** What a flush takes out of the buffer. */
    public record Drained(List<DayCounts> counts, Map<String, Long> lastUsed) {

        public boolean isEmpty() {
            return counts.isEmpty() && lastUsed.isEmpty();
        }
    }

    private static final class Counts {
        final LongAdder issued = new LongAdder();
        final LongAdder failed = new LongAdder();
    }

    private final ConcurrentHashMap<DayKey, Counts> counts = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Long> lastUsed = new ConcurrentHashMap<>();
    /**
     * Last-used times taken by a flush that has not committed yet. A reader that loaded the key
     * before the commit and looks here after the drain would otherwise see the time nowhere.
     */
    private volatile Map<String, Long> lastUsedInFlight = Map.of();

    public void tokenIssued(String realmId, String machineUserId, long nowMillis) {
        countsOf(realmId, machineUserId, nowMillis).issued.increment();
    }

    public void failedAttempt(String realmId, String machineUserId, long nowMillis) {
        countsOf(realmId, machineUserId, nowMillis).failed.increment();
    }

    public void keyUsed(String keyId, long nowMillis) {
        lastUsed.merge(keyId, nowMillis, Math::max);
    }

    public Long lastUsed(String keyId) {
        Long pending = lastUsed.get(keyId);
        Long inFlight = lastUsedInFlight.get(keyId);
        if (pending == null || inFlight == null) {
            return pending == null ? inFlight : pending;
        }
        return Math.max(pending, inFlight);
    }

    /** Counts not yet flushed for one machine user and day. */
    public DayCounts pending(DayKey key) {
        Counts c = counts.get(key);
        return c == null ? new DayCounts(key, 0, 0) : new DayCounts(key, c.issued.sum(), c.failed.sum());
    }

    public List<DayCounts> pendingFor(String machineUserId) {
        List<DayCounts> result = new ArrayList<>();
        counts.forEach((key, c) -> {
            if (key.machineUserId().equals(machineUserId)) {
                result.add(new DayCounts(key, c.issued.sum(), c.failed.sum()));
            }
        });
        return result;
    }

    /**
     * Takes everything out. Per-cell resets are atomic, so an increment that races with the drain
     * lands either in this drain or in the next one, never in neither.
     */
    public Drained drain(long todayEpochDay) {
        List<DayCounts> drained = new ArrayList<>();
        counts.forEach((key, c) -> {
            long issued = c.issued.sumThenReset();
            long failed = c.failed.sumThenReset();
            if (issued > 0 || failed > 0) {
                drained.add(new DayCounts(key, issued, failed));
            }
        });
        counts.keySet().removeIf(key -> key.epochDay() < todayEpochDay);
        Map<String, Long> used = new java.util.HashMap<>();
        lastUsed.forEach((keyId, time) -> {
            used.put(keyId, time);
            lastUsed.remove(keyId, time);
        });
        lastUsedInFlight = Map.copyOf(used);
        return new Drained(drained, used);
    }

    /** The drained values are in the database now. */
    public void settle() {
        lastUsedInFlight = Map.of();
    }

    /** Puts back what a failed flush could not write, so a database hiccup loses nothing. */
    public void restore(Drained drained) {
        for (DayCounts dc : drained.counts()) {
            Counts c = counts.computeIfAbsent(dc.key(), k -> new Counts());
            c.issued.add(dc.tokensIssued());
            c.failed.add(dc.failedAttempts());
        }
        drained.lastUsed().forEach((keyId, time) -> lastUsed.merge(keyId, time, Math::max));
        lastUsedInFlight = Map.of();
    }

    public void forgetRealm(String realmId) {
        counts.keySet().removeIf(key -> key.realmId().equals(realmId));
    }

    private Counts countsOf(String realmId, String machineUserId, long nowMillis) {
        return counts.computeIfAbsent(new DayKey(realmId, machineUserId, UsageDays.epochDay(nowMillis)), k -> new Counts());
    }
}
