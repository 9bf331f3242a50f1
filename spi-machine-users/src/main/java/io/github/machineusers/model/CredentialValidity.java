package io.github.machineusers.model;

/** Whether a credential may authenticate now: active and not past its expiry. */
public interface CredentialValidity {

    CredentialStatus getStatus();

    /** Epoch milliseconds, or null when the credential does not expire. */
    Long getExpiresAt();

    default boolean isExpired(long nowMillis) {
        return getExpiresAt() != null && getExpiresAt() <= nowMillis;
    }

    default boolean canAuthenticate(long nowMillis) {
        return getStatus() == CredentialStatus.ACTIVE && !isExpired(nowMillis);
    }
}
