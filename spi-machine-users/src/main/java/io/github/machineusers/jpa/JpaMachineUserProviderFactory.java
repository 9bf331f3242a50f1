package io.github.machineusers.jpa;

import java.util.List;
import java.util.Set;

import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.MachineUserProviderFactory;
import org.jboss.logging.Logger;
import org.keycloak.Config;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.TimerProvider;

public class JpaMachineUserProviderFactory implements MachineUserProviderFactory {

    public static final String ID = "jpa";
    static final String USAGE_FLUSH_INTERVAL = "usageFlushIntervalSeconds";
    static final int DEFAULT_USAGE_FLUSH_INTERVAL = 5;
    private static final Logger LOG = Logger.getLogger(JpaMachineUserProviderFactory.class);

    private final UsageBuffer usageBuffer = new UsageBuffer();
    private int flushIntervalSeconds;
    private UsageFlushTask flushTask;

    @Override
    public MachineUserProvider create(KeycloakSession session) {
        // Opened on first use: a token request served from the key cache needs no database session,
        // and Keycloak opens none for a stock client's either.
        return new JpaMachineUserProvider(session, () -> session.getProvider(JpaConnectionProvider.class).getEntityManager(), usageBuffer);
    }

    @Override
    public void init(Config.Scope config) {
        flushIntervalSeconds = Math.max(1, config.getInt(USAGE_FLUSH_INTERVAL, DEFAULT_USAGE_FLUSH_INTERVAL));
    }

    /** The write-behind of usage starts once the database is migrated, on every node: each buffers its own requests. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        flushTask = new UsageFlushTask(factory, usageBuffer);
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                try (KeycloakSession session = factory.create()) {
                    session.getProvider(TimerProvider.class).schedule(flushTask, flushIntervalSeconds * 1000L, "machine-users-usage-flush");
                }
            }
        });
    }

    @Override
    public void close() {
        if (flushTask != null) {
            try {
                flushTask.run();
            } catch (RuntimeException e) {
                LOG.debug("Usage not written at shutdown", e);
            }
        }
    }

    /** Makes Keycloak close this factory, and so write the last usage, before the database connections. */
    @Override
    public Set<Class<? extends Provider>> dependsOn() {
        return Set.of(JpaConnectionProvider.class, TimerProvider.class);
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(USAGE_FLUSH_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often, in seconds, each node writes buffered last-used times and usage counts."
                        + " A crash loses at most this much usage data.")
                .defaultValue(DEFAULT_USAGE_FLUSH_INTERVAL)
                .add()
                .build();
    }
}
