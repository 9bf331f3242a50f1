package io.github.machineusers.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

class ExpiryWarningsTest {

    private static final long DAY = ExpiryWarnings.DAY_MILLIS;
    private static final long NOW = 1_800_000_000_000L;
    private static final List<Integer> POLICY = List.of(14, 1);

    @Test
    void nothingIsDueBeforeTheFarthestThreshold() {
        assertThat(ExpiryWarnings.due(POLICY, NOW + 15 * DAY, null, NOW)).isEmpty();
    }

    @Test
    void eachThresholdIsDueOnceInTurn() {
        long expiry = NOW + 10 * DAY;
        assertThat(ExpiryWarnings.due(POLICY, expiry, null, NOW)).isEqualTo(OptionalInt.of(14));
        assertThat(ExpiryWarnings.due(POLICY, expiry, 14, NOW)).isEmpty();
        assertThat(ExpiryWarnings.due(POLICY, expiry, 14, expiry - DAY)).isEqualTo(OptionalInt.of(1));
        assertThat(ExpiryWarnings.due(POLICY, expiry, 1, expiry - 1000)).isEmpty();
    }

    @Test
    void aKeyInsideSeveralThresholdsGetsOnlyTheNearest() {
        assertThat(ExpiryWarnings.due(POLICY, NOW + DAY / 2, null, NOW)).isEqualTo(OptionalInt.of(1));
        assertThat(ExpiryWarnings.due(POLICY, NOW + DAY / 2, 1, NOW)).isEmpty();
    }

    @Test
    void theThresholdBoundaryIsInclusive() {
        assertThat(ExpiryWarnings.due(POLICY, NOW + 14 * DAY, null, NOW)).isEqualTo(OptionalInt.of(14));
    }

    @Test
    void expiredKeysAndRealmsWithoutWarningsGetNothing() {
        assertThat(ExpiryWarnings.due(POLICY, NOW, null, NOW)).isEmpty();
        assertThat(ExpiryWarnings.due(POLICY, NOW - DAY, null, NOW)).isEmpty();
        assertThat(ExpiryWarnings.due(List.of(), NOW + DAY, null, NOW)).isEmpty();
        assertThat(ExpiryWarnings.horizonDays(List.of())).isZero();
    }

    @Test
    void daysLeftRoundUp() {
        assertThat(ExpiryWarnings.daysLeft(NOW + DAY + 1, NOW)).isEqualTo(2);
        assertThat(ExpiryWarnings.daysLeft(NOW + DAY, NOW)).isEqualTo(1);
        assertThat(ExpiryWarnings.daysLeft(NOW - 5, NOW)).isZero();
    }
}
