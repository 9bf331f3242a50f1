package io.github.machineusers.it.support;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * One real Keycloak server per test JVM with the project's bundle installed. Starting it costs
 * about a minute, so every test class shares it; tests isolate themselves by creating their own
 * realms.
 *
 * <p>System property {@code keycloak.server} picks how the server runs: {@code distribution}
 * (default) from the unpacked distribution zip, or {@code testcontainers} in the official
 * container image, for machines that have a Docker engine.
 */
public abstract class KeycloakTestServer {

    private static final String ADMIN_USERNAME = "admin";
    /** How often the server runs its expiry-warning and gauge tasks in tests. */
    public static final int BACKGROUND_TASK_SECONDS = 5;

    private static KeycloakTestServer instance;
    private static RuntimeException startupFailure;

    private final Path logFile = Paths.get(System.getProperty("project.build.directory", "target"))
            .toAbsolutePath().resolve("keycloak-server.log");
    private final String adminPassword = randomPassword();

    /** The shared server, started on first use. A failed start is remembered, not retried per test class. */
    public static synchronized KeycloakTestServer get() {
        if (startupFailure != null) {
            // The first line of the reason, so each failed test's summary line says why.
            String reason = String.valueOf(startupFailure.getMessage()).lines().findFirst().orElse("");
            throw new IllegalStateException("Keycloak failed to start earlier in this JVM: " + reason, startupFailure);
        }
        if (instance == null) {
            try {
                KeycloakTestServer server = create(System.getProperty("keycloak.server", ""));
                server.start();
                instance = server;
            } catch (RuntimeException e) {
                startupFailure = e;
                throw e;
            }
        }
        return instance;
    }

    private static KeycloakTestServer create(String kind) {
        // Testcontainers classes are only linked once a ContainerServer is built, so the default run never touches Docker.
        return switch (kind.isBlank() ? "distribution" : kind.trim()) {
            case "distribution" -> new DistributionServer();
            case "testcontainers" -> new ContainerServer();
            default -> throw new IllegalStateException(
                    "Unknown keycloak.server=" + kind + "; use distribution (default) or testcontainers");
        };
    }

    /** Starts the server and returns once it is ready, or throws with the reason and the log's end. */
    protected abstract void start();

    public abstract String baseUrl();

    public abstract String managementUrl();

    /** Everything the server wrote so far, for assertions on log lines. */
    public abstract String serverLog();

    /** Stops the server cleanly and starts it again on the same database. */
    public abstract void restart();

    /** How the server reaches a port that a test opened on this machine (the SMTP test server). */
    public abstract String hostAddressFor(int hostPort);

    /**
     * Runs work that reads the server's database or exports from it ({@link #openDatabase()},
     * {@link #exportRealm(String)}). An embedded database admits one process at a time, so for
     * it the server stops for the work and starts again on the same data afterwards.
     */
    public abstract <T> T withDatabaseAccess(java.util.concurrent.Callable<T> work) throws Exception;

    /** A connection to the server's database, to look at what it stores; inside {@link #withDatabaseAccess}. */
    public abstract java.sql.Connection openDatabase() throws java.sql.SQLException;

    /** The realm as {@code kc.sh export} writes it; inside {@link #withDatabaseAccess}. */
    public abstract String exportRealm(String realm);

    /** Where the server's output is kept on the test machine, for a look after a failed run. */
    public Path logFile() {
        return logFile;
    }

    public String adminUsername() {
        return ADMIN_USERNAME;
    }

    public String adminPassword() {
        return adminPassword;
    }

    /** {@code keycloak.server.options}: extra server options, space-separated. */
    protected static List<String> extraOptions() {
        return Arrays.stream(System.getProperty("keycloak.server.options", "").trim().split("\\s+"))
                .filter(option -> !option.isEmpty())
                .toList();
    }

    /**
     * Short intervals for the extension's background tasks, so tests see expiry warnings and
     * gauges within seconds rather than the production default of minutes.
     */
    protected static List<String> testSchedule() {
        return List.of(
                "--spi-machine-user-lifecycle--default--expiry-warning-interval-seconds=" + BACKGROUND_TASK_SECONDS,
                "--spi-machine-user-lifecycle--default--metrics-refresh-interval-seconds=" + BACKGROUND_TASK_SECONDS);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
