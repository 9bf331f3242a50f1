package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, secrets: after a full scenario (create, replace, another key, tokens, failed logins
 * with wrong secrets, suspension) no secret appears anywhere but in the answers that created it,
 * and no hash of one appears anywhere but in the one column made to hold the hashes of live keys.
 * Each secret is looked for whole, without its kcmu_ prefix, and as SHA-256 in Base64 and hex.
 */
class SecretLeakIT {

    private static RealmFixture fixture;
    private static AdminApi admin;
    private static String realm;
    /** Every secret of the scenario, by what it was; wrong guesses included. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();
    /** Hashes that may stay in MU_ACCESS_KEY.SECRET_HASH: those of the keys that still exist. */
    private static final List<String> LIVE_HASHES = new ArrayList<>();
    private static final List<String> ANSWERS = new ArrayList<>();
    /** Read with the server's database to ourselves: the export, the findings of the table scan, the stored hashes. */
    private static String export;
    private static DatabaseScan scan;

    private record DatabaseScan(int tables, boolean keyTableSeen, List<String> findings, List<String> storedHashes) {
    }

    private static boolean databaseReachable() {
        return !KeycloakTestServer.get().getClass().getSimpleName().startsWith("Container");
    }

    @BeforeAll
    static void scenario() throws Exception {
        fixture = RealmFixture.create("secrets");
        admin = fixture.admin();
        realm = fixture.realm();
        admin.put("/" + realm, Map.of("eventsEnabled", true, "adminEventsEnabled", true, "adminEventsDetailsEnabled", true))
                .expectStatus(204);
        MachineUsersApi api = fixture.machineUsers();
        TokenClient tokens = fixture.tokens();

        JsonNode created = api.create(Map.of("name", "Leak check", "notificationEmail", "ops@integrations.test")).expectStatus(201).json();
        String id = created.path("id").asText();
        String clientId = created.path("clientId").asText();
        SECRETS.put("first key (replaced)", created.path("accessKey").path("secret").asText());
        JsonNode replaced = api.replaceKey(id, created.path("accessKey").path("id").asText()).expectStatus(200).json();
        SECRETS.put("replacement key", replaced.path("secret").asText());
        JsonNode second = api.createKey(id, Map.of("description", "second")).expectStatus(201).json();
        SECRETS.put("second key", second.path("secret").asText());
        SECRETS.put("wrong guess", "kcmu_" + "Q".repeat(43) + "000000");
        SECRETS.put("plain wrong secret", "not-the-secret-" + System.nanoTime());

        assertThat(tokens.clientCredentials(clientId, SECRETS.get("replacement key"), Method.BASIC).ok()).isTrue();
        assertThat(tokens.clientCredentials(second.path("id").asText(), SECRETS.get("second key"), Method.POST).ok()).isTrue();
        for (String wrong : List.of("first key (replaced)", "wrong guess", "plain wrong secret")) {
            assertThat(tokens.clientCredentials(clientId, SECRETS.get(wrong), Method.BASIC).ok()).isFalse();
            assertThat(tokens.clientCredentials(replaced.path("id").asText(), SECRETS.get(wrong), Method.POST).ok()).isFalse();
        }
        api.updateKey(id, second.path("id").asText(), Map.of("status", "INACTIVE")).expectStatus(200);
        api.suspend(id, "leak drill").expectStatus(200);
        api.resume(id).expectStatus(200);
        LIVE_HASHES.add(base64Sha256(SECRETS.get("replacement key")));
        LIVE_HASHES.add(base64Sha256(SECRETS.get("second key")));

        for (String path : List.of("/machine-users?max=1000", "/machine-users/" + id, "/machine-users/" + id + "/keys",
                "/machine-users/" + id + "/keys/" + second.path("id").asText(), "/machine-users/" + id + "/history?max=1000",
                "/machine-users/" + id + "/usage", "/machine-users/policy", "/machine-users/access", "/events?max=1000",
                "/admin-events?max=1000", "/clients?max=1000", "/clients/" + id, "/clients/" + id + "/client-secret",
                "/users?max=1000&briefRepresentation=false")) {
            ANSWERS.add(path + "\n" + admin.get("/" + realm + path).expectStatus(200).body());
        }
        ANSWERS.add("partial-export\n" + admin.postRaw("/" + realm + "/partial-export?exportClients=true&exportGroupsAndRoles=true",
                "", "application/json").expectStatus(200).body());

        if (databaseReachable()) {
            KeycloakTestServer server = KeycloakTestServer.get();
            server.withDatabaseAccess(() -> {
                export = server.exportRealm(realm);
                scan = scanDatabase(server);
                return null;
            });
        }
    }

    private static String base64Sha256(String secret) {
        return Base64.getEncoder().withoutPadding().encodeToString(sha256(secret));
    }

    private static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The forms in which a secret could leak, by name. */
    private static Map<String, String> forms(String what, String secret) {
        Map<String, String> forms = new LinkedHashMap<>();
        forms.put(what + " (secret)", secret);
        if (secret.startsWith("kcmu_")) {
            forms.put(what + " (secret without prefix)", secret.substring(5));
        }
        forms.put(what + " (SHA-256 Base64)", base64Sha256(secret));
        forms.put(what + " (SHA-256 hex)", HexFormat.of().formatHex(sha256(secret)));
        return forms;
    }

    /** What of the scenario's secrets and hashes {@code text} holds, except the live hashes where those are allowed. */
    private static List<String> leaks(String text, boolean liveHashesAllowed) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        SECRETS.forEach((what, secret) -> forms(what, secret).forEach((form, value) -> {
            boolean hit = form.endsWith("hex)") ? lower.contains(value) : text.contains(value);
            if (hit && !(liveHashesAllowed && LIVE_HASHES.contains(value))) {
                found.add(form);
            }
        }));
        return found;
    }

    @Test
    void noApiAnswerAfterTheCreatingOnesHoldsASecretOrHash() {
        for (String answer : ANSWERS) {
            assertThat(leaks(answer, false)).as(answer.lines().findFirst().orElse("")).isEmpty();
        }
    }

    @Test
    void theServerLogHoldsNoSecretOrHash() {
        assertThat(leaks(KeycloakTestServer.get().serverLog(), false)).isEmpty();
    }

    @Test
    void theRealmExportOfKcShHoldsNoSecretOrHash() {
        Assumptions.assumeTrue(databaseReachable(), "kc.sh export needs the container's database to itself");
        assertThat(export).as("the export is of this realm, with its machine user").contains("\"realm\" : \"" + realm + "\"")
                .contains("Leak check");
        assertThat(leaks(export, false)).isEmpty();
    }

    /** Every column of every table, as text; hashes of live keys only in MU_ACCESS_KEY.SECRET_HASH. */
    @Test
    void noTableHoldsASecretAndOnlyTheKeyTableHoldsLiveHashes() {
        Assumptions.assumeTrue(databaseReachable(), "the database of a Keycloak container is not reachable from the tests");
        assertThat(scan.tables()).as("Keycloak's schema was read").isGreaterThan(50);
        assertThat(scan.keyTableSeen()).as("the key table was read").isTrue();
        assertThat(scan.findings()).isEmpty();
    }

    private static DatabaseScan scanDatabase(KeycloakTestServer server) throws Exception {
        List<String> found = new ArrayList<>();
        List<String> storedHashes = new ArrayList<>();
        int tablesScanned = 0;
        boolean keyTableSeen = false;
        try (Connection db = server.openDatabase()) {
            DatabaseMetaData meta = db.getMetaData();
            String quote = meta.getIdentifierQuoteString().trim();
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = meta.getTables(db.getCatalog(), db.getSchema(), "%", new String[]{"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                tablesScanned++;
                try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + quote + table + quote)) {
                    ResultSetMetaData columns = rs.getMetaData();
                    while (rs.next()) {
                        for (int i = 1; i <= columns.getColumnCount(); i++) {
                            String value = text(rs.getObject(i));
                            if (value == null) {
                                continue;
                            }
                            boolean hashColumn = table.equalsIgnoreCase("MU_ACCESS_KEY") && columns.getColumnName(i).equalsIgnoreCase("SECRET_HASH");
                            if (hashColumn) {
                                keyTableSeen = true;
                                storedHashes.add(value);
                            }
                            for (String leak : leaks(value, hashColumn)) {
                                found.add(table + "." + columns.getColumnName(i) + ": " + leak);
                            }
                        }
                    }
                }
            }
        }
        return new DatabaseScan(tablesScanned, keyTableSeen, found, storedHashes);
    }

    private static String text(Object value) throws Exception {
        if (value == null) {
            return null;
        }
        if (value instanceof byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
        if (value instanceof Blob blob) {
            return new String(blob.getBytes(1, (int) blob.length()), StandardCharsets.UTF_8);
        }
        if (value instanceof Clob clob) {
            return clob.getSubString(1, (int) clob.length());
        }
        return value.toString();
    }

    /** The scan must be able to see a leak: the live hashes are where they belong, and the replaced one is gone. */
    @Test
    void theScanFindsTheLiveHashesInTheKeyTable() {
        Assumptions.assumeTrue(databaseReachable(), "the database of a Keycloak container is not reachable from the tests");
        assertThat(scan.storedHashes()).containsAll(LIVE_HASHES).doesNotContain(base64Sha256(SECRETS.get("first key (replaced)")));
        assertThat(leaks(String.join(" ", scan.storedHashes()), false)).as("the scan recognises a stored hash").isNotEmpty();
        assertThat(Set.copyOf(LIVE_HASHES)).hasSize(2);
    }
}
