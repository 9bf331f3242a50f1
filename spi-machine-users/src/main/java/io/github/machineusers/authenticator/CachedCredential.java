package io.github.machineusers.authenticator;

import io.github.machineusers.model.CredentialValidity;

/**
 * What the token path keeps of a credential of any kind between requests: enough to decide
 * whether it authenticates now and whether the tokens it minted are still alive.
 */
interface CachedCredential extends CredentialValidity {

    String id();

    /** Epoch seconds below which the tokens the credential minted are dead. */
    int tokensNotBefore();

    /** A token minted at {@code issuedAt} (epoch seconds) is alive while the credential can authenticate and was not deactivated since. */
    default boolean keepsAlive(long issuedAt, long nowMillis) {
        return canAuthenticate(nowMillis) && issuedAt >= tokensNotBefore();
    }
}
