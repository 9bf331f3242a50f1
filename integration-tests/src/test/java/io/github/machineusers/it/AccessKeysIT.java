package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract sections 2 and 4: the key limit, rotation, replace, expiry and the realm policy. */
class AccessKeysIT {

    private static final long DAY = 86_400_000L;
    private static RealmFixture fixture;
    private static MachineUsersApi api;
    private static TokenClient tokens;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("keys");
        api = fixture.machineUsers();
        tokens = fixture.tokens();
    }

    @Test
    void secretIsShownOnceAndNeverAgain() {
        JsonNode mu = api.createWithKey("Secret once");
        String id = mu.path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        assertThat(secret).matches("kcmu_[0-9A-Za-z]{49}");

        assertThat(api.get(id).body()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(api.keys(id).body()).doesNotContain(secret).doesNotContain("\"secret\"");
        assertThat(api.list("").body()).doesNotContain(secret);
        assertThat(api.history(id).body()).doesNotContain(secret);
        assertThat(fixture.admin().get("/" + fixture.realm() + "/clients/" + id).body()).doesNotContain(secret);
        assertThat(KeycloakTestServer.get().serverLog()).doesNotContain(secret);
    }

    @Test
    void aThirdKeyIsRefusedAndChangesNothing() {
        JsonNode mu = api.createWithKey("Two at most");
        String id = mu.path("id").asText();
        api.createKey(id, Map.of()).expectStatus(201);

        var third = api.createKey(id, Map.of("description", "one too many"));

        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().path("errorMessage").asText()).contains("maximum of 2");
        assertThat(api.keys(id).json()).hasSize(2);
    }

    @Test
    void rotationWithoutDowntime() {
        JsonNode mu = api.createWithKey("Rotated");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String oldKey = mu.path("accessKey").path("id").asText();
        String oldSecret = mu.path("accessKey").path("secret").asText();

        JsonNode next = api.createKey(id, Map.of("description", "2027 key")).expectStatus(201).json();
        assertThat(tokens.clientCredentials(clientId, oldSecret, Method.BASIC).ok()).isTrue();
        assertThat(tokens.clientCredentials(clientId, next.path("secret").asText(), Method.BASIC).ok()).isTrue();

        api.updateKey(id, oldKey, Map.of("status", "INACTIVE")).expectStatus(200);
        assertThat(tokens.clientCredentials(clientId, oldSecret, Method.BASIC).ok()).isFalse();
        api.deleteKey(id, oldKey).expectStatus(204);

        assertThat(api.keys(id).json().findValuesAsText("id")).containsExactly(next.path("id").asText());
        assertThat(tokens.clientCredentials(clientId, next.path("secret").asText(), Method.BASIC).ok()).isTrue();
    }

    @Test
    void replaceReturnsANewKeyAndTheOldOneStopsAtOnce() {
        JsonNode mu = api.createWithKey("Replaced");
        String id = mu.path("id").asText();
        String oldKey = mu.path("accessKey").path("id").asText();
        String oldSecret = mu.path("accessKey").path("secret").asText();
        api.createKey(id, Map.of()).expectStatus(201);

        JsonNode fresh = api.replaceKey(id, oldKey).expectStatus(200).json();

        assertThat(fresh.path("id").asText()).isNotEqualTo(oldKey);
        assertThat(fresh.path("secret").asText()).startsWith("kcmu_").isNotEqualTo(oldSecret);
        assertThat(tokens.clientCredentials(oldKey, oldSecret, Method.BASIC).ok()).isFalse();
        assertThat(tokens.clientCredentials(mu.path("clientId").asText(), oldSecret, Method.BASIC).ok()).isFalse();
        assertThat(tokens.clientCredentials(fresh.path("id").asText(), fresh.path("secret").asText(), Method.BASIC).ok()).isTrue();
        assertThat(api.keys(id).json()).hasSize(2);
        assertThat(api.history(id).json().get(0).path("action").asText()).isEqualTo("KEY_REPLACED");
    }

    /**
     * Each node keeps the keys it has just checked, so that a token request reads no database row;
     * every change must still hold on the very next request, by client id and by key id alike.
     */
    @Test
    void everyKeyChangeHoldsOnTheNextRequestThoughTheKeyWasJustUsed() throws InterruptedException {
        JsonNode mu = api.createWithKey("Cached keys");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        assertThat(authenticates(clientId, keyId, secret)).containsExactly(true, true);

        api.updateKey(id, keyId, Map.of("status", "INACTIVE")).expectStatus(200);
        assertThat(authenticates(clientId, keyId, secret)).as("deactivated").containsExactly(false, false);
        api.updateKey(id, keyId, Map.of("status", "ACTIVE")).expectStatus(200);
        assertThat(authenticates(clientId, keyId, secret)).as("activated again").containsExactly(true, true);

        long expiry = System.currentTimeMillis() + 2_000;
        api.updateKey(id, keyId, Map.of("expiresAt", expiry)).expectStatus(200);
        assertThat(authenticates(clientId, keyId, secret)).as("before its new expiry").containsExactly(true, true);
        Thread.sleep(Math.max(0, expiry + 200 - System.currentTimeMillis()));
        assertThat(authenticates(clientId, keyId, secret)).as("after its new expiry").containsExactly(false, false);
        api.updateKey(id, keyId, Map.of("expiresAt", System.currentTimeMillis() + DAY)).expectStatus(200);
        assertThat(authenticates(clientId, keyId, secret)).as("expiry moved out").containsExactly(true, true);

        JsonNode fresh = api.replaceKey(id, keyId).expectStatus(200).json();
        String freshId = fresh.path("id").asText();
        String freshSecret = fresh.path("secret").asText();
        assertThat(authenticates(clientId, keyId, secret)).as("replaced").containsExactly(false, false);
        assertThat(authenticates(clientId, freshId, freshSecret)).as("its replacement").containsExactly(true, true);

        api.deleteKey(id, freshId).expectStatus(204);
        assertThat(authenticates(clientId, freshId, freshSecret)).as("deleted").containsExactly(false, false);
        JsonNode added = api.createKey(id, Map.of()).expectStatus(201).json();
        assertThat(authenticates(clientId, added.path("id").asText(), added.path("secret").asText()))
                .as("a key added after").containsExactly(true, true);
    }

    /** Whether the secret gets a token with the client id by HTTP Basic and with the key id as form fields. */
    private static List<Boolean> authenticates(String clientId, String keyId, String secret) {
        return List.of(tokens.clientCredentials(clientId, secret, Method.BASIC).ok(),
                tokens.clientCredentials(keyId, secret, Method.POST).ok());
    }

    @Test
    void changingTheExpiryKeepsTheSecret() {
        JsonNode mu = api.createWithKey("Expiry moved");
        String id = mu.path("id").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        long expiry = System.currentTimeMillis() + 30 * DAY;

        JsonNode key = api.updateKey(id, keyId, Map.of("expiresAt", expiry, "description", "moved")).expectStatus(200).json();

        assertThat(key.path("expiresAt").asLong()).isEqualTo(expiry);
        assertThat(key.path("description").asText()).isEqualTo("moved");
        assertThat(key.has("secret")).isFalse();
        assertThat(tokens.clientCredentials(keyId, mu.path("accessKey").path("secret").asText(), Method.POST).ok()).isTrue();
    }

    @Test
    void lastUsedIsShownAfterATokenRequest() {
        JsonNode mu = api.createWithKey("Last used");
        String id = mu.path("id").asText();
        assertThat(api.keys(id).json().get(0).has("lastUsedAt")).isFalse();
        long before = System.currentTimeMillis();

        tokens.clientCredentials(mu.path("clientId").asText(), mu.path("accessKey").path("secret").asText(), Method.BASIC);

        assertThat(api.keys(id).json().get(0).path("lastUsedAt").asLong()).isBetween(before - 1000, System.currentTimeMillis() + 1000);
    }

    @Test
    void policyCapsKeyLifetimeAndLimitsKeyCount() {
        RealmFixture own = RealmFixture.create("policy");
        MachineUsersApi scoped = own.machineUsers();
        JsonNode policy = scoped.policy().expectStatus(200).json();
        assertThat(policy.path("maxKeysPerMachineUser").asInt()).isEqualTo(2);

        scoped.updatePolicy(Map.of("maxKeysPerMachineUser", 3, "maxKeyLifetimeDays", 90)).expectStatus(200);

        JsonNode mu = scoped.createWithKey("Capped");
        long expires = mu.path("accessKey").path("expiresAt").asLong();
        assertThat(expires).isBetween(System.currentTimeMillis() + 89 * DAY, System.currentTimeMillis() + 91 * DAY);
        String id = mu.path("id").asText();
        assertThat(scoped.createKey(id, Map.of("expiresAt", System.currentTimeMillis() + 365 * DAY)).status()).isEqualTo(400);
        scoped.createKey(id, Map.of()).expectStatus(201);
        scoped.createKey(id, Map.of()).expectStatus(201);
        assertThat(scoped.createKey(id, Map.of()).status()).isEqualTo(409);
        assertThat(scoped.keys(id).json()).hasSize(3);
    }
}
