package io.github.machineusers.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * Keycloak started with {@code kc.sh} from the distribution that the build unpacked (system
 * property {@code keycloak.home}), the bundle already copied into its {@code providers/}, on
 * free loopback ports. Needs nothing but a JDK.
 */
final class DistributionServer extends KeycloakTestServer {

    private final List<String> extraOptions = extraOptions();
    private final KeycloakNode node = new KeycloakNode("test-server", KeycloakNode.distributionHome(), logFile(),
            adminUsername(), adminPassword());

    @Override
    public String baseUrl() {
        return node.baseUrl();
    }

    @Override
    public String managementUrl() {
        return node.managementUrl();
    }

    /** Everything the build and the server wrote so far. */
    @Override
    public String serverLog() {
        return node.log();
    }

    @Override
    protected void start() {
        TestDatabase database = TestDatabase.selected();
        try {
            // A dev-file database left by an earlier run still holds the admin with that run's
            // password, and the bootstrap admin is only created into an empty database.
            node.clean();
            copyRealmTemplates(node.home().resolve("data").resolve("import"));
            database.reset();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the " + database + " test database: " + e.getMessage(), e);
        }
        // A single test node must not join (or form) a cluster over the machine's network;
        // keycloak.server.options may override both the database and the cache.
        List<String> build = new ArrayList<>(List.of(database.options().get(0),
                "--cache=local", "--health-enabled=true", "--metrics-enabled=true"));
        // Only the vendor is a build option; URL and credentials are given at start.
        build.addAll(extraOptions);
        node.build(build);

        List<String> start = new ArrayList<>(database.options());
        // The realm templates must import into a fresh server without errors.
        start.add("--import-realm");
        start.addAll(testSchedule());
        start.addAll(extraOptions);
        node.start(start);
    }

    /** Stops the server as an operator would (SIGTERM, so it shuts down cleanly) and starts it again on the same data. */
    @Override
    public void restart() {
        node.stop();
        node.startAgain();
    }

    @Override
    public String hostAddressFor(int hostPort) {
        return "127.0.0.1";
    }

    @Override
    public <T> T withDatabaseAccess(Callable<T> work) throws Exception {
        if (!TestDatabase.selected().embedded()) {
            return work.call();
        }
        node.stop();
        try {
            return work.call();
        } finally {
            node.startAgain();
        }
    }

    @Override
    public java.sql.Connection openDatabase() throws SQLException {
        return TestDatabase.selected().connect(node.home());
    }

    /** {@code kc.sh export} of one realm, as an operator runs it: a second process on the server's database. */
    @Override
    public String exportRealm(String realm) {
        try {
            Path file = Files.createTempFile("realm-export-", ".json");
            List<String> export = new ArrayList<>(List.of("--optimized", "--file=" + file, "--realm=" + realm, "--users=same_file"));
            export.addAll(TestDatabase.selected().options());
            export.addAll(extraOptions);
            node.runTool("export", export);
            return Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every realm template of the project, for --import-realm (system property realm.templates.dir). */
    private static void copyRealmTemplates(Path importDir) throws IOException {
        String templates = System.getProperty("realm.templates.dir");
        if (templates == null || templates.isBlank()) {
            return;
        }
        Files.createDirectories(importDir);
        try (Stream<Path> files = Files.list(Path.of(templates))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                Files.copy(file, importDir.resolve(file.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
