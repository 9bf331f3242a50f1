package io.github.machineusers.model;

/**
 * What every credential of a machine user has, whatever its kind: an owner, a status and an
 * expiry that decide whether it authenticates, a line below which the tokens it minted are dead,
 * a description, and who made it when. The services change these through one code path for
 * every kind; the token path reads them through one cache.
 */
public interface MachineUserCredential extends CredentialValidity {

    String getId();

    CredentialKind getKind();

    String getRealmId();

    String getMachineUserId();

    void setStatus(CredentialStatus status);

    /** Epoch seconds: tokens the credential minted before then are dead, even once it is active again. */
    int getTokensNotBefore();

    void setTokensNotBefore(int epochSeconds);

    String getDescription();

    void setDescription(String description);

    long getCreatedAt();

    String getCreatedBy();

    void setExpiresAt(Long expiresAt);

    /** As stored; buffered use not yet written is added by the usage store. */
    Long getLastUsedAt();

    /** The smallest warning threshold, in days, already sent for the current expiry; null when none was. */
    Integer getExpiryWarnedDays();
}
