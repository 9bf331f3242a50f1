package io.github.machineusers.manage;

import org.keycloak.common.util.Time;

/**
 * Tokens carry their issue time in whole seconds, so killing the tokens of "now" means a not-before of
 * the next second; lifting such a ban must then wait for that second, or a token issued at once would
 * be born dead.
 */
final class TokenClock {

    private TokenClock() {
    }

    /** Waits, under a second, until a token issued now is at or after {@code notBefore} (epoch seconds). */
    static void waitUntilNewTokensAreValid(int notBefore) {
        long waitMillis = notBefore * 1000L - Time.currentTimeMillis();
        if (waitMillis > 0 && waitMillis <= 1000) {
            try {
                Thread.sleep(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
