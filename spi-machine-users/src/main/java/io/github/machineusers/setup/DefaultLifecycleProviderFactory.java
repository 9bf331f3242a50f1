package io.github.machineusers.setup;

import java.util.List;
import java.util.Set;

import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.MachineUserSpi;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.timer.TimerProvider;

/**
 * Follows Keycloak's model events from the start, and once the database is migrated sets up every
 * realm and schedules the expiry warnings and the gauges.
 */
public class DefaultLifecycleProviderFactory implements LifecycleProviderFactory {

    public static final String ID = "default";
    static final String EXPIRY_WARNING_INTERVAL = "expiryWarningIntervalSeconds";
    static final int DEFAULT_EXPIRY_WARNING_INTERVAL = 900;
    static final String METRICS_REFRESH_INTERVAL = "metricsRefreshIntervalSeconds";
    static final int DEFAULT_METRICS_REFRESH_INTERVAL = 60;
    static final String EXPIRING_KEYS_METRIC_DAYS = "expiringKeysMetricDays";
    static final int DEFAULT_EXPIRING_KEYS_METRIC_DAYS = 14;
    /** Where releases up to 0.1 read these settings; still honoured where the new place leaves them unset. */
    private static final String[] EARLIER_SCOPE = {MachineUserSpi.NAME, "jpa"};

    private static final LifecycleProvider PROVIDER = new LifecycleProvider() {
    };

    private BackgroundTasks.Settings settings;

    @Override
    public LifecycleProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void init(Config.Scope config) {
        settings = settings(config, Config.scope(EARLIER_SCOPE));
    }

    static BackgroundTasks.Settings settings(Config.Scope config, Config.Scope earlier) {
        return new BackgroundTasks.Settings(
                positive(config, earlier, EXPIRY_WARNING_INTERVAL, DEFAULT_EXPIRY_WARNING_INTERVAL),
                positive(config, earlier, METRICS_REFRESH_INTERVAL, DEFAULT_METRICS_REFRESH_INTERVAL),
                positive(config, earlier, EXPIRING_KEYS_METRIC_DAYS, DEFAULT_EXPIRING_KEYS_METRIC_DAYS));
    }

    private static int positive(Config.Scope config, Config.Scope earlier, String name, int defaultValue) {
        Integer value = config.getInt(name);
        if (value == null) {
            value = earlier.getInt(name, defaultValue);
        }
        return Math.max(1, value);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        MachineUserLifecycle lifecycle = new MachineUserLifecycle();
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                lifecycle.onServerReady(factory);
                BackgroundTasks.schedule(factory, settings);
            } else {
                lifecycle.onEvent(event);
            }
        });
    }

    /** The directory and the timer must be up before the first realm is set up or the first task runs. */
    @Override
    public Set<Class<? extends Provider>> dependsOn() {
        return Set.of(MachineUserProvider.class, TimerProvider.class);
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
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
