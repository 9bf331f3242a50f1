package io.github.machineusers.it.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A PostgreSQL database written by an earlier release of the bundle, made by
 * {@code scripts/make-upgrade-fixture.sh} and kept under {@code src/test/resources/upgrade/}: the
 * dump, and a description of what the release wrote (ids, and the test-only secrets it issued).
 */
public final class ReleaseFixture {

    private final String release;
    private final String database;
    private final JsonNode description;

    private ReleaseFixture(String release, String database) {
        this.release = release;
        this.database = database;
        try (InputStream in = resource("release-" + release + ".json")) {
            this.description = AdminApi.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads the release's dump into {@code database}, which is dropped and created empty first. */
    public static ReleaseFixture restore(String release, String database) {
        ReleaseFixture fixture = new ReleaseFixture(release, database);
        fixture.load();
        return fixture;
    }

    /** What the release wrote: see the script for the fields. */
    public JsonNode description() {
        return description;
    }

    public String realm() {
        return description.path("realm").asText();
    }

    public String adminUsername() {
        return description.path("admin").path("username").asText();
    }

    public String adminPassword() {
        return description.path("admin").path("password").asText();
    }

    /**
     * A node with the bundle of this build on the restored database: the upgrade an operator
     * makes by replacing the JAR and running kc.sh build and start.
     */
    public KeycloakNode startCurrentBundle(String nodeName) {
        KeycloakNode node = KeycloakNode.copyOfDistribution(nodeName, adminUsername(), adminPassword());
        node.build(List.of("--db=postgres", "--cache=local", "--health-enabled=true"));
        List<String> options = new ArrayList<>(TestDatabase.POSTGRES.options(database));
        options.addAll(KeycloakTestServer.testSchedule());
        node.start(options);
        return node;
    }

    public Connection openDatabase() throws SQLException {
        return TestDatabase.POSTGRES.connect(null, database);
    }

    private void load() {
        try (InputStream in = new GZIPInputStream(resource("release-" + release + ".postgres.sql.gz"))) {
            // psql meta-commands (newer pg_dump writes \restrict) are for psql, not for the server.
            String dump = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.startsWith("\\"))
                    .collect(java.util.stream.Collectors.joining("\n"));
            TestDatabase.POSTGRES.reset(database);
            // The dump is plain INSERTs without owners, so it runs as the servers' own user and
            // leaves everything owned by it; PgJDBC sends the statements as one simple query.
            try (Connection connection = openDatabase(); Statement statement = connection.createStatement()) {
                statement.execute(dump);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not load the release " + release + " fixture: " + e.getMessage(), e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ReleaseFixture.class.getResourceAsStream("/upgrade/" + name);
        if (in == null) {
            throw new IllegalStateException("No upgrade fixture /upgrade/" + name + "; make it with scripts/make-upgrade-fixture.sh");
        }
        return in;
    }
}
