package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Contract section 2: bad input gets a clear 4xx in Keycloak's error format and changes nothing. */
class BadInputIT {

    private static RealmFixture fixture;
    private static MachineUsersApi api;
    private static AdminApi admin;
    private static String id;
    private static String keyId;
    private static String snapshot;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("input");
        api = fixture.machineUsers();
        admin = fixture.admin();
        JsonNode mu = api.create(Map.of("name", "Target", "description", "unchanged")).expectStatus(201).json();
        id = mu.path("id").asText();
        keyId = mu.path("accessKey").path("id").asText();
        snapshot = state();
    }

    /** Everything a bad request could have changed. */
    private static String state() {
        return api.list("max=1000").body() + api.keys(id).body() + api.policy().body() + api.history(id).body();
    }

    private static void assertRefused(ApiResponse response, String messagePart) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().path("errorMessage").asText()).contains(messagePart);
        assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(state()).isEqualTo(snapshot);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "not json", "[]", "\"text\"", "{\"name\":", "null"})
    void malformedBodies(String body) {
        ApiResponse response = admin.postRaw(api.path(""), body, "application/json");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errorMessage").asText()).isNotBlank();
        assertThat(state()).isEqualTo(snapshot);
    }

    @Test
    void missingOrBlankName() {
        assertRefused(api.create(Map.of("description", "no name")), "'name' is required");
        assertRefused(api.create(Map.of("name", "   ")), "'name' is required");
    }

    @Test
    void wrongTypes() {
        assertRefused(api.create(Map.of("name", "x", "accessTokenLifespan", "soon")), "accessTokenLifespan");
        assertRefused(api.create(Map.of("name", "x", "generateKey", "yes please")), "generateKey");
        assertRefused(api.create(Map.of("name", Map.of("first", "a"))), "name");
        assertRefused(api.update(id, Map.of("name", 42)), "'name' must be a string");
        assertRefused(api.update(id, Map.of("accessTokenLifespan", 1.5)), "accessTokenLifespan");
        assertRefused(api.updateKey(id, keyId, Map.of("expiresAt", "tomorrow")), "expiresAt");
        assertRefused(api.updatePolicy(Map.of("maxKeysPerMachineUser", "many")), "maxKeysPerMachineUser");
    }

    @Test
    void outOfRangeValues() {
        assertRefused(api.create(Map.of("name", "x".repeat(256))), "longer than 255");
        assertRefused(api.create(Map.of("name", "x", "description", "d".repeat(10_000))), "description");
        assertRefused(api.create(Map.of("name", "x", "accessTokenLifespan", 0)), "accessTokenLifespan");
        assertRefused(api.create(Map.of("name", "x", "notificationEmail", "not-an-address")), "notificationEmail");
        assertRefused(api.create(Map.of("name", "x", "clientId", "../../etc/passwd")), "clientId");
        assertRefused(api.create(Map.of("name", "x", "clientId", "MUAKAAAAAAAAAAAAAAAA")), "clientId");
        assertRefused(api.create(Map.of("name", "x", "keyExpiresAt", 1000)), "keyExpiresAt");
        assertRefused(api.create(Map.of("name", "line\u0000break")), "control characters");
        assertRefused(api.updateKey(id, keyId, Map.of("status", "DELETED")), "ACTIVE or INACTIVE");
        assertRefused(api.updateKey(id, keyId, Map.of("expiresAt", System.currentTimeMillis() - 1000)), "future");
        assertRefused(api.updatePolicy(Map.of("maxKeysPerMachineUser", 11)), "maxKeysPerMachineUser");
        assertRefused(api.updatePolicy(Map.of("maxKeysPerMachineUser", 0)), "maxKeysPerMachineUser");
        assertRefused(api.updatePolicy(Map.of("maxKeyLifetimeDays", -1)), "maxKeyLifetimeDays");
        assertRefused(api.updatePolicy(Map.of("keyExpiryWarningDays", new int[]{14, 14})), "distinct");
    }

    @Test
    void unknownReferences() {
        assertRefused(api.create(Map.of("name", "x", "partition", "/no/such/partition")), "partition");
        assertRefused(api.create(Map.of("name", "x", "permissionSets", new String[]{"NoSuchSet"})), "permissionSets");
        assertRefused(api.create(Map.of("name", "x", "groups", new String[]{"no-such-group"})), "groups");
    }

    @Test
    void badQueryParameters() {
        assertRefused(api.list("first=-1"), "first");
        assertRefused(api.list("max=lots"), "max");
        assertRefused(api.list("status=DELETED"), "status");
        assertRefused(api.usage(id, 0), "days");
        assertRefused(admin.get(api.path("/" + id + "/usage?days=abc")), "days");
    }

    @Test
    void unknownAndForeignIds() {
        JsonNode other = api.createWithKey("Other");
        snapshot = state();
        String otherKey = other.path("accessKey").path("id").asText();
        assertThat(api.updateKey(id, otherKey, Map.of("status", "INACTIVE")).status()).isEqualTo(404);
        assertThat(api.deleteKey(id, otherKey).status()).isEqualTo(404);
        assertThat(api.replaceKey(id, otherKey).status()).isEqualTo(404);
        assertThat(api.get(URLEncoder.encode("'; drop table CLIENT; --", StandardCharsets.UTF_8)).status()).isEqualTo(404);
        assertThat(api.get("x".repeat(5000)).status()).isIn(404, 414);
        assertThat(api.keys(id + "/../" + id).status()).isIn(200, 400, 404);
        assertThat(api.list("search=%27%3B%20drop%20table%20CLIENT%3B%20--").status()).isEqualTo(200);
        assertThat(state()).isEqualTo(snapshot);
    }

    /** Issue 21, case 6: what a fuzzer driven by the OpenAPI document found. */
    @Test
    void nullElementsAndScalarsForNames() {
        List<Object> nothing = Collections.singletonList(null);
        assertRefused(api.create(Map.of("name", "x", "permissionSets", nothing)), "permissionSets[0]");
        assertRefused(api.create(Map.of("name", "x", "groups", nothing)), "groups[0]");
        assertRefused(api.create(Map.of("name", 42)), "name");
        assertRefused(api.create(Map.of("name", true)), "name");
        assertRefused(api.create(Map.of("name", "x", "description", 3.5)), "description");

        long groups = admin.get("/" + fixture.realm() + "/machine-user-groups/count").json().asLong();
        assertRefused(admin.post("/" + fixture.realm() + "/machine-user-groups", Map.of("name", "g", "partitions", nothing)), "partitions[0]");
        assertRefused(admin.post("/" + fixture.realm() + "/machine-user-groups", Map.of("name", 7)), "name");
        assertThat(admin.get("/" + fixture.realm() + "/machine-user-groups/count").json().asLong()).isEqualTo(groups);
        assertRefused(admin.post("/" + fixture.realm() + "/permission-sets", Map.of("name", false)), "name");
        assertRefused(admin.post("/" + fixture.realm() + "/partitions", Map.of("name", 12)), "name");
    }

    @Test
    void flagsAreTrueOrFalse() {
        admin.post("/" + fixture.realm() + "/permission-sets", Map.of("name", "kept-set", "roles", List.of())).expectStatus(201);
        assertRefused(admin.delete("/" + fixture.realm() + "/permission-sets/kept-set?force=notabool"), "force");
        assertThat(admin.get("/" + fixture.realm() + "/permission-sets/kept-set").status()).isEqualTo(200);
        assertRefused(api.list("includeSubPartitions=maybe"), "includeSubPartitions");
        admin.delete("/" + fixture.realm() + "/permission-sets/kept-set?force=false").expectStatus(204);
    }

    @Test
    void everythingUnderADeletedMachineUserButItsHistoryIsNotFound() {
        JsonNode gone = api.createWithKey("Gone soon");
        String goneId = gone.path("id").asText();
        String goneKey = gone.path("accessKey").path("id").asText();
        api.delete(goneId).expectStatus(204);
        snapshot = state();

        assertThat(api.keys(goneId).status()).isEqualTo(404);
        assertThat(api.createKey(goneId, Map.of()).status()).isEqualTo(404);
        assertThat(api.updateKey(goneId, goneKey, Map.of("status", "ACTIVE")).status()).isEqualTo(404);
        assertThat(api.replaceKey(goneId, goneKey).status()).isEqualTo(404);
        assertThat(api.deleteKey(goneId, goneKey).status()).isEqualTo(404);
        assertThat(api.suspend(goneId, "late").status()).isEqualTo(404);
        assertThat(api.resume(goneId).status()).isEqualTo(404);
        assertThat(api.usage(goneId, 7).status()).isEqualTo(404);
        assertThat(admin.put(api.path("/" + goneId + "/permission-sets/any"), Map.of()).status()).isEqualTo(404);
        assertThat(api.update(goneId, Map.of("name", "back")).status()).isEqualTo(404);
        assertThat(api.history(goneId).status()).isEqualTo(200);
        assertThat(state()).isEqualTo(snapshot);
    }
}
