package io.github.machineusers.model;

/** Whether a key may authenticate now: active and not past its expiry. */
public interface AccessKeyValidity {

    AccessKeyStatus getStatus();

    /** Epoch milliseconds, or null when the key does not expire. */
    Long getExpiresAt();

    default boolean isExpired(long nowMillis) {
        return getExpiresAt() != null && getExpiresAt() <= nowMillis;
    }

    default boolean canAuthenticate(long nowMillis) {
        return getStatus() == AccessKeyStatus.ACTIVE && !isExpired(nowMillis);
    }
}
