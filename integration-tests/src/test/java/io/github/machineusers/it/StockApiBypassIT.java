package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, cases 3 and 4 (contract section 6, "promises that no path may break"): Keycloak's own
 * clients API, used by an administrator with only manage-clients, cannot weaken a machine user. Each
 * weakening change is refused with a 400 that names the machine-users API and changes nothing; the
 * one that cannot be refused (Keycloak's regenerate-secret endpoint) cannot take effect.
 */
class StockApiBypassIT {

    private static RealmFixture fixture;
    private static String realm;
    private static AdminApi clientManager;
    private static TokenClient tokens;
    private static RealmFixture.ResourceServer api;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("stock-bypass");
        realm = fixture.realm();
        fixture.admin().createUser(realm, "clients", "clients-pass-1", "manage-clients");
        clientManager = AdminApi.as(realm, "clients", "clients-pass-1");
        tokens = fixture.tokens();
        api = fixture.resourceServer("bypass-api");
    }

    private static String clientPath(String id) {
        return "/" + realm + "/clients/" + id;
    }

    private static void assertRefusedNamingTheApi(ApiResponse response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("/admin/realms/" + realm + "/machine-users");
    }

    @Test
    void anotherClientAuthenticatorWithAPlaintextSecretIsRefused() {
        JsonNode mu = fixture.machineUsers().createWithKey("Authenticator swap");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();

        assertRefusedNamingTheApi(clientManager.put(clientPath(id),
                Map.of("clientAuthenticatorType", "client-secret", "secret", "plain-text-secret-1")));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("clientAuthenticatorType", "client-jwt")));

        JsonNode client = fixture.admin().get(clientPath(id)).expectStatus(200).json();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("machine-user-access-key");
        assertThat(tokens.clientCredentials(clientId, "plain-text-secret-1", Method.BASIC).status()).isEqualTo(401);
        assertThat(tokens.clientCredentials(clientId, mu.path("accessKey").path("secret").asText(), Method.BASIC).ok()).isTrue();
    }

    @Test
    void aRegeneratedClientSecretNeverAuthenticatesAndIsClearedOnTheNextSave() {
        JsonNode mu = fixture.machineUsers().createWithKey("Regenerated secret");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();

        String plaintext = clientManager.post(clientPath(id) + "/client-secret", Map.of()).expectStatus(200).json().path("value").asText();
        assertThat(plaintext).isNotBlank();
        assertThat(tokens.clientCredentials(clientId, plaintext, Method.BASIC).status()).isEqualTo(401);
        assertThat(tokens.clientCredentials(clientId, plaintext, Method.POST).status()).isEqualTo(401);

        // The console saves the whole representation it read, secret included.
        JsonNode client = clientManager.get(clientPath(id)).expectStatus(200).json();
        @SuppressWarnings("unchecked")
        Map<String, Object> saved = new ObjectMapper().convertValue(client, Map.class);
        saved.put("description", "saved in the console");
        clientManager.put(clientPath(id), saved).expectStatus(204);

        JsonNode stored = clientManager.get(clientPath(id) + "/client-secret").expectStatus(200).json().path("value");
        assertThat(stored.isMissingNode() || stored.isNull()).as(stored.toString()).isTrue();
        assertThat(tokens.clientCredentials(clientId, plaintext, Method.BASIC).status()).isEqualTo(401);
    }

    @Test
    void browserPasswordAndOtherGrantsAreRefused() {
        String id = fixture.machineUsers().createWithKey("No browser").path("id").asText();

        assertRefusedNamingTheApi(clientManager.put(clientPath(id),
                Map.of("standardFlowEnabled", true, "redirectUris", List.of("https://evil.example/*"))));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("directAccessGrantsEnabled", true)));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("implicitFlowEnabled", true)));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("publicClient", true)));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("serviceAccountsEnabled", false)));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id),
                Map.of("attributes", Map.of("oauth2.device.authorization.grant.enabled", "true"))));

        JsonNode client = fixture.admin().get(clientPath(id)).expectStatus(200).json();
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(client.path("publicClient").asBoolean()).isFalse();
        assertThat(client.path("serviceAccountsEnabled").asBoolean()).isTrue();
        assertThat(client.path("redirectUris")).isEmpty();
    }

    @Test
    void aBanCannotBeUndoneThroughTheClientsApi() {
        JsonNode mu = fixture.machineUsers().createWithKey("Banned");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        fixture.grant(id, api, "read");
        String before = tokens.clientCredentials(clientId, secret, Method.BASIC).accessToken();
        fixture.machineUsers().suspend(id, "leaked").expectStatus(200);

        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("enabled", true, "notBefore", 0)));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("enabled", true)));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("notBefore", 0)));
        Map<String, Object> attributes = new HashMap<>();
        attributes.put("machine-user.suspended-at", null);
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("enabled", true, "attributes", attributes)));

        assertThat(fixture.machineUsers().get(id).json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(fixture.admin().get(clientPath(id)).json().path("enabled").asBoolean()).isFalse();
        assertThat(tokens.introspect(before, api.clientId(), api.secret()).isActive()).isFalse();
        assertThat(tokens.clientCredentials(clientId, secret, Method.BASIC).ok()).isFalse();

        // An active machine user cannot be disabled behind the API's back either: the two would disagree.
        fixture.machineUsers().resume(id).expectStatus(200);
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("enabled", false)));
        assertThat(fixture.machineUsers().get(id).json().path("status").asText()).isEqualTo("ACTIVE");
        assertThat(tokens.introspect(before, api.clientId(), api.secret()).isActive()).isFalse();
    }

    @Test
    void theMarkerAndTheOwnerPartitionCannotBeChangedThroughTheClientsApi() {
        String partition = fixture.createPartition("Bypass partition", null);
        String id = fixture.machineUsers().createWithKey("Marked").path("id").asText();

        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("attributes", Map.of("machine-user", "false"))));
        assertRefusedNamingTheApi(clientManager.put(clientPath(id), Map.of("attributes", Map.of("machine-user.partition", partition))));

        JsonNode after = fixture.machineUsers().get(id).expectStatus(200).json();
        assertThat(after.has("partition")).isFalse();
        assertThat(fixture.machineUsers().list("partition=" + partition).json()).isEmpty();
    }

    @Test
    void anExistingClientCannotBeMarkedAndNoClientIdMayLookLikeAKeyId() {
        String plain = clientManager.post("/" + realm + "/clients", Map.of("clientId", "plain-service",
                "serviceAccountsEnabled", true, "secret", "plain-service-secret")).expectStatus(201).idFromLocation();
        assertRefusedNamingTheApi(clientManager.put(clientPath(plain), Map.of("attributes", Map.of("machine-user", "true"))));
        assertThat(fixture.machineUsers().get(plain).status()).isEqualTo(404);

        ApiResponse keyShaped = clientManager.post("/" + realm + "/clients", Map.of("clientId", "MUAKABCDEFGHIJKLMNOP"));
        assertThat(keyShaped.status()).as(keyShaped.body()).isEqualTo(400);
        assertThat(keyShaped.body()).contains("access-key id");
        String mu = fixture.machineUsers().createWithKey("Renamed to a key id").path("id").asText();
        ApiResponse renamed = clientManager.put(clientPath(mu), Map.of("clientId", "MUAKRENAMEDBYSTOCKAP"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(400);
        assertThat(fixture.admin().get("/" + realm + "/clients?clientId=MUAKRENAMEDBYSTOCKAP").json()).isEmpty();
    }

    @Test
    void aMarkedClientCreatedThroughTheClientsApiBecomesAMachineUserWithoutItsSecret() {
        String partition = fixture.createPartition("Forged owner", null);
        String id = clientManager.post("/" + realm + "/clients", Map.of(
                "clientId", "stock-made",
                "clientAuthenticatorType", "client-secret",
                "secret", "stock-made-secret",
                "serviceAccountsEnabled", true,
                "directAccessGrantsEnabled", true,
                "attributes", Map.of("machine-user", "true", "machine-user.partition", partition))).expectStatus(201).idFromLocation();

        JsonNode mu = fixture.machineUsers().get(id).expectStatus(200).json();
        assertThat(mu.has("partition")).isFalse();
        JsonNode client = fixture.admin().get(clientPath(id)).json();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("machine-user-access-key");
        assertThat(client.path("directAccessGrantsEnabled").asBoolean()).isFalse();
        assertThat(tokens.clientCredentials("stock-made", "stock-made-secret", Method.BASIC).status()).isEqualTo(401);
        JsonNode history = fixture.machineUsers().history(id).expectStatus(200).json();
        assertThat(history.get(0).path("action").asText()).isEqualTo("CREATED");
        assertThat(history.get(0).path("details").path("via").asText()).isEqualTo("clients API");
    }

    @Test
    void aMarkedClientArrivingByPartialImportIsNormalisedToo() {
        Map<String, Object> imported = Map.of(
                "clientId", "partially-imported",
                "clientAuthenticatorType", "client-secret",
                "secret", "imported-plain-secret",
                "serviceAccountsEnabled", true,
                "standardFlowEnabled", true,
                "attributes", Map.of("machine-user", "true"));
        fixture.admin().post("/" + realm + "/partialImport", Map.of("ifResourceExists", "FAIL", "clients", List.of(imported)))
                .expectStatus(200);

        JsonNode found = fixture.machineUsers().list("search=partially-imported").expectStatus(200).json();
        assertThat(found).hasSize(1);
        JsonNode client = fixture.admin().get(clientPath(found.get(0).path("id").asText())).json();
        assertThat(client.path("clientAuthenticatorType").asText()).isEqualTo("machine-user-access-key");
        assertThat(client.path("standardFlowEnabled").asBoolean()).isFalse();
        assertThat(tokens.clientCredentials("partially-imported", "imported-plain-secret", Method.BASIC).status()).isEqualTo(401);
    }

    @Test
    void harmlessStockChangesStillWork() {
        JsonNode mu = fixture.machineUsers().createWithKey("Harmless");
        String id = mu.path("id").asText();
        clientManager.put(clientPath(id), Map.of("name", "Renamed in the console", "description", "still fine")).expectStatus(204);
        assertThat(fixture.machineUsers().get(id).json().path("name").asText()).isEqualTo("Renamed in the console");
        assertThat(tokens.clientCredentials(mu.path("clientId").asText(), mu.path("accessKey").path("secret").asText(), Method.BASIC).ok())
                .isTrue();
    }
}
