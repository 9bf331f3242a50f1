package io.github.machineusers.setup;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/**
 * The extension's life in the server: what it sets up when the server starts and realms are
 * created, how it follows Keycloak's changes to realms, clients, groups and users, and its periodic
 * work. Nothing per request; a service provider of its own so that storage starts no jobs and the
 * jobs have their own settings ({@code --spi-machine-user-lifecycle--default--<option>}).
 */
public class LifecycleSpi implements Spi {

    public static final String NAME = "machine-user-lifecycle";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return LifecycleProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return LifecycleProviderFactory.class;
    }
}
