package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every way a token request can fail answers exactly like an unknown client: 401 invalid_client,
 * the same description, so a caller learns nothing about which part was wrong.
 */
class FailedAuthenticationIT {

    private static RealmFixture fixture;
    private static MachineUsersApi api;
    private static TokenClient tokens;
    private static TokenClient.Result unknownClient;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("failures");
        api = fixture.machineUsers();
        tokens = fixture.tokens();
        unknownClient = tokens.clientCredentials("no-such-client", "kcmu_whatever", Method.BASIC);
        assertThat(unknownClient.status()).isEqualTo(401);
        assertThat(unknownClient.error().getCode()).isEqualTo("invalid_client");
    }

    private static void assertRefusedLikeUnknownClient(TokenClient.Result result) {
        assertThat(result.ok()).as("token was issued").isFalse();
        assertThat(result.status()).isEqualTo(401);
        assertThat(result.error().getCode()).isEqualTo("invalid_client");
        assertThat(result.error().getDescription()).isEqualTo(unknownClient.error().getDescription());
    }

    @Test
    void wrongSecret() {
        JsonNode mu = api.createWithKey("Wrong secret");
        assertRefusedLikeUnknownClient(tokens.clientCredentials(mu.path("clientId").asText(), "kcmu_wrong", Method.BASIC));
        assertRefusedLikeUnknownClient(tokens.clientCredentials(mu.path("accessKey").path("id").asText(), "kcmu_wrong", Method.POST));
    }

    @Test
    void unknownKeyId() {
        assertRefusedLikeUnknownClient(tokens.clientCredentials("MUAKAAAAAAAAAAAAAAAA", "kcmu_whatever", Method.BASIC));
    }

    @Test
    void inactiveKeyUntilActivatedAgain() {
        JsonNode mu = api.createWithKey("Inactive key");
        String id = mu.path("id").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();

        api.updateKey(id, keyId, Map.of("status", "INACTIVE")).expectStatus(200);
        assertRefusedLikeUnknownClient(tokens.clientCredentials(keyId, secret, Method.BASIC));
        assertRefusedLikeUnknownClient(tokens.clientCredentials(mu.path("clientId").asText(), secret, Method.BASIC));

        api.updateKey(id, keyId, Map.of("status", "ACTIVE")).expectStatus(200);
        assertThat(tokens.clientCredentials(keyId, secret, Method.BASIC).ok()).isTrue();
    }

    @Test
    void expiredKey() throws Exception {
        JsonNode mu = api.createWithKey("Expiring key");
        String id = mu.path("id").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        api.updateKey(id, keyId, Map.of("expiresAt", System.currentTimeMillis() + 1500)).expectStatus(200);
        assertThat(tokens.clientCredentials(keyId, secret, Method.BASIC).ok()).isTrue();

        Thread.sleep(2000);

        assertRefusedLikeUnknownClient(tokens.clientCredentials(keyId, secret, Method.BASIC));
        assertThat(api.keys(id).json().get(0).path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void deletedKey() {
        JsonNode mu = api.createWithKey("Deleted key");
        String keyId = mu.path("accessKey").path("id").asText();
        api.deleteKey(mu.path("id").asText(), keyId).expectStatus(204);

        assertRefusedLikeUnknownClient(tokens.clientCredentials(keyId, mu.path("accessKey").path("secret").asText(), Method.BASIC));
        assertRefusedLikeUnknownClient(tokens.clientCredentials(mu.path("clientId").asText(), mu.path("accessKey").path("secret").asText(), Method.BASIC));
    }

    @Test
    void deletedMachineUser() {
        JsonNode mu = api.createWithKey("Deleted machine user");
        api.delete(mu.path("id").asText()).expectStatus(204);

        assertRefusedLikeUnknownClient(tokens.clientCredentials(mu.path("clientId").asText(), mu.path("accessKey").path("secret").asText(), Method.BASIC));
        assertRefusedLikeUnknownClient(tokens.clientCredentials(mu.path("accessKey").path("id").asText(), mu.path("accessKey").path("secret").asText(), Method.POST));
    }

    @Test
    void suspendedMachineUser() {
        JsonNode mu = api.createWithKey("Suspended");
        api.suspend(mu.path("id").asText(), "leaked secret").expectStatus(200);

        assertRefusedLikeUnknownClient(tokens.clientCredentials(mu.path("clientId").asText(), mu.path("accessKey").path("secret").asText(), Method.BASIC));
        assertRefusedLikeUnknownClient(tokens.clientCredentials(mu.path("accessKey").path("id").asText(), mu.path("accessKey").path("secret").asText(), Method.POST));
    }

    @Test
    void secretOfAnotherMachineUser() {
        JsonNode a = api.createWithKey("Machine A");
        JsonNode b = api.createWithKey("Machine B");
        assertRefusedLikeUnknownClient(tokens.clientCredentials(a.path("clientId").asText(), b.path("accessKey").path("secret").asText(), Method.BASIC));
        assertRefusedLikeUnknownClient(tokens.clientCredentials(a.path("accessKey").path("id").asText(), b.path("accessKey").path("secret").asText(), Method.BASIC));
    }

    @Test
    void failuresAreCountedInUsage() throws Exception {
        JsonNode mu = api.createWithKey("Counted failures");
        String clientId = mu.path("clientId").asText();
        tokens.clientCredentials(clientId, "kcmu_wrong", Method.BASIC);
        tokens.clientCredentials(clientId, "kcmu_wrong", Method.POST);
        assertThat(tokens.clientCredentials(clientId, mu.path("accessKey").path("secret").asText(), Method.BASIC).ok()).isTrue();

        JsonNode today = last(api.usage(mu.path("id").asText(), 1).expectStatus(200).json());
        assertThat(today.path("failedAttempts").asLong()).isEqualTo(2);
        assertThat(today.path("tokensIssued").asLong()).isEqualTo(1);
    }

    /**
     * Issue 9: every refusal is a CLIENT_LOGIN_ERROR event in the realm's event store (and so for
     * every event listener) with the client id, the key id where one matched, and the reason; the
     * caller's answer stays the same, and no event holds a secret.
     */
    @Test
    void failuresAreEventsWithClientKeyAndReasonButNoSecret() throws Exception {
        RealmFixture eventsRealm = RealmFixture.create("failure-events");
        eventsRealm.admin().put("/" + eventsRealm.realm(), Map.of("eventsEnabled", true)).expectStatus(204);
        MachineUsersApi machineUsers = eventsRealm.machineUsers();
        TokenClient client = eventsRealm.tokens();
        JsonNode mu = machineUsers.createWithKey("Watched");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        String guessed = "kcmu_guessed" + System.nanoTime();

        client.clientCredentials(clientId, guessed, Method.BASIC);
        client.clientCredentials(keyId, guessed, Method.POST);
        machineUsers.updateKey(id, keyId, Map.of("status", "INACTIVE")).expectStatus(200);
        client.clientCredentials(clientId, secret, Method.BASIC);
        machineUsers.updateKey(id, keyId, Map.of("status", "ACTIVE", "expiresAt", System.currentTimeMillis() + 1500)).expectStatus(200);
        Thread.sleep(2000);
        client.clientCredentials(keyId, secret, Method.BASIC);
        machineUsers.updateKey(id, keyId, Map.of("expiresAt", System.currentTimeMillis() + 86_400_000L)).expectStatus(200);
        machineUsers.suspend(id, "incident").expectStatus(200);
        client.clientCredentials(clientId, secret, Method.BASIC);

        JsonNode events = eventsRealm.admin()
                .get("/" + eventsRealm.realm() + "/events?type=CLIENT_LOGIN_ERROR&client=" + clientId + "&max=50")
                .expectStatus(200).json();
        List<String> reasons = new java.util.ArrayList<>();
        for (JsonNode event : events) {
            assertThat(event.path("clientId").asText()).isEqualTo(clientId);
            assertThat(event.path("error").asText()).isEqualTo("invalid_client_credentials");
            reasons.add(event.path("details").path("reason").asText());
            if (!"wrong_secret".equals(event.path("details").path("reason").asText())) {
                assertThat(event.path("details").path("access_key_id").asText()).isEqualTo(keyId);
            }
        }
        assertThat(reasons).containsExactlyInAnyOrder("wrong_secret", "wrong_secret", "key_inactive", "key_expired",
                "machine_user_suspended");
        assertThat(events.toString()).doesNotContain(secret, guessed);
        // Keycloak's jboss-logging listener (on in every new realm) writes error events at WARN: what a SIEM tails.
        assertThat(io.github.machineusers.it.support.KeycloakTestServer.get().serverLog().lines()
                .filter(line -> line.contains("CLIENT_LOGIN_ERROR") && line.contains(clientId) && line.contains("key_inactive")))
                .as("the refusal in the server log").hasSize(1);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
