package io.github.machineusers.authorization;

import org.keycloak.provider.ProviderFactory;

public interface PartitionRightsProviderFactory extends ProviderFactory<PartitionRightsProvider> {
}
