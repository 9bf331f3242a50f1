package io.github.machineusers.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Keycloak started with {@code kc.sh} from the distribution that the build unpacked (system
 * property {@code keycloak.home}), the bundle already copied into its {@code providers/}, on
 * free loopback ports. Needs nothing but a JDK.
 */
final class DistributionServer extends KeycloakTestServer {

    private static final Duration BUILD_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 80;

    private final Path home;
    private final List<String> extraOptions = extraOptions();
    private final int httpPort;
    private final int managementPort;
    private Process process;
    private List<String> startCommand;

    DistributionServer() {
        String homeProperty = System.getProperty("keycloak.home");
        if (homeProperty == null || homeProperty.isBlank()) {
            throw new IllegalStateException("System property keycloak.home is not set; run the tests through `mvn verify`");
        }

        this.home = Paths.get(homeProperty).toAbsolutePath();
        this.httpPort = LoopbackPorts.free();
        int port;
        do {
            port = LoopbackPorts.free();
        } while (port == httpPort);
        this.managementPort = port;
    }

    @Override
    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Everything the build and the server wrote so far. */
    @Override
    public String serverLog() {
        try {
            return Files.readString(logFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    protected void start() {
        if (!Files.isRegularFile(home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + home);
        }
        try {
            Files.createDirectories(logFile().getParent());
            Files.deleteIfExists(logFile());
            // A dev-file database left by an earlier run still holds the admin with that run's
            // password, and the bootstrap admin is only created into an empty database.
            deleteRecursively(home.resolve("data"));
            copyRealmTemplates(home.resolve("data").resolve("import"));

            // A single test node must not join (or form) a cluster over the machine's network;
            // keycloak.server.options may override both the database and the cache.
            TestDatabase database = TestDatabase.selected();
            try {
                database.reset();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException("Could not prepare the " + database + " test database: " + e.getMessage(), e);
            }
            List<String> build = kcCommand("build", "--cache=local", "--health-enabled=true", "--metrics-enabled=true");
            // Only the vendor is a build option; URL and credentials are given at start.
            build.add(3, database.options().get(0));
            Process buildProcess = launch(build);
            if (!buildProcess.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stopTree(buildProcess);
                throw failure("kc.sh build did not finish within " + BUILD_TIMEOUT.toSeconds() + " s");
            }
            if (buildProcess.exitValue() != 0) {
                throw failure("kc.sh build failed with exit code " + buildProcess.exitValue());
            }

            startCommand = kcCommand("start", "--optimized",
                    "--http-enabled=true",
                    "--http-host=127.0.0.1",
                    "--http-port=" + httpPort,
                    "--http-management-port=" + managementPort,
                    "--hostname-strict=false",
                    // The realm templates must import into a fresh server without errors.
                    "--import-realm");
            startCommand.addAll(3, database.options());
            startCommand.addAll(testSchedule());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while building Keycloak", e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopTree(process), "keycloak-test-server-stop"));
        launchAndAwaitReady();
    }

    /** Stops the server as an operator would (SIGTERM, so it shuts down cleanly) and starts it again on the same data. */
    @Override
    public void restart() {
        stopTree(process);
        launchAndAwaitReady();
    }

    private void launchAndAwaitReady() {
        try {
            process = launch(startCommand);
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Keycloak", e);
        }
    }

    @Override
    public String hostAddressFor(int hostPort) {
        return "127.0.0.1";
    }

    @Override
    public <T> T withDatabaseAccess(java.util.concurrent.Callable<T> work) throws Exception {
        if (!TestDatabase.selected().embedded()) {
            return work.call();
        }
        stopTree(process);
        try {
            return work.call();
        } finally {
            launchAndAwaitReady();
        }
    }

    @Override
    public java.sql.Connection openDatabase() throws java.sql.SQLException {
        return TestDatabase.selected().connect(home);
    }

    /** {@code kc.sh export} of one realm, as an operator runs it: a second process on the server's database. */
    @Override
    public String exportRealm(String realm) {
        try {
            Path file = Files.createTempFile("realm-export-", ".json");
            List<String> export = kcCommand("export", "--optimized", "--file=" + file, "--realm=" + realm, "--users=same_file");
            export.addAll(3, TestDatabase.selected().options());
            Process exportProcess = launch(export);
            if (!exportProcess.waitFor(BUILD_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stopTree(exportProcess);
                throw failure("kc.sh export did not finish within " + BUILD_TIMEOUT.toSeconds() + " s");
            }
            if (exportProcess.exitValue() != 0) {
                throw failure("kc.sh export failed with exit code " + exportProcess.exitValue());
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while exporting", e);
        }
    }

    private List<String> kcCommand(String command, String... options) {
        // Invoked through sh so that a lost executable bit after unpacking does not matter.
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), command));
        cmd.addAll(List.of(options));
        cmd.addAll(extraOptions);
        return cmd;
    }

    private Process launch(List<String> command) throws IOException {
        Files.writeString(logFile(), "\n$ " + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The server must run on the same JDK as the tests, whatever the caller's shell had.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername());
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword());
        return builder.start();
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw failure("Keycloak exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // expected until the management interface is up
            }
            Thread.sleep(500);
        }
        stopTree(process);
        throw failure("Keycloak was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    private IllegalStateException failure(String message) {
        return new IllegalStateException(message + "; last " + LOG_TAIL_LINES + " lines of " + logFile() + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * kc.sh runs java as a child of the shell, so killing only the shell would orphan the server.
     * The descendants are listed before anything is signalled because they are re-parented (and
     * no longer found) once the shell exits.
     */
    private static void stopTree(Process root) {
        if (root == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root.toHandle());
        tree.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ProcessHandle handle : tree) {
            long remaining = Duration.between(Instant.now(), deadline).toMillis();
            try {
                handle.onExit().get(Math.max(remaining, 0), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunningOrInterrupted) {
                break;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Every realm template of the project, for --import-realm (system property realm.templates.dir). */
    private static void copyRealmTemplates(Path importDir) throws IOException {
        String templates = System.getProperty("realm.templates.dir");
        if (templates == null || templates.isBlank()) {
            return;
        }
        Files.createDirectories(importDir);
        try (java.util.stream.Stream<Path> files = Files.list(Path.of(templates))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, importDir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
