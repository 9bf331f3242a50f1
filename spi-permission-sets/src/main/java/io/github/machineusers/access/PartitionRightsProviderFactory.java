package io.github.machineusers.access;

import org.keycloak.provider.ProviderFactory;

public interface PartitionRightsProviderFactory extends ProviderFactory<PartitionRightsProvider> {
}
