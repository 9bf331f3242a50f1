package io.github.machineusers.model;

/** Usage is counted per UTC day, so the figures do not depend on the server's time zone. */
public final class UsageDays {

    private static final long MILLIS_PER_DAY = 86_400_000L;

    private UsageDays() {
    }

    public static long epochDay(long epochMillis) {
        return Math.floorDiv(epochMillis, MILLIS_PER_DAY);
    }
}
