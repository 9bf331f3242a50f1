package io.github.machineusers.authenticator;

import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.AccessKeyStatus;
import io.github.machineusers.model.AccessKeyValidity;

/** What the token path needs of an access key, copied out of its row so that a node can keep it between requests. */
record KeyCredential(String id, String secretHash, AccessKeyStatus status, Long expiresAt, int tokensNotBefore)
        implements AccessKeyValidity {

    static KeyCredential of(AccessKeyModel key) {
        return new KeyCredential(key.getId(), key.getSecretHash(), key.getStatus(), key.getExpiresAt(), key.getTokensNotBefore());
    }

    /** A token the key minted at {@code issuedAt} (epoch seconds) is alive while the key can authenticate and was not deactivated since. */
    boolean keepsAlive(long issuedAt, long nowMillis) {
        return canAuthenticate(nowMillis) && issuedAt >= tokensNotBefore;
    }

    boolean secretMatches(String presentedSecret) {
        return AccessKeySecrets.matches(presentedSecret, secretHash);
    }

    @Override
    public AccessKeyStatus getStatus() {
        return status;
    }

    @Override
    public Long getExpiresAt() {
        return expiresAt;
    }
}
