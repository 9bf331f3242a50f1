package io.github.machineusers.model;

public interface AccessKeyModel extends AccessKeyValidity {

    String getId();

    String getRealmId();

    String getMachineUserId();

    void setStatus(AccessKeyStatus status);

    /** Epoch seconds: tokens the key minted before then are dead, even once it is active again. */
    int getTokensNotBefore();

    void setTokensNotBefore(int epochSeconds);

    String getDescription();

    void setDescription(String description);

    long getCreatedAt();

    String getCreatedBy();

    void setExpiresAt(Long expiresAt);

    Long getLastUsedAt();

    /** The smallest warning threshold, in days, already sent for the current expiry; null when none was. */
    Integer getExpiryWarnedDays();

    /** The stored hash of the secret (the secret itself is never stored). */
    String getSecretHash();

    boolean secretMatches(String presentedSecret);
}
