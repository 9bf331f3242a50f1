package io.github.machineusers.jpa;

import io.github.machineusers.jpa.entity.FederatedCredentialEntity;
import io.github.machineusers.model.FederatedCredentialModel;

class JpaFederatedCredentialAdapter extends JpaCredentialAdapter<FederatedCredentialEntity> implements FederatedCredentialModel {

    JpaFederatedCredentialAdapter(FederatedCredentialEntity entity, Runnable credentialChanged) {
        super(entity, credentialChanged);
    }

    @Override
    public String getIdentityProviderAlias() {
        return entity().getIdentityProviderAlias();
    }

    @Override
    public String getIdentityProviderId() {
        return entity().getIdentityProviderId();
    }

    @Override
    public String getSubject() {
        return entity().getSubject();
    }
}
