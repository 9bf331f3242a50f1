package io.github.machineusers.authenticator;

import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.AccessKeyStatus;
import io.github.machineusers.model.AccessKeyValidity;

/** What the token path needs of an access key, copied out of its row so that a node can keep it between requests. */
final class KeyCredential implements AccessKeyValidity {

    private final String id;
    private final String secretHash;
    private final AccessKeyStatus status;
    private final Long expiresAt;

    private KeyCredential(String id, String secretHash, AccessKeyStatus status, Long expiresAt) {
        this.id = id;
        this.secretHash = secretHash;
        this.status = status;
        this.expiresAt = expiresAt;
    }

    static KeyCredential of(AccessKeyModel key) {
        return new KeyCredential(key.getId(), key.getSecretHash(), key.getStatus(), key.getExpiresAt());
    }

    String id() {
        return id;
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
