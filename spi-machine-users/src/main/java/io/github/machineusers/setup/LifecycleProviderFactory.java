package io.github.machineusers.setup;

import org.keycloak.provider.ProviderFactory;

public interface LifecycleProviderFactory extends ProviderFactory<LifecycleProvider> {
}
