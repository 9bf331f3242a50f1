package io.github.machineusers.jpa;

import io.github.machineusers.jpa.entity.PublicKeyEntity;
import io.github.machineusers.model.PublicKeyModel;

class JpaPublicKeyAdapter extends JpaCredentialAdapter<PublicKeyEntity> implements PublicKeyModel {

    JpaPublicKeyAdapter(PublicKeyEntity entity, Runnable credentialChanged) {
        super(entity, credentialChanged);
    }

    @Override
    public String getJwk() {
        return entity().getJwk();
    }

    @Override
    public String getAlgorithm() {
        return entity().getAlgorithm();
    }
}
