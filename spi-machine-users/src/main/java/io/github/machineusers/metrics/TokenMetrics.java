package io.github.machineusers.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;

/**
 * Token counters on Keycloak's own Micrometer registry, so they appear on the management port's
 * /metrics next to Keycloak's (as machine_users_tokens_issued_total and
 * machine_users_token_failures_total, tagged with the realm).
 */
public final class TokenMetrics {

    private final Meter.MeterProvider<Counter> issued = Counter.builder("machine_users.tokens.issued")
            .description("Tokens issued to machine users by client credentials")
            .withRegistry(Metrics.globalRegistry);
    private final Meter.MeterProvider<Counter> failures = Counter.builder("machine_users.token.failures")
            .description("Failed client authentications that named a machine user or one of its keys")
            .withRegistry(Metrics.globalRegistry);

    public void tokenIssued(String realmName) {
        issued.withTags("realm", realmName).increment();
    }

    public void failure(String realmName) {
        failures.withTags("realm", realmName).increment();
    }
}
