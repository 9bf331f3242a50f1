package io.github.machineusers.model;

/** Counts of one UTC day; {@code epochDay} as in {@link java.time.LocalDate#toEpochDay()}. */
public record UsageDay(long epochDay, long tokensIssued, long failedAttempts) {
}
