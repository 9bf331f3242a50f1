package io.github.machineusers.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.MachineUserQuery;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.timer.ScheduledTask;

/** Counts, per realm, what the gauges show: one count query per kind of credential and one of suspensions per realm and run. */
public class GaugeRefreshTask implements ScheduledTask {

    public static final String TASK_NAME = "machine-users-gauges";
    private static final MachineUserQuery SUSPENDED = new MachineUserQuery(null, true, null);

    private final MachineUserGauges gauges;
    private final int expiringWithinDays;

    public GaugeRefreshTask(MachineUserGauges gauges, int expiringWithinDays) {
        this.gauges = gauges;
        this.expiringWithinDays = expiringWithinDays;
    }

    @Override
    public void run(KeycloakSession session) {
        MachineUserProvider provider = session.getProvider(MachineUserProvider.class);
        long now = Time.currentTimeMillis();
        long horizon = now + TimeUnit.DAYS.toMillis(expiringWithinDays);
        Map<String, Map<String, Long>> expiring = new HashMap<>();
        Map<String, Long> suspended = new HashMap<>();
        session.realms().getRealmsStream().forEach((RealmModel realm) -> {
            Map<String, Long> byKind = new HashMap<>();
            for (CredentialKind kind : CredentialKind.values()) {
                byKind.put(kind.tokenValue(), provider.expiries().countActiveExpiringBetween(realm, kind, now, horizon));
            }
            expiring.put(realm.getName(), byKind);
            suspended.put(realm.getName(), provider.count(realm, SUSPENDED));
        });
        gauges.update(expiring, suspended);
    }

    @Override
    public String getTaskName() {
        return TASK_NAME;
    }
}
