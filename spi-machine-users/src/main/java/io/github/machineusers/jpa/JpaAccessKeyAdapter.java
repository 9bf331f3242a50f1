package io.github.machineusers.jpa;

import io.github.machineusers.jpa.entity.AccessKeyEntity;
import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.AccessKeyModel;

class JpaAccessKeyAdapter extends JpaCredentialAdapter<AccessKeyEntity> implements AccessKeyModel {

    JpaAccessKeyAdapter(AccessKeyEntity entity, Runnable credentialChanged) {
        super(entity, credentialChanged);
    }

    @Override
    public String getSecretHash() {
        return entity().getSecretHash();
    }

    @Override
    public boolean secretMatches(String presentedSecret) {
        return AccessKeySecrets.matches(presentedSecret, entity().getSecretHash());
    }
}
