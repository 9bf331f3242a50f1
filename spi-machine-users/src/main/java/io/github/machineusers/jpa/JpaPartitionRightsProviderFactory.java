package io.github.machineusers.jpa;

import io.github.machineusers.authorization.PartitionRightsProvider;
import io.github.machineusers.authorization.PartitionRightsProviderFactory;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

public class JpaPartitionRightsProviderFactory implements PartitionRightsProviderFactory {

    @Override
    public PartitionRightsProvider create(KeycloakSession session) {
        return new JpaPartitionRightsProvider(() -> session.getProvider(JpaConnectionProvider.class).getEntityManager());
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return JpaMachineUserProviderFactory.ID;
    }
}
