package io.github.machineusers.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.keycloak.Config;

class LifecycleSettingsTest {

    @Test
    void defaultsWithoutAnySetting() {
        BackgroundTasks.Settings settings = DefaultLifecycleProviderFactory.settings(scope(Map.of()), scope(Map.of()));

        assertThat(settings).isEqualTo(new BackgroundTasks.Settings(900, 60, 14));
    }

    @Test
    void theLifecycleScopeIsRead() {
        BackgroundTasks.Settings settings = DefaultLifecycleProviderFactory.settings(
                scope(Map.of("expiryWarningIntervalSeconds", "30", "metricsRefreshIntervalSeconds", "5", "expiringKeysMetricDays", "7")),
                scope(Map.of()));

        assertThat(settings).isEqualTo(new BackgroundTasks.Settings(30, 5, 7));
    }

    @Test
    void settingsOfEarlierReleasesStillCountWhereTheNewPlaceIsSilent() {
        BackgroundTasks.Settings settings = DefaultLifecycleProviderFactory.settings(
                scope(Map.of("metricsRefreshIntervalSeconds", "5")),
                scope(Map.of("expiryWarningIntervalSeconds", "120", "metricsRefreshIntervalSeconds", "99")));

        assertThat(settings).isEqualTo(new BackgroundTasks.Settings(120, 5, 14));
    }

    @Test
    void zeroAndNegativeIntervalsBecomeOneSecond() {
        BackgroundTasks.Settings settings = DefaultLifecycleProviderFactory.settings(
                scope(Map.of("expiryWarningIntervalSeconds", "0", "metricsRefreshIntervalSeconds", "-3")), scope(Map.of()));

        assertThat(settings.expiryWarningIntervalSeconds()).isEqualTo(1);
        assertThat(settings.metricsRefreshIntervalSeconds()).isEqualTo(1);
    }

    /** Keycloak's own scope base class over a map, as a server option source would fill it. */
    private static Config.Scope scope(Map<String, String> values) {
        return new Config.AbstractScope() {
            @Override
            public String get(String key) {
                return values.get(key);
            }

            @Override
            public Config.Scope scope(String... scope) {
                return this;
            }

            @Override
            public Set<String> getPropertyNames() {
                return values.keySet();
            }

            @Override
            public Config.Scope root() {
                return this;
            }
        };
    }
}
