package io.github.machineusers.jpa;

import io.github.machineusers.jpa.entity.CredentialEntity;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.MachineUserCredential;

/** The columns every kind of credential shares; a change of status or token line renews the credential stamp. */
abstract class JpaCredentialAdapter<E extends CredentialEntity> implements MachineUserCredential {

    private final E entity;
    private final Runnable credentialChanged;

    /** @param credentialChanged run when the key's status or expiry changes, see {@link io.github.machineusers.model.AccessKeysVersion} */
    JpaCredentialAdapter(E entity, Runnable credentialChanged) {
        this.entity = entity;
        this.credentialChanged = credentialChanged;
    }

    E entity() {
        return entity;
    }

    @Override
    public String getId() {
        return entity.getId();
    }

    @Override
    public String getRealmId() {
        return entity.getRealmId();
    }

    @Override
    public String getMachineUserId() {
        return entity.getMachineUserId();
    }

    @Override
    public CredentialStatus getStatus() {
        return CredentialStatus.valueOf(entity.getStatus());
    }

    @Override
    public void setStatus(CredentialStatus status) {
        if (!status.name().equals(entity.getStatus())) {
            entity.setStatus(status.name());
            credentialChanged.run();
        }
    }

    @Override
    public int getTokensNotBefore() {
        return entity.getTokensNotBefore();
    }

    @Override
    public void setTokensNotBefore(int epochSeconds) {
        if (epochSeconds != entity.getTokensNotBefore()) {
            entity.setTokensNotBefore(epochSeconds);
            credentialChanged.run();
        }
    }

    @Override
    public String getDescription() {
        return entity.getDescription();
    }

    @Override
    public void setDescription(String description) {
        entity.setDescription(description);
    }

    @Override
    public long getCreatedAt() {
        return entity.getCreatedAt();
    }

    @Override
    public String getCreatedBy() {
        return entity.getCreatedBy();
    }

    @Override
    public Long getExpiresAt() {
        return entity.getExpiresAt();
    }

    @Override
    public void setExpiresAt(Long expiresAt) {
        if (!java.util.Objects.equals(expiresAt, entity.getExpiresAt())) {
            // A new expiry date deserves its own warnings.
            entity.setExpiryWarnedDays(null);
            entity.setExpiresAt(expiresAt);
            credentialChanged.run();
        }
    }

    @Override
    public Integer getExpiryWarnedDays() {
        return entity.getExpiryWarnedDays();
    }

    @Override
    public Long getLastUsedAt() {
        return entity.getLastUsedAt();
    }
}
