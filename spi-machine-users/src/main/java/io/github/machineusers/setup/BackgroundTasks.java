package io.github.machineusers.setup;

import io.github.machineusers.metrics.GaugeRefreshTask;
import io.github.machineusers.metrics.MachineUserGauges;
import io.github.machineusers.notify.ExpiryWarningTask;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * The periodic work of the extension, scheduled once the database is migrated.
 *
 * <ul>
 *   <li>gauge refresh: on every node, because each node serves its own /metrics;</li>
 *   <li>expiry warnings: on one node of a cluster at a time, through Keycloak's cluster-aware runner.</li>
 * </ul>
 */
final class BackgroundTasks {

    /** All in seconds but the last. */
    public record Settings(int expiryWarningIntervalSeconds,
                           int metricsRefreshIntervalSeconds, int expiringKeysMetricDays) {
    }

    private BackgroundTasks() {
    }

    static void schedule(KeycloakSessionFactory factory, Settings settings) {
        try (KeycloakSession session = factory.create()) {
            TimerProvider timer = session.getProvider(TimerProvider.class);
            long warningMillis = millis(settings.expiryWarningIntervalSeconds());
            timer.schedule(new ClusterAwareScheduledTaskRunner(factory, new ExpiryWarningTask(), warningMillis),
                    warningMillis, ExpiryWarningTask.TASK_NAME);

            MachineUserGauges gauges = new MachineUserGauges(settings.expiringKeysMetricDays());
            timer.scheduleTask(new GaugeRefreshTask(gauges, settings.expiringKeysMetricDays()),
                    millis(settings.metricsRefreshIntervalSeconds()), GaugeRefreshTask.TASK_NAME);
        }
    }

    private static long millis(int seconds) {
        return seconds * 1000L;
    }
}
