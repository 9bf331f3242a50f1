package io.github.machineusers.notify;

import java.util.List;
import java.util.OptionalInt;

/**
 * Which expiry warning a key is due. A key that is within several thresholds at once (created
 * with a short lifetime, or the server was down for a while) gets one warning, for the nearest
 * threshold, and the farther ones are skipped for good: a 14-day notice that arrives with one day
 * left helps nobody.
 */
public final class ExpiryWarnings {

    static final long DAY_MILLIS = 86_400_000L;

    private ExpiryWarnings() {
    }

    /**
     * @param thresholdDays the realm policy's warning days, in any order
     * @param warnedDays    the smallest threshold already sent for this expiry, or null
     * @return the threshold to warn for now, if any
     */
    public static OptionalInt due(List<Integer> thresholdDays, long expiresAt, Integer warnedDays, long now) {
        long remaining = expiresAt - now;
        if (remaining <= 0) {
            return OptionalInt.empty();
        }
        OptionalInt nearest = thresholdDays.stream()
                .mapToInt(Integer::intValue)
                .filter(days -> remaining <= days * DAY_MILLIS)
                .min();
        if (nearest.isEmpty() || (warnedDays != null && warnedDays <= nearest.getAsInt())) {
            return OptionalInt.empty();
        }
        return nearest;
    }

    /** The farthest threshold, which bounds the keys worth looking at; 0 when warnings are off. */
    public static int horizonDays(List<Integer> thresholdDays) {
        return thresholdDays.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Whole days left, rounded up, as a person counts them ("expires in 2 days" with 25 hours left). */
    public static long daysLeft(long expiresAt, long now) {
        return Math.max(0, (expiresAt - now + DAY_MILLIS - 1) / DAY_MILLIS);
    }
}
