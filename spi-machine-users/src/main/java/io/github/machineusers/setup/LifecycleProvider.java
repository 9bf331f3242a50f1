package io.github.machineusers.setup;

import org.keycloak.provider.Provider;

/** The lifecycle has no work within a session: everything happens in its factory's listeners and timers. */
public interface LifecycleProvider extends Provider {

    @Override
    default void close() {
    }
}
