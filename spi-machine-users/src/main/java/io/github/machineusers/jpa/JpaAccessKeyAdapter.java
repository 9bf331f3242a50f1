package io.github.machineusers.jpa;

import io.github.machineusers.jpa.entity.AccessKeyEntity;
import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.AccessKeyStatus;

class JpaAccessKeyAdapter implements AccessKeyModel {

    private final AccessKeyEntity entity;

    JpaAccessKeyAdapter(AccessKeyEntity entity) {
        this.entity = entity;
    }

    AccessKeyEntity entity() {
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
    public AccessKeyStatus getStatus() {
        return AccessKeyStatus.valueOf(entity.getStatus());
    }

    @Override
    public void setStatus(AccessKeyStatus status) {
        entity.setStatus(status.name());
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
        }
        entity.setExpiresAt(expiresAt);
    }

    @Override
    public Integer getExpiryWarnedDays() {
        return entity.getExpiryWarnedDays();
    }

    @Override
    public Long getLastUsedAt() {
        return entity.getLastUsedAt();
    }

    @Override
    public boolean secretMatches(String presentedSecret) {
        return AccessKeySecrets.matches(presentedSecret, entity.getSecretHash());
    }
}
