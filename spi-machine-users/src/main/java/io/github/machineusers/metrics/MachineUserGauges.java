package io.github.machineusers.metrics;

import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges per realm on Keycloak's Micrometer registry (machine_users_keys_expiring and
 * machine_users_suspended on the management port's /metrics). The values come from the database
 * and are refreshed by a task on every node, so any node answers the same.
 */
public final class MachineUserGauges {

    private final MultiGauge expiring;
    private final MultiGauge suspended;

    public MachineUserGauges(int expiringWithinDays) {
        expiring = MultiGauge.builder("machine_users.keys.expiring")
                .description("Active access keys that expire within the next " + expiringWithinDays + " days")
                .register(Metrics.globalRegistry);
        suspended = MultiGauge.builder("machine_users.suspended")
                .description("Suspended machine users")
                .register(Metrics.globalRegistry);
    }

    /** Replaces all rows; realms that are gone disappear from the gauges. */
    public void update(Map<String, Long> expiringByRealm, Map<String, Long> suspendedByRealm) {
        expiring.register(rows(expiringByRealm), true);
        suspended.register(rows(suspendedByRealm), true);
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, Long> valuesByRealm) {
        return valuesByRealm.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("realm", e.getKey()), e.getValue()))
                .toList();
    }
}
