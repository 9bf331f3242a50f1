package io.github.machineusers.model;

import org.keycloak.provider.ProviderFactory;

public interface MachineUserProviderFactory extends ProviderFactory<MachineUserProvider> {
}
