package io.github.machineusers.it.support;

import dasniko.testcontainers.keycloak.KeycloakContainer;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.output.OutputFrame;
import org.testcontainers.containers.wait.strategy.Wait;

/**
 * Keycloak in the official image ({@code quay.io/keycloak/keycloak:${keycloak.server.version}})
 * through testcontainers-keycloak, with the reactor's bundle JAR (system property
 * {@code keycloak.bundle.jar}) copied into {@code /opt/keycloak/providers}. The container runs
 * {@code start-dev}, so its database is a dev-file database inside the container, new each run.
 */
final class ContainerServer extends KeycloakTestServer {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    // Keycloak's default management port inside the image; the library keeps its own constant private.
    private static final int MANAGEMENT_PORT = 9000;

    private KeycloakContainer container;

    @Override
    public String baseUrl() {
        return container.getAuthServerUrl();
    }

    @Override
    public String managementUrl() {
        return container.getMgmtServerUrl();
    }

    /** The container's output so far, as Docker keeps it. */
    @Override
    public String serverLog() {
        return container.getLogs();
    }

    @Override
    protected void start() {
        // Without this check a missing engine surfaces as a generic "Could not find a valid
        // Docker environment" deep inside the first test.
        if (!DockerClientFactory.instance().isDockerAvailable()) {
            throw new IllegalStateException("keycloak.server=testcontainers needs a Docker engine, and Testcontainers"
                    + " found none (DOCKER_HOST, /var/run/docker.sock, ~/.testcontainers.properties)."
                    + " Start one, or run without -Dkeycloak.server to use the Keycloak distribution.");
        }
        String version = requiredProperty("keycloak.server.version");
        File bundle = new File(requiredProperty("keycloak.bundle.jar"));
        if (!bundle.isFile()) {
            throw new IllegalStateException("No bundle JAR at " + bundle + "; run the tests through `mvn verify`");
        }
        resetLogFile();

        container = new KeycloakContainer("quay.io/keycloak/keycloak:" + version)
                .withAdminUsername(adminUsername())
                .withAdminPassword(adminPassword())
                .withProviderLibsFrom(List.of(bundle))
                // Health is always on in this library; metrics are on to match the distribution's build.
                .withEnabledMetrics()
                // Lets the server reach the SMTP test server on this machine (hostAddressFor).
                .withAccessToHost(true)
                // Same readiness as the distribution run waits for, not just "started".
                .waitingFor(Wait.forHttp("/health/ready").forPort(MANAGEMENT_PORT).withStartupTimeout(READY_TIMEOUT))
                .withLogConsumer(this::appendToLogFile);
        extraOptions().forEach(container::withCustomCommand);
        testSchedule().forEach(container::withCustomCommand);
        // Ryuk removes the container when the JVM ends; this also covers runs with Ryuk disabled.
        Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "keycloak-test-container-stop"));
        container.start();
    }

    /** Docker keeps the container's file system, and so its dev-file database, across a restart. */
    @Override
    public void restart() {
        container.getDockerClient().restartContainerCmd(container.getContainerId()).withTimeout(30).exec();
        Wait.forHttp("/health/ready").forPort(MANAGEMENT_PORT).withStartupTimeout(READY_TIMEOUT).waitUntilReady(container);
    }

    /** The container's dev-file database is not reachable from the host. */
    @Override
    public java.sql.Connection openDatabase() {
        throw new UnsupportedOperationException("The database of a Keycloak container is not reachable from the tests;"
                + " the database scan runs with the distribution server");
    }

    @Override
    public <T> T withDatabaseAccess(java.util.concurrent.Callable<T> work) throws Exception {
        return work.call();
    }

    @Override
    public String exportRealm(String realm) {
        throw new UnsupportedOperationException("kc.sh export needs the container's embedded database to itself;"
                + " the export scan runs with the distribution server");
    }

    /** Testcontainers forwards the port into the container under this name. */
    @Override
    public String hostAddressFor(int hostPort) {
        org.testcontainers.Testcontainers.exposeHostPorts(hostPort);
        return "host.testcontainers.internal";
    }

    private void resetLogFile() {
        try {
            Files.createDirectories(logFile().getParent());
            Files.deleteIfExists(logFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void appendToLogFile(OutputFrame frame) {
        try {
            Files.writeString(logFile(), frame.getUtf8String(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // Only a copy for reading after the run: serverLog() asks Docker, so a lost line here breaks no test.
        }
    }

    private static String requiredProperty(String name) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("System property " + name + " is not set; run the tests through `mvn verify`");
        }
        return value;
    }
}
