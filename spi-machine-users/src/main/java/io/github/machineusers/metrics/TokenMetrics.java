package io.github.machineusers.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Metrics;

/**
 * Token counters on Keycloak's own Micrometer registry, so they appear on the management port's
 * /metrics next to Keycloak's (as machine_users_tokens_issued_total, tagged with the realm and the kind of
 * credential that authenticated, and machine_users_token_failures_total, tagged with the realm: a refusal does not
 * always know the kind).
 */
public final class TokenMetrics {

    private final Meter.MeterProvider<Counter> issued = Counter.builder("machine_users.tokens.issued")
            .description("Tokens issued to machine users by client credentials")
            .withRegistry(Metrics.globalRegistry);
    private final Meter.MeterProvider<Counter> failures = Counter.builder("machine_users.token.failures")
            .description("Failed client authentications that named a machine user or one of its keys")
            .withRegistry(Metrics.globalRegistry);

    /** @param credentialType the kind's claim value: access-key, public-key, federated */
    public void tokenIssued(String realmName, String credentialType) {
        issued.withTags("realm", realmName, "credential_type", credentialType).increment();
    }

    public void failure(String realmName) {
        failures.withTags("realm", realmName).increment();
    }
}
