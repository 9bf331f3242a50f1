package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 4: {@code kc.sh export}, then the realm deleted and imported again from that
 * file into the same database (so no row of it is left), keeps machine users (as clients),
 * permission sets, partitions, groups and every grant. Keys are not exported: they are issued
 * again, and work at once.
 */
class RealmExportImportIT {

    @Test
    void exportThenImportKeepsMachineUsersSetsPartitionsGroupsAndGrantsButNoKeys() throws Exception {
        KeycloakTestServer server = KeycloakTestServer.get();
        RealmFixture fixture = RealmFixture.create("roundtrip");
        String realm = fixture.realm();
        AdminApi admin = fixture.admin();
        MachineUsersApi api = fixture.machineUsers();
        fixture.createRole("meters:read", false);
        admin.post("/" + realm + "/permission-sets", Map.of("name", "Meter reader", "description", "Reads meters",
                "roles", List.of("meters:read"))).expectStatus(201);
        String site = fixture.createPartition("Site North", null);
        fixture.createPartition("Building A", site);
        String lead = admin.createUser(realm, "site-lead", "site-lead-password");
        admin.put("/" + realm + "/partitions/" + site + "/administrators/" + lead, Map.of()).expectStatus(204);
        admin.post("/" + realm + "/machine-user-groups", Map.of("name", "Meter fleet", "permissionSets", List.of("Meter reader"),
                "partitions", List.of("/Site North"))).expectStatus(201);
        JsonNode gateway = api.create(Map.of("name", "Gateway", "description", "Reads the meters of building A",
                "partition", "/Site North/Building A", "permissionSets", List.of("Meter reader"), "groups", List.of("Meter fleet"),
                "accessTokenLifespan", 120, "notificationEmail", "ops@integrations.test")).expectStatus(201).json();
        JsonNode dormant = api.createWithKey("Dormant");
        api.suspend(dormant.path("id").asText(), "retired").expectStatus(200);
        JsonNode before = api.get(gateway.path("id").asText()).expectStatus(200).json();
        // Used before the export, so that the server holds the key when the realm comes back.
        assertThat(fixture.tokens().clientCredentials(gateway.path("clientId").asText(),
                gateway.path("accessKey").path("secret").asText(), Method.BASIC).ok()).isTrue();
        assertThat(fixture.tokens().clientCredentials(gateway.path("accessKey").path("id").asText(),
                gateway.path("accessKey").path("secret").asText(), Method.POST).ok()).isTrue();

        String export = server.withDatabaseAccess(() -> server.exportRealm(realm));
        assertThat(export).doesNotContain(gateway.path("accessKey").path("secret").asText());
        admin.delete("/" + realm).expectStatus(204);
        admin.postRaw("", export, "application/json").expectStatus(201);

        JsonNode after = api.get(gateway.path("id").asText()).expectStatus(200).json();
        for (String field : List.of("clientId", "name", "description", "partition", "accessTokenLifespan", "notificationEmail", "status")) {
            assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
        }
        assertThat(after.path("permissionSets").toString()).isEqualTo("[\"Meter reader\"]");
        assertThat(after.path("groups").toString()).isEqualTo("[\"Meter fleet\"]");
        assertThat(api.get(dormant.path("id").asText()).json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(api.count("").json().asLong()).isEqualTo(2);

        JsonNode set = admin.get("/" + realm + "/permission-sets/Meter%20reader").expectStatus(200).json();
        assertThat(set.path("roles").toString()).isEqualTo("[\"meters:read\"]");
        assertThat(set.path("managed").asBoolean()).isFalse();
        JsonNode partitions = admin.get("/" + realm + "/partitions").expectStatus(200).json();
        assertThat(partitions.findValuesAsText("path")).containsExactlyInAnyOrder("/Site North", "/Site North/Building A");
        assertThat(admin.get("/" + realm + "/partitions/" + site + "/administrators").json().findValuesAsText("username"))
                .containsExactly("site-lead");
        JsonNode group = admin.get("/" + realm + "/machine-user-groups?search=Meter").json().get(0);
        assertThat(group.path("permissionSets").toString()).isEqualTo("[\"Meter reader\"]");
        assertThat(group.path("partitions").toString()).isEqualTo("[\"/Site North\"]");
        assertThat(group.path("members").asLong()).isEqualTo(1);

        // Keys are never exported: the old secret is dead, a new key works at once with the same grants.
        String id = gateway.path("id").asText();
        assertThat(api.keys(id).expectStatus(200).json()).isEmpty();
        assertThat(fixture.tokens().clientCredentials(gateway.path("clientId").asText(),
                gateway.path("accessKey").path("secret").asText(), Method.BASIC).ok()).isFalse();
        assertThat(fixture.tokens().clientCredentials(gateway.path("accessKey").path("id").asText(),
                gateway.path("accessKey").path("secret").asText(), Method.POST).ok()).isFalse();
        JsonNode key = api.createKey(id, Map.of()).expectStatus(201).json();
        JWTClaimsSet claims = fixture.tokens().verify(fixture.tokens()
                .clientCredentials(gateway.path("clientId").asText(), key.path("secret").asText(), Method.BASIC).accessToken());
        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("Meter reader");
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/Site North", "/Site North/Building A");
        assertThat(new ObjectMapper().readTree(claims.toString()).path("realm_access").path("roles").toString()).contains("meters:read");
    }
}
