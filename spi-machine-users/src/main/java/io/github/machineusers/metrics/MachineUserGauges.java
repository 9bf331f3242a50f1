package io.github.machineusers.metrics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.machineusers.model.CredentialKind;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;

/**
 * Gauges per realm on Keycloak's Micrometer registry (machine_users_keys_expiring, access keys only as in the
 * first release; machine_users_credentials_expiring, per kind; machine_users_suspended; on the management port's
 * /metrics). The values come from the database
 * and are refreshed by a task on every node, so any node answers the same.
 */
public final class MachineUserGauges {

    private final MultiGauge expiring;
    private final MultiGauge credentialsExpiring;
    private final MultiGauge suspended;

    public MachineUserGauges(int expiringWithinDays) {
        expiring = MultiGauge.builder("machine_users.keys.expiring")
                .description("Active access keys that expire within the next " + expiringWithinDays + " days")
                .register(Metrics.globalRegistry);
        credentialsExpiring = MultiGauge.builder("machine_users.credentials.expiring")
                .description("Active credentials of each kind that expire within the next " + expiringWithinDays + " days")
                .register(Metrics.globalRegistry);
        suspended = MultiGauge.builder("machine_users.suspended")
                .description("Suspended machine users")
                .register(Metrics.globalRegistry);
    }

    /**
     * Replaces all rows; realms that are gone disappear from the gauges.
     *
     * @param expiringByRealmAndKind realm name to credential type (access-key, public-key, federated) to count
     */
    public void update(Map<String, Map<String, Long>> expiringByRealmAndKind, Map<String, Long> suspendedByRealm) {
        Map<String, Long> accessKeys = new HashMap<>();
        List<MultiGauge.Row<?>> byKind = new ArrayList<>();
        expiringByRealmAndKind.forEach((realm, counts) -> {
            accessKeys.put(realm, counts.getOrDefault(CredentialKind.ACCESS_KEY.tokenValue(), 0L));
            counts.forEach((kind, count) -> byKind.add(MultiGauge.Row.of(Tags.of("realm", realm, "credential_type", kind), count)));
        });
        expiring.register(rows(accessKeys), true);
        credentialsExpiring.register(byKind, true);
        suspended.register(rows(suspendedByRealm), true);
    }

    private static List<MultiGauge.Row<?>> rows(Map<String, Long> valuesByRealm) {
        return valuesByRealm.entrySet().stream()
                .<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(Tags.of("realm", e.getKey()), e.getValue()))
                .toList();
    }
}
