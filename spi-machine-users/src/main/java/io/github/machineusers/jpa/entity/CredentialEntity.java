package io.github.machineusers.jpa.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * The columns every kind of credential has, in each kind's own table: its owner, the slot that caps how many
 * one machine user holds (unique per machine user, bounded by a check constraint), status, expiry, use, and
 * the line below which the tokens it minted are dead.
 */
@MappedSuperclass
public abstract class CredentialEntity {


    @Id
    @Column(name = "ID", length = 36)
    private String id;

    @Column(name = "REALM_ID", length = 36, nullable = false)
    private String realmId;

    @Column(name = "MACHINE_USER_ID", length = 36, nullable = false)
    private String machineUserId;

    @Column(name = "SLOT", nullable = false)
    private int slot;


    @Column(name = "STATUS", length = 16, nullable = false)
    private String status;

    @Column(name = "DESCRIPTION")
    private String description;

    @Column(name = "CREATED_AT", nullable = false)
    private long createdAt;

    @Column(name = "CREATED_BY")
    private String createdBy;

    @Column(name = "EXPIRES_AT")
    private Long expiresAt;

    @Column(name = "LAST_USED_AT")
    private Long lastUsedAt;

    /** Epoch seconds: tokens this credential minted before then are dead; set when the key is deactivated. */
    @Column(name = "TOKENS_NOT_BEFORE", nullable = false)
    private int tokensNotBefore;

    public int getTokensNotBefore() {
        return tokensNotBefore;
    }

    public void setTokensNotBefore(int tokensNotBefore) {
        this.tokensNotBefore = tokensNotBefore;
    }

    @Column(name = "EXPIRY_WARNED_DAYS")
    private Integer expiryWarnedDays;

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getRealmId() {
        return realmId;
    }

    public void setRealmId(String realmId) {
        this.realmId = realmId;
    }

    public String getMachineUserId() {
        return machineUserId;
    }

    public void setMachineUserId(String machineUserId) {
        this.machineUserId = machineUserId;
    }

    public int getSlot() {
        return slot;
    }

    public void setSlot(int slot) {
        this.slot = slot;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public long getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(long createdAt) {
        this.createdAt = createdAt;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }

    public Long getExpiresAt() {
        return expiresAt;
    }

    public void setExpiresAt(Long expiresAt) {
        this.expiresAt = expiresAt;
    }

    public Long getLastUsedAt() {
        return lastUsedAt;
    }

    public void setLastUsedAt(Long lastUsedAt) {
        this.lastUsedAt = lastUsedAt;
    }

    public Integer getExpiryWarnedDays() {
        return expiryWarnedDays;
    }

    public void setExpiryWarnedDays(Integer expiryWarnedDays) {
        this.expiryWarnedDays = expiryWarnedDays;
    }
}
