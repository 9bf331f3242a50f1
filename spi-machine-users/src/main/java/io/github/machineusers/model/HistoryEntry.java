package io.github.machineusers.model;

/** One change of a machine user; {@code details} is JSON without secrets. */
public record HistoryEntry(String id, String machineUserId, long time, String actorId, String actorUsername,
                           String action, String details) {
}
