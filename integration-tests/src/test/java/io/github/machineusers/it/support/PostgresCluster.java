package io.github.machineusers.it.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Keycloak nodes on this machine clustered the way a production deployment is: built with
 * {@code --cache=ispn}, sharing one PostgreSQL database, finding each other through Keycloak's
 * default {@code jdbc-ping} discovery table, with JGroups bound to loopback on ports of their own.
 */
public final class PostgresCluster implements AutoCloseable {

    private static final Duration VIEW_TIMEOUT = Duration.ofSeconds(90);
    /** JGroups' failure detection (FD_SOCK2) listens at the transport port plus this offset. */
    private static final int FAILURE_DETECTION_OFFSET = 50_000;

    private final String database;
    private final String adminUsername = "cluster-admin";
    private final String adminPassword = "cluster-" + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private final List<KeycloakNode> nodes = new ArrayList<>();

    private PostgresCluster(String database) {
        this.database = database;
    }

    /**
     * Builds the distribution once for the cluster, then starts {@code size} nodes one after the
     * other (the first creates the schema) and waits until each sees all of them.
     */
    public static PostgresCluster start(String database, int size) {
        PostgresCluster cluster = new PostgresCluster(database);
        try {
            TestDatabase.POSTGRES.reset(database);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create the cluster database " + database + ": " + e.getMessage(), e);
        }
        KeycloakNode first = KeycloakNode.copyOfDistribution("node-1", cluster.adminUsername, cluster.adminPassword);
        first.build(List.of("--db=postgres", "--cache=ispn", "--health-enabled=true"));
        for (int i = 1; i <= size; i++) {
            KeycloakNode node = i == 1 ? first : first.copy("node-" + i);
            List<String> options = new ArrayList<>(TestDatabase.POSTGRES.options(database));
            options.add("--cache-embedded-network-bind-address=127.0.0.1");
            options.add("--cache-embedded-network-bind-port=" + transportPort());
            options.addAll(KeycloakTestServer.testSchedule());
            cluster.nodes.add(node);
            node.start(options);
        }
        cluster.awaitView();
        return cluster;
    }

    public KeycloakNode node(int index) {
        return nodes.get(index);
    }

    public String adminUsername() {
        return adminUsername;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** The master-realm administrator of a node, for the admin API of that node. */
    public AdminApi admin(KeycloakNode node) {
        return AdminApi.at(node.baseUrl(), "master", adminUsername, adminPassword);
    }

    /** A connection to the cluster's database, as the nodes' own user. */
    public Connection openDatabase() throws SQLException {
        return TestDatabase.POSTGRES.connect(null, database);
    }

    /** Waits until every running node's last cluster view names all running nodes. */
    public void awaitView() {
        long running = nodes.stream().filter(KeycloakNode::isRunning).count();
        Pattern fullView = Pattern.compile("ISPN000094: Received new cluster view for channel \\S+: \\[[^\\]]*\\] \\(" + running + "\\)");
        Instant deadline = Instant.now().plus(VIEW_TIMEOUT);
        for (KeycloakNode node : nodes.stream().filter(KeycloakNode::isRunning).toList()) {
            while (!lastView(node).map(view -> fullView.matcher(view).find()).orElse(false)) {
                if (Instant.now().isAfter(deadline)) {
                    throw node.failure("Node " + node.name() + " did not see a cluster of " + running + " within "
                            + VIEW_TIMEOUT.toSeconds() + " s");
                }
                Pause.millis(250);
            }
        }
    }

    private static java.util.Optional<String> lastView(KeycloakNode node) {
        return node.logOfLastLaunch().lines().filter(line -> line.contains("ISPN000094")).reduce((earlier, later) -> later);
    }

    @Override
    public void close() {
        nodes.forEach(KeycloakNode::stop);
    }

    /**
     * A free transport port whose failure-detection port is free too; both below 65536, so the
     * transport port is taken from below the ephemeral range.
     */
    private static int transportPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, 65_536 - FAILURE_DETECTION_OFFSET);
            if (free(port) && free(port + FAILURE_DETECTION_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("No free JGroups port pair on loopback");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
