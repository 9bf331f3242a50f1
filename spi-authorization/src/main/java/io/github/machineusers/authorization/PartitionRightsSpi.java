package io.github.machineusers.authorization;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The store of partition rights; the bundle's storage module implements it. */
public class PartitionRightsSpi implements Spi {

    public static final String NAME = "machine-user-partition-rights";

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
        return PartitionRightsProvider.class;
    }

    @Override
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return PartitionRightsProviderFactory.class;
    }
}
