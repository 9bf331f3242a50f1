package io.github.machineusers.authenticator;

import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.CredentialStatus;

/** What the token path needs of an access key, copied out of its row so that a node can keep it between requests. */
record KeyCredential(String id, String secretHash, CredentialStatus status, Long expiresAt, int tokensNotBefore)
        implements CachedCredential {

    static KeyCredential of(AccessKeyModel key) {
        return new KeyCredential(key.getId(), key.getSecretHash(), key.getStatus(), key.getExpiresAt(), key.getTokensNotBefore());
    }

    boolean secretMatches(String presentedSecret) {
        return AccessKeySecrets.matches(presentedSecret, secretHash);
    }

    @Override
    public CredentialStatus getStatus() {
        return status;
    }

    @Override
    public Long getExpiresAt() {
        return expiresAt;
    }
}
