package io.github.machineusers.mapper;

import org.keycloak.representations.IDToken;

/** Lowers a token's expiry to what its credential and the realm policy allow; never raises it. */
final class TokenLifetimeCap {

    private TokenLifetimeCap() {
    }

    /**
     * @param credentialExpiresAt epoch milliseconds, null when the credential does not expire
     * @param maxLifespanSeconds  the policy's maxAccessTokenLifespan, null for none
     */
    static void apply(IDToken token, Long credentialExpiresAt, Integer maxLifespanSeconds) {
        long exp = token.getExp() == null ? Long.MAX_VALUE : token.getExp();
        if (credentialExpiresAt != null) {
            exp = Math.min(exp, credentialExpiresAt / 1000);
        }
        if (maxLifespanSeconds != null && token.getIat() != null) {
            exp = Math.min(exp, token.getIat() + maxLifespanSeconds);
        }
        if (exp != Long.MAX_VALUE) {
            token.exp(exp);
        }
    }
}
