package io.github.machineusers.jpa;

import io.github.machineusers.model.UsageDays;
import org.jboss.logging.Logger;
import org.keycloak.common.util.Time;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Writes this node's buffered usage in one transaction: the write-behind of the JPA usage store. Runs on every node, because each node
 * buffers its own requests. A crash loses at most one interval of figures.
 */
class UsageFlushTask implements Runnable {

    private static final Logger LOG = Logger.getLogger(UsageFlushTask.class);

    private final KeycloakSessionFactory factory;
    private final UsageBuffer buffer;

    UsageFlushTask(KeycloakSessionFactory factory, UsageBuffer buffer) {
        this.factory = factory;
        this.buffer = buffer;
    }

    @Override
    public void run() {
        UsageBuffer.Drained drained = buffer.drain(UsageDays.epochDay(Time.currentTimeMillis()));
        if (drained.isEmpty()) {
            return;
        }
        try {
            KeycloakModelUtils.runJobInTransaction(factory,
                    session -> new JpaUsageStore(() -> session.getProvider(JpaConnectionProvider.class).getEntityManager(), buffer).write(drained));
            buffer.settle();
        } catch (RuntimeException e) {
            buffer.restore(drained);
            LOG.warnf("Could not write machine-user usage, will retry: %s", e.getMessage());
        }
    }
}
