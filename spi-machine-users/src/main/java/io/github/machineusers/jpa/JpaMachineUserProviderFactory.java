package io.github.machineusers.jpa;

import java.util.List;
import java.util.Set;

import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.MachineUserProviderFactory;
import io.github.machineusers.setup.BackgroundTasks;
import io.github.machineusers.setup.MachineUserLifecycle;
import io.github.machineusers.usage.UsageBuffer;
import io.github.machineusers.usage.UsageFlushTask;
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
    static final String EXPIRY_WARNING_INTERVAL = "expiryWarningIntervalSeconds";
    static final int DEFAULT_EXPIRY_WARNING_INTERVAL = 900;
    static final String METRICS_REFRESH_INTERVAL = "metricsRefreshIntervalSeconds";
    static final int DEFAULT_METRICS_REFRESH_INTERVAL = 60;
    static final String EXPIRING_KEYS_METRIC_DAYS = "expiringKeysMetricDays";
    static final int DEFAULT_EXPIRING_KEYS_METRIC_DAYS = 14;
    private static final Logger LOG = Logger.getLogger(JpaMachineUserProviderFactory.class);

    private final UsageBuffer usageBuffer = new UsageBuffer();
    private BackgroundTasks.Settings settings;
    private UsageFlushTask flushTask;

    @Override
    public MachineUserProvider create(KeycloakSession session) {
        // Opened on first use: a token request served from the key cache needs no database session,
        // and Keycloak opens none for a stock client's either.
        return new JpaMachineUserProvider(session, () -> session.getProvider(JpaConnectionProvider.class).getEntityManager(), usageBuffer);
    }

    @Override
    public void init(Config.Scope config) {
        settings = new BackgroundTasks.Settings(
                Math.max(1, config.getInt(USAGE_FLUSH_INTERVAL, DEFAULT_USAGE_FLUSH_INTERVAL)),
                Math.max(1, config.getInt(EXPIRY_WARNING_INTERVAL, DEFAULT_EXPIRY_WARNING_INTERVAL)),
                Math.max(1, config.getInt(METRICS_REFRESH_INTERVAL, DEFAULT_METRICS_REFRESH_INTERVAL)),
                Math.max(1, config.getInt(EXPIRING_KEYS_METRIC_DAYS, DEFAULT_EXPIRING_KEYS_METRIC_DAYS)));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        flushTask = new UsageFlushTask(factory, usageBuffer);
        MachineUserLifecycle lifecycle = new MachineUserLifecycle();
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                lifecycle.onServerReady(factory);
                BackgroundTasks.schedule(factory, settings, flushTask);
            } else {
                lifecycle.onEvent(event);
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
                .property()
                .name(EXPIRY_WARNING_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often, in seconds, one node of the cluster looks for keys due an expiry warning.")
                .defaultValue(DEFAULT_EXPIRY_WARNING_INTERVAL)
                .add()
                .property()
                .name(METRICS_REFRESH_INTERVAL)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often, in seconds, each node recounts the expiring keys and suspended machine users it shows as gauges.")
                .defaultValue(DEFAULT_METRICS_REFRESH_INTERVAL)
                .add()
                .property()
                .name(EXPIRING_KEYS_METRIC_DAYS)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("The machine_users_keys_expiring gauge counts active keys that expire within this many days.")
                .defaultValue(DEFAULT_EXPIRING_KEYS_METRIC_DAYS)
                .add()
                .build();
    }
}
