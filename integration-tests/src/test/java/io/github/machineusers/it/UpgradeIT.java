package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.KeycloakNode;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.ReleaseFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 9 item 1 and issue 10 item 6: an installation of the first release (0.1.0, only the first
 * changelog) upgraded to this build in place. The database is the one release 0.1.0 wrote on
 * PostgreSQL ({@code scripts/make-upgrade-fixture.sh}); this build's bundle starts on it, applies
 * the later changelogs, and everything the first release stored still works, keys included.
 *
 * <p>Runs once per suite, in the PostgreSQL pass, on a database and a node of its own.
 */
@EnabledIfSystemProperty(named = "keycloak.test.database", matches = "postgres",
        disabledReason = "the upgrade runs once per suite, in the PostgreSQL pass")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UpgradeIT {

    private static final String RELEASE = "0.1.0";

    private static ReleaseFixture fixture;
    private static JsonNode written;
    private static KeycloakNode node;
    private static AdminApi admin;
    private static MachineUsersApi api;
    private static TokenClient tokens;

    @BeforeAll
    static void upgradeTheFirstRelease() {
        fixture = ReleaseFixture.restore(RELEASE, "machine_users_upgrade");
        written = fixture.description();
        node = fixture.startCurrentBundle("upgraded-from-" + RELEASE);
        admin = AdminApi.at(node.baseUrl(), "master", fixture.adminUsername(), fixture.adminPassword());
        api = new MachineUsersApi(admin, fixture.realm());
        tokens = new TokenClient(node.baseUrl(), fixture.realm());
    }

    @AfterAll
    static void stop() {
        if (node != null) {
            node.stop();
        }
    }

    @Test
    @Order(1)
    void everyLaterChangelogIsAppliedAfterTheFirstReleasesOwn() throws Exception {
        List<String> files = new ArrayList<>();
        try (Connection connection = fixture.openDatabase(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT filename FROM databasechangelog_machine_us ORDER BY orderexecuted")) {
            while (rows.next()) {
                String file = rows.getString(1);
                String release = file.replaceAll(".*machine-users-changelog-(.*)\\.xml", "$1");
                if (files.isEmpty() || !files.get(files.size() - 1).equals(release)) {
                    files.add(release);
                }
            }
        }
        assertThat(files).as("changelog releases in the order they were applied").containsExactly("0.1.0", "0.2.0", "0.3.0", "0.4.0", "0.5.0", "0.6.0", "0.7.0");
        try (Connection connection = fixture.openDatabase(); Statement statement = connection.createStatement();
             ResultSet gap = statement.executeQuery("SELECT EXTRACT(EPOCH FROM "
                     + "(SELECT min(dateexecuted) FROM databasechangelog_machine_us WHERE filename LIKE '%0.2.0.xml')"
                     + " - (SELECT max(dateexecuted) FROM databasechangelog_machine_us WHERE filename LIKE '%0.1.0.xml'))")) {
            gap.next();
            assertThat(gap.getDouble(1)).as("seconds between the release's own migration and the upgrade's")
                    .isGreaterThan(60);
        }
        assertThat(node.log()).doesNotContain("ERROR");
    }

    @Test
    @Order(1)
    void aPrefixSearchIsAnsweredFromTheIndexesOfChangelog050() throws Exception {
        // This database's collation is C.UTF-8, which PostgreSQL does not treat as C: an index without
        // the pattern operator class would not serve LIKE 'prefix%', and the plan would be a scan.
        try (Connection connection = fixture.openDatabase(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            try {
                // Enough rows, with statistics, for the planner to choose as it would in a large realm.
                statement.execute("INSERT INTO mu_machine_user (id, realm_id, created_at, search_name, search_client_id)"
                        + " SELECT 'planner-' || i, 'planner-realm', i, 'sensor-' || lpad(i::text, 6, '0'),"
                        + " 'sensor-' || lpad(i::text, 6, '0') || '-x' FROM generate_series(1, 20000) i");
                statement.execute("ANALYZE mu_machine_user");
                StringBuilder plan = new StringBuilder();
                try (ResultSet rows = statement.executeQuery("EXPLAIN SELECT id FROM mu_machine_user WHERE realm_id = 'planner-realm'"
                        + " AND (search_client_id LIKE 'sensor-01000%' ESCAPE '!' OR search_name LIKE 'sensor-01000%' ESCAPE '!')"
                        + " ORDER BY created_at DESC, id DESC LIMIT 20")) {
                    while (rows.next()) {
                        plan.append(rows.getString(1)).append('\n');
                    }
                }
                assertThat(plan.toString())
                        .containsPattern("Index Scan (on|using) idx_mu_search_name[^\\n]*\\n\\s*Index Cond: .*search_name\\)::text ~>=~ 'sensor-01000'")
                        .containsPattern("Index Scan (on|using) idx_mu_search_client_id[^\\n]*\\n\\s*Index Cond: .*search_client_id\\)::text ~>=~ 'sensor-01000'");
            } finally {
                connection.rollback();
            }
        }
    }

    @Test
    @Order(2)
    void keysTheFirstReleaseIssuedStillAuthenticateAndTheRefusedStayRefused() throws Exception {
        JsonNode gateway = written.path("gateway");
        String gatewaySecret = gateway.path("accessKey").path("secret").asText();
        TokenClient.Result token = tokens.clientCredentials(gateway.path("clientId").asText(), gatewaySecret, Method.BASIC);
        assertThat(token.ok()).as("the 0.1.0 key by client id: " + token.rawBody()).isTrue();
        assertThat(tokens.clientCredentials(gateway.path("accessKey").path("id").asText(), gatewaySecret, Method.POST).ok())
                .as("the 0.1.0 key by key id").isTrue();
        var claims = tokens.verify(token.accessToken());
        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("Telemetry reader");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime())
                .as("the machine user's own token lifespan, 300 s").isEqualTo(300_000L);

        JsonNode spare = written.path("gatewaySecondKey");
        assertThat(tokens.clientCredentials(spare.path("id").asText(), spare.path("secret").asText(), Method.POST).ok())
                .as("the key deactivated under 0.1.0").isFalse();
        JsonNode billing = written.path("billing");
        assertThat(tokens.clientCredentials("billing-export", billing.path("accessKey").path("secret").asText(), Method.BASIC).ok())
                .as("the key replaced under 0.1.0").isFalse();
        assertThat(tokens.clientCredentials("billing-export", written.path("billingReplacement").path("secret").asText(),
                Method.BASIC).ok()).as("its replacement").isTrue();
        JsonNode legacy = written.path("legacy");
        assertThat(tokens.clientCredentials(legacy.path("clientId").asText(), legacy.path("accessKey").path("secret").asText(),
                Method.BASIC).ok()).as("the machine user suspended under 0.1.0").isFalse();
    }

    @Test
    @Order(3)
    void whatTheFirstReleaseStoredReadsBackUnchanged() {
        JsonNode gateway = written.path("gateway");
        String id = gateway.path("id").asText();
        JsonNode read = api.get(id).expectStatus(200).json();
        assertThat(read.path("name").asText()).isEqualTo("Meter gateway");
        assertThat(read.path("description").asText()).isEqualTo("Reads meters at site north");
        assertThat(read.path("notificationEmail").asText()).isEqualTo("ops@fixture.test");
        assertThat(read.path("accessTokenLifespan").asInt()).isEqualTo(300);
        assertThat(read.path("createdAt").asLong()).isEqualTo(gateway.path("createdAt").asLong());
        assertThat(read.path("permissionSets").toString()).isEqualTo("[\"Telemetry reader\"]");
        assertThat(read.path("partition").isMissingNode() || read.path("partition").isNull())
                .as("0.1.0 had no partitions: the machine user belongs to the realm root").isTrue();

        JsonNode keys = api.keys(id).expectStatus(200).json();
        assertThat(keys.findValuesAsText("id")).containsExactlyInAnyOrder(
                gateway.path("accessKey").path("id").asText(), written.path("gatewaySecondKey").path("id").asText());
        for (JsonNode key : keys) {
            boolean spare = key.path("id").asText().equals(written.path("gatewaySecondKey").path("id").asText());
            assertThat(key.path("status").asText()).isEqualTo(spare ? "INACTIVE" : "ACTIVE");
            assertThat(key.has("secret")).isFalse();
            if (!spare) {
                assertThat(key.path("expiresAt").asLong()).isEqualTo(gateway.path("accessKey").path("expiresAt").asLong());
                assertThat(key.path("lastUsedAt").asLong()).as("last used under 0.1.0 or in the test before")
                        .isGreaterThanOrEqualTo(gateway.path("createdAt").asLong());
            }
        }

        assertThat(api.history(id).expectStatus(200).json().findValuesAsText("action"))
                .contains("CREATED", "KEY_CREATED");
        assertThat(api.history(written.path("legacy").path("id").asText()).expectStatus(200).json().findValuesAsText("action"))
                .contains("SUSPENDED");
        assertThat(api.get(written.path("legacy").path("id").asText()).expectStatus(200).json().path("suspendedReason").asText())
                .isEqualTo("contract ended");

        JsonNode policy = api.policy().expectStatus(200).json();
        assertThat(policy.path("keyExpiryWarningDays").toString()).isEqualTo("[30,7,1]");
        assertThat(policy.path("defaultAccessTokenLifespan").asInt()).isEqualTo(600);
        assertThat(api.count("search=").expectStatus(200).body().trim()).isEqualTo("3");
        assertThat(api.list("search=meter").expectStatus(200).json().findValuesAsText("id")).containsExactly(id);
        assertThat(admin.get("/" + fixture.realm() + "/permission-sets/Telemetry%20reader").expectStatus(200).json()
                .path("readOnly").asBoolean()).isTrue();
    }

    @Test
    @Order(4)
    void laterFeaturesWorkOnUpgradedDataAndSurviveARestart() {
        String realm = fixture.realm();
        JsonNode gateway = written.path("gateway");
        String id = gateway.path("id").asText();
        String partitionId = admin.post("/" + realm + "/partitions", Map.of("name", "Site North")).expectStatus(201).idFromLocation();
        api.update(id, Map.of("partition", "/Site North")).expectStatus(200);
        String groupId = admin.post("/" + realm + "/machine-user-groups", Map.of("name", "Meter readers",
                "permissionSets", List.of("Telemetry reader"), "partitions", List.of(partitionId))).expectStatus(201).idFromLocation();
        admin.put("/" + realm + "/machine-user-groups/" + groupId + "/members/" + written.path("billing").path("id").asText(), Map.of())
                .expectStatus(204);
        api.resume(written.path("legacy").path("id").asText()).expectStatus(200);

        node.stop();
        node.startAgain();

        var gatewayClaims = tokens.verify(tokens.clientCredentials(gateway.path("clientId").asText(),
                gateway.path("accessKey").path("secret").asText(), Method.BASIC).accessToken());
        assertThat(gatewayClaims.getClaim("partitions").toString()).contains("/Site North");
        var billingClaims = tokens.verify(tokens.clientCredentials("billing-export",
                written.path("billingReplacement").path("secret").asText(), Method.BASIC).accessToken());
        assertThat(billingClaims.getClaim("permission_sets").toString()).contains("Telemetry reader");
        assertThat(billingClaims.getClaim("partitions").toString()).contains("/Site North");
        JsonNode legacy = written.path("legacy");
        assertThat(tokens.clientCredentials(legacy.path("clientId").asText(), legacy.path("accessKey").path("secret").asText(),
                Method.BASIC).ok()).as("the 0.1.0 key of the machine user resumed after the upgrade").isTrue();
        assertThat(api.list("partition=/Site%20North").expectStatus(200).json().findValuesAsText("id")).containsExactly(id);
        assertThat(api.createKey(written.path("billing").path("id").asText(), Map.of()).expectStatus(201).json()
                .path("secret").asText()).startsWith("kcmu_");
    }
}
