package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract section 4: the machine-user resource, its listing, history and admin events. */
class MachineUserAdminIT {

    private static RealmFixture fixture;
    private static MachineUsersApi api;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("admin");
        fixture.enableAdminEvents();
        api = fixture.machineUsers();
    }

    @Test
    void createAnswers201WithLocationAndTheFullRepresentation() {
        var response = api.create(Map.of("name", "ERP connector", "description", "nightly sync",
                "notificationEmail", "integrations@example.com", "accessTokenLifespan", 600));

        assertThat(response.status()).isEqualTo(201);
        JsonNode mu = response.json();
        assertThat(response.location()).endsWith("/admin/realms/" + fixture.realm() + "/machine-users/" + mu.path("id").asText());
        assertThat(mu.path("clientId").asText()).startsWith("erp-connector-");
        assertThat(mu.path("name").asText()).isEqualTo("ERP connector");
        assertThat(mu.path("description").asText()).isEqualTo("nightly sync");
        assertThat(mu.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(mu.path("accessTokenLifespan").asInt()).isEqualTo(600);
        assertThat(mu.path("notificationEmail").asText()).isEqualTo("integrations@example.com");
        assertThat(mu.path("createdBy").asText()).isEqualTo("admin");
        assertThat(mu.path("createdAt").asLong()).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        assertThat(mu.path("permissionSets").isArray()).isTrue();
        assertThat(mu.path("accessKey").path("status").asText()).isEqualTo("ACTIVE");

        JsonNode read = api.get(mu.path("id").asText()).expectStatus(200).json();
        assertThat(read.path("clientId").asText()).isEqualTo(mu.path("clientId").asText());
        assertThat(read.has("accessKey")).isFalse();
    }

    @Test
    void theClientIsAServiceAccountOnlyConfidentialClient() {
        JsonNode mu = api.create(Map.of("name", "Native shape", "clientId", "native-shape")).expectStatus(201).json();

        JsonNode client = fixture.admin().get("/" + fixture.realm() + "/clients/" + mu.path("id").asText()).expectStatus(200).json();
        assertThat(client.path("clientId").asText()).isEqualTo("native-shape");
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("implicitFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("machine-user-access-key");
        assertThat(client.path("attributes").path("machine-user").asText()).isEqualTo("true");
        assertThat(client.path("defaultClientScopes").toString()).contains("machine-user");
        assertThat(client.has("secret")).isFalse();
    }

    @Test
    void aTakenClientIdAnswers409AndCreatesNothing() {
        api.create(Map.of("name", "First", "clientId", "taken-id")).expectStatus(201);
        long before = api.count("").expectStatus(200).json().asLong();

        var again = api.create(Map.of("name", "Second", "clientId", "taken-id"));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("errorMessage").asText()).contains("taken-id");
        assertThat(api.count("").json().asLong()).isEqualTo(before);
    }

    @Test
    void listingIsNewestFirstWithSearchPagingAndCount() {
        RealmFixture own = RealmFixture.create("listing");
        MachineUsersApi scoped = own.machineUsers();
        for (String name : List.of("Alpha sensor", "Beta sensor", "Gamma gateway", "Delta sensor")) {
            scoped.create(Map.of("name", name, "generateKey", false)).expectStatus(201);
        }
        own.resourceServer("not-a-machine-user");

        assertThat(scoped.list("").json().findValuesAsText("name")).containsExactly("Delta sensor", "Gamma gateway", "Beta sensor", "Alpha sensor");
        assertThat(scoped.count("").json().asLong()).isEqualTo(4);
        assertThat(scoped.list("first=1&max=2").json().findValuesAsText("name")).containsExactly("Gamma gateway", "Beta sensor");
        assertThat(scoped.list("search=not-a-machine").json()).isEmpty();
    }

    @Test
    void searchMatchesAPrefixByDefaultLikeKeycloaksUserSearch() {
        RealmFixture own = RealmFixture.create("search");
        MachineUsersApi scoped = own.machineUsers();
        for (String name : List.of("Alpha sensor", "Beta sensor", "Gamma gateway", "Delta sensor", "Beta", "50% duty")) {
            scoped.create(Map.of("name", name, "generateKey", false)).expectStatus(201);
        }
        String gatewayClientId = scoped.list("search=gamma").json().get(0).path("clientId").asText();

        assertThat(names(scoped, "BETA")).as("a case-insensitive prefix").containsExactly("Beta", "Beta sensor");
        assertThat(scoped.count("search=beta").json().asLong()).isEqualTo(2);
        assertThat(names(scoped, "sensor")).as("not a word inside the name").isEmpty();
        assertThat(names(scoped, "*SENSOR")).as("* for any text").containsExactly("Delta sensor", "Beta sensor", "Alpha sensor");
        assertThat(scoped.count("search=*sensor").json().asLong()).isEqualTo(3);
        assertThat(names(scoped, "a*sensor")).containsExactly("Alpha sensor");
        assertThat(names(scoped, "*")).hasSize(6);
        assertThat(names(scoped, "\"beta\"")).as("quotes for the whole name").containsExactly("Beta");
        assertThat(names(scoped, "\"beta sens\"")).isEmpty();
        assertThat(names(scoped, gatewayClientId.substring(0, gatewayClientId.length() - 2).toUpperCase(java.util.Locale.ROOT)))
                .as("a prefix of the client id").contains("Gamma gateway");
        assertThat(names(scoped, "\"" + gatewayClientId + "\"")).containsExactly("Gamma gateway");
        // The database's wildcards are text.
        assertThat(names(scoped, "50%")).containsExactly("50% duty");
        assertThat(names(scoped, "%")).isEmpty();
        assertThat(names(scoped, "_")).isEmpty();
        assertThat(names(scoped, "5_%")).isEmpty();
    }

    private static List<String> names(MachineUsersApi api, String search) {
        return api.list("search=" + java.net.URLEncoder.encode(search, java.nio.charset.StandardCharsets.UTF_8)).expectStatus(200)
                .json().findValuesAsText("name");
    }

    @Test
    void searchFindsTheNewNameAfterARenameThroughEitherApi() {
        RealmFixture own = RealmFixture.create("renamed");
        MachineUsersApi scoped = own.machineUsers();
        String id = scoped.create(Map.of("name", "Old meter", "generateKey", false)).expectStatus(201).json().path("id").asText();

        scoped.update(id, Map.of("name", "Renamed pump")).expectStatus(200);
        assertThat(scoped.list("search=RENAMED").json().findValuesAsText("id")).containsExactly(id);
        assertThat(scoped.count("search=old%20meter").json().asLong()).isZero();

        // The stock clients API and console can rename the client and change its client id too.
        String clientPath = "/" + own.realm() + "/clients/" + id;
        ObjectNode client = (ObjectNode) own.admin().get(clientPath).expectStatus(200).json();
        client.put("name", "Stock valve").put("clientId", "stock-valve-id");
        own.admin().put(clientPath, client).expectStatus(204);
        assertThat(scoped.list("search=stock%20valve").json().findValuesAsText("id")).containsExactly(id);
        assertThat(scoped.list("search=stock-valve-ID").json().findValuesAsText("id")).containsExactly(id);
        assertThat(scoped.count("search=*pump").json().asLong()).isZero();
    }

    @Test
    void updateChangesOnlyWhatIsSentAndNullClears() {
        JsonNode mu = api.create(Map.of("name", "To update", "description", "old", "accessTokenLifespan", 300,
                "notificationEmail", "ops@example.com")).expectStatus(201).json();
        String id = mu.path("id").asText();

        JsonNode updated = api.update(id, Map.of("name", "Updated", "accessTokenLifespan", 900)).expectStatus(200).json();
        assertThat(updated.path("name").asText()).isEqualTo("Updated");
        assertThat(updated.path("description").asText()).isEqualTo("old");
        assertThat(updated.path("accessTokenLifespan").asInt()).isEqualTo(900);

        Map<String, Object> clear = new HashMap<>();
        clear.put("notificationEmail", null);
        clear.put("accessTokenLifespan", null);
        JsonNode cleared = api.update(id, clear).expectStatus(200).json();
        assertThat(cleared.has("notificationEmail")).isFalse();
        assertThat(cleared.has("accessTokenLifespan")).isFalse();
        assertThat(cleared.path("name").asText()).isEqualTo("Updated");

        JsonNode history = api.history(id).json();
        assertThat(history.get(0).path("action").asText()).isEqualTo("UPDATED");
        assertThat(history.get(1).path("details").path("name").asText()).isEqualTo("Updated");
    }

    @Test
    void deleteRemovesClientAndKeysButHistoryStays() {
        JsonNode mu = api.createWithKey("Short life");
        String id = mu.path("id").asText();

        api.delete(id).expectStatus(204);

        assertThat(api.get(id).status()).isEqualTo(404);
        assertThat(fixture.admin().get("/" + fixture.realm() + "/clients/" + id).status()).isEqualTo(404);
        JsonNode history = api.history(id).expectStatus(200).json();
        assertThat(history.findValuesAsText("action")).containsExactly("DELETED", "KEY_CREATED", "CREATED");
        assertThat(history.get(0).path("actorUsername").asText()).isEqualTo("admin");
    }

    @Test
    void deletingTheClientInTheStockConsoleIsRecordedToo() {
        JsonNode mu = api.createWithKey("Deleted elsewhere");
        String id = mu.path("id").asText();

        fixture.admin().delete("/" + fixture.realm() + "/clients/" + id).expectStatus(204);

        assertThat(api.get(id).status()).isEqualTo(404);
        assertThat(api.history(id).json().get(0).path("action").asText()).isEqualTo("DELETED");
    }

    @Test
    void everyChangeIsAnAdminEventWithoutSecrets() {
        JsonNode mu = api.createWithKey("Audited");
        String id = mu.path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        JsonNode second = api.createKey(id, Map.of()).expectStatus(201).json();
        api.replaceKey(id, second.path("id").asText()).expectStatus(200);
        api.suspend(id, "audit").expectStatus(200);

        var events = fixture.admin().get("/" + fixture.realm() + "/admin-events?max=200").expectStatus(200);

        List<String> paths = events.json().findValuesAsText("resourcePath");
        assertThat(paths).contains("machine-users/" + id, "machine-users/" + id + "/suspend",
                "machine-users/" + id + "/keys/" + second.path("id").asText());
        assertThat(events.json().findValuesAsText("resourceType")).contains("MACHINE_USER", "MACHINE_USER_ACCESS_KEY");
        assertThat(events.body()).doesNotContain(secret).doesNotContain(second.path("secret").asText()).doesNotContain("kcmu_");
    }

    @Test
    void unknownIdsAnswer404() {
        assertThat(api.get("00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        assertThat(api.keys("00000000-0000-0000-0000-000000000000").status()).isEqualTo(404);
        String plainClient = fixture.admin().get("/" + fixture.realm() + "/clients?clientId=account").json().get(0).path("id").asText();
        assertThat(api.get(plainClient).status()).isEqualTo(404);
        assertThat(api.delete(plainClient).status()).isEqualTo(404);
        assertThat(fixture.admin().get("/" + fixture.realm() + "/clients/" + plainClient).status()).isEqualTo(200);
    }
}
