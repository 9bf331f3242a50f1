package io.github.machineusers.model;

public interface AccessKeyModel {

    String getId();

    String getRealmId();

    String getMachineUserId();

    AccessKeyStatus getStatus();

    void setStatus(AccessKeyStatus status);

    String getDescription();

    void setDescription(String description);

    long getCreatedAt();

    String getCreatedBy();

    /** Epoch milliseconds, or null when the key does not expire. */
    Long getExpiresAt();

    void setExpiresAt(Long expiresAt);

    Long getLastUsedAt();

    /** The smallest warning threshold, in days, already sent for the current expiry; null when none was. */
    Integer getExpiryWarnedDays();

    boolean secretMatches(String presentedSecret);

    default boolean isExpired(long nowMillis) {
        return getExpiresAt() != null && getExpiresAt() <= nowMillis;
    }

    default boolean canAuthenticate(long nowMillis) {
        return getStatus() == AccessKeyStatus.ACTIVE && !isExpired(nowMillis);
    }
}
