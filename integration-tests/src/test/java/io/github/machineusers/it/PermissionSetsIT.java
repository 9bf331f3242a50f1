package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 3: permission sets as marked composite realm roles, granted to machine users, visible in tokens. */
class PermissionSetsIT {

    private static RealmFixture fixture;
    private static AdminApi admin;
    private static MachineUsersApi machineUsers;
    private static String realm;
    private static RealmFixture.ResourceServer fleetApi;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("sets");
        fixture.enableAdminEvents();
        admin = fixture.admin();
        realm = fixture.realm();
        machineUsers = fixture.machineUsers();
        fleetApi = fixture.resourceServer("fleet-api");
        role("telemetry:read", true);
        role("telemetry:write", false);
        role("billing:read", true);
    }

    private static void role(String name, boolean readOnly) {
        Map<String, Object> rep = readOnly
                ? Map.of("name", name, "attributes", Map.of("read-only", List.of("true")))
                : Map.of("name", name);
        admin.post("/" + realm + "/roles", rep).expectStatus(201);
    }

    private static ApiResponse createSet(Map<String, Object> body) {
        return admin.post("/" + realm + "/permission-sets", body);
    }

    private static JWTClaimsSet token(JsonNode machineUser) {
        var result = fixture.tokens().clientCredentials(machineUser.path("clientId").asText(),
                machineUser.path("accessKey").path("secret").asText(), Method.BASIC);
        assertThat(result.ok()).as(result.rawBody()).isTrue();
        return fixture.tokens().verify(result.accessToken());
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(JWTClaimsSet claims) throws Exception {
        // A machine user without any realm role gets no realm_access claim at all.
        Map<String, Object> realmAccess = claims.getJSONObjectClaim("realm_access");
        return realmAccess == null ? List.of() : (List<String>) realmAccess.get("roles");
    }

    @Test
    void aSetGrantedAtCreationReachesTheTokenWithItsRoles() throws Exception {
        var created = createSet(Map.of("name", "Operator", "description", "read and write telemetry",
                "roles", List.of("telemetry:read", "telemetry:write", "fleet-api/read")));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).endsWith("/permission-sets/Operator");
        assertThat(created.json().path("roles").toString()).contains("telemetry:read", "telemetry:write", "fleet-api/read");
        assertThat(created.json().path("managed").asBoolean()).isFalse();

        JsonNode mu = machineUsers.create(Map.of("name", "Dispatcher", "permissionSets", List.of("Operator"))).expectStatus(201).json();
        assertThat(mu.path("permissionSets").toString()).isEqualTo("[\"Operator\"]");

        JWTClaimsSet claims = token(mu);
        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("Operator");
        assertThat(realmRoles(claims)).contains("Operator", "telemetry:read", "telemetry:write");
        assertThat(claims.getAudience()).contains("fleet-api");

        var introspection = fixture.tokens().introspect(fixture.tokens().clientCredentials(mu.path("clientId").asText(),
                mu.path("accessKey").path("secret").asText(), Method.BASIC).accessToken(), fleetApi.clientId(), fleetApi.secret());
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.toJSONObject().get("permission_sets").toString()).contains("Operator");
    }

    @Test
    void grantAndRevokeTakeEffectOnTheNextToken() throws Exception {
        createSet(Map.of("name", "Billing reader", "roles", List.of("billing:read"), "readOnly", true)).expectStatus(201);
        JsonNode mu = machineUsers.createWithKey("Invoice export");
        String id = mu.path("id").asText();
        assertThat(token(mu).getStringListClaim("permission_sets")).isEmpty();

        admin.put(machineUsers.path("/" + id + "/permission-sets/Billing reader".replace(" ", "%20")), Map.of()).expectStatus(204);
        JWTClaimsSet granted = token(mu);
        assertThat(granted.getStringListClaim("permission_sets")).containsExactly("Billing reader");
        assertThat(realmRoles(granted)).contains("billing:read");
        assertThat(machineUsers.get(id).json().path("permissionSets").toString()).contains("Billing reader");

        admin.delete(machineUsers.path("/" + id + "/permission-sets/Billing%20reader")).expectStatus(204);
        JWTClaimsSet revoked = token(mu);
        assertThat(revoked.getStringListClaim("permission_sets")).isEmpty();
        assertThat(realmRoles(revoked)).doesNotContain("billing:read");

        assertThat(machineUsers.history(id).json().findValuesAsText("action"))
                .startsWith("PERMISSION_SET_REVOKED", "PERMISSION_SET_GRANTED");
        assertThat(admin.get("/" + realm + "/admin-events?max=500").json().findValuesAsText("resourcePath"))
                .contains("machine-users/" + id + "/permission-sets/Billing reader");
    }

    @Test
    void aSetGrantedThroughAGroupCounts() throws Exception {
        createSet(Map.of("name", "Group viewer", "roles", List.of("telemetry:read"))).expectStatus(201);
        String groupId = admin.post("/" + realm + "/groups", Map.of("name", "viewers-" + System.nanoTime())).expectStatus(201).idFromLocation();
        JsonNode set = admin.get("/" + realm + "/roles/Group%20viewer").expectStatus(200).json();
        admin.post("/" + realm + "/groups/" + groupId + "/role-mappings/realm", List.of(set)).expectStatus(204);
        JsonNode mu = machineUsers.createWithKey("Group member");
        String account = admin.get("/" + realm + "/clients/" + mu.path("id").asText() + "/service-account-user").json().path("id").asText();
        admin.put("/" + realm + "/users/" + account + "/groups/" + groupId, Map.of()).expectStatus(204);

        JWTClaimsSet claims = token(mu);

        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("Group viewer");
        assertThat(realmRoles(claims)).contains("telemetry:read");
    }

    @Test
    void managedSetsAreReadOnlyThroughTheApi() {
        admin.post("/" + realm + "/roles", Map.of("name", "Administrator", "composite", false,
                "attributes", Map.of("permission-set", List.of("true"), "permission-set.managed", List.of("true")))).expectStatus(201);

        JsonNode managed = admin.get("/" + realm + "/permission-sets/Administrator").expectStatus(200).json();
        assertThat(managed.path("managed").asBoolean()).isTrue();
        assertThat(admin.put("/" + realm + "/permission-sets/Administrator", Map.of("description", "mine")).status()).isEqualTo(409);
        assertThat(admin.delete("/" + realm + "/permission-sets/Administrator?force=true").status()).isEqualTo(409);
        assertThat(createSet(Map.of("name", "Fake managed", "managed", true)).status()).isEqualTo(400);
        assertThat(admin.get("/" + realm + "/permission-sets/Administrator").json().has("description")).isFalse();
    }

    @Test
    void readOnlySetsAcceptOnlyReadOnlyRoles() {
        var refused = createSet(Map.of("name", "Sneaky", "readOnly", true, "roles", List.of("telemetry:read", "telemetry:write")));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errorMessage").asText()).contains("telemetry:write");
        assertThat(admin.get("/" + realm + "/permission-sets/Sneaky").status()).isEqualTo(404);

        createSet(Map.of("name", "Data sharing", "readOnly", true, "roles", List.of("telemetry:read"))).expectStatus(201);
        var widened = admin.put("/" + realm + "/permission-sets/Data%20sharing",
                Map.of("readOnly", true, "roles", List.of("telemetry:read", "telemetry:write")));
        assertThat(widened.status()).isEqualTo(400);
        assertThat(admin.get("/" + realm + "/permission-sets/Data%20sharing").json().path("roles").toString()).isEqualTo("[\"telemetry:read\"]");
    }

    @Test
    void invalidInputIsRefusedAndChangesNothing() {
        long before = admin.get("/" + realm + "/permission-sets/count").json().asLong();
        assertThat(createSet(Map.of("name", "Ghost", "roles", List.of("no-such-role"))).json().path("errorMessage").asText()).contains("no-such-role");
        assertThat(createSet(Map.of("name", "Ghost", "roles", List.of("no-client/role"))).status()).isEqualTo(400);
        assertThat(createSet(Map.of("roles", List.of("telemetry:read"))).status()).isEqualTo(400);
        assertThat(createSet(Map.of("name", "a/b")).status()).isEqualTo(400);
        assertThat(createSet(Map.of("name", "x".repeat(300))).status()).isEqualTo(400);
        assertThat(createSet(Map.of("name", "telemetry:read")).status()).isEqualTo(409);
        assertThat(admin.postRaw("/" + realm + "/permission-sets", "{\"name\":", "application/json").status()).isEqualTo(400);
        assertThat(createSet(Map.of("name", "Typed", "roles", "telemetry:read")).status()).isEqualTo(400);
        assertThat(admin.get("/" + realm + "/permission-sets/count").json().asLong()).isEqualTo(before);

        var unknownSet = machineUsers.create(Map.of("name", "x", "permissionSets", List.of("NoSuchSet")));
        assertThat(unknownSet.status()).isEqualTo(400);
        JsonNode mu = machineUsers.createWithKey("Grant target");
        assertThat(admin.put(machineUsers.path("/" + mu.path("id").asText() + "/permission-sets/NoSuchSet"), Map.of()).status()).isEqualTo(404);
        assertThat(admin.put(machineUsers.path("/" + mu.path("id").asText() + "/permission-sets/telemetry:read"), Map.of()).status()).isEqualTo(404);
    }

    @Test
    void deletingAGrantedSetNeedsForceAndThenRemovesTheGrant() {
        createSet(Map.of("name", "Temporary", "roles", List.of("telemetry:read"))).expectStatus(201);
        JsonNode mu = machineUsers.create(Map.of("name", "Holder", "permissionSets", List.of("Temporary"))).expectStatus(201).json();

        assertThat(admin.delete("/" + realm + "/permission-sets/Temporary").status()).isEqualTo(409);
        assertThat(admin.get("/" + realm + "/permission-sets/Temporary").status()).isEqualTo(200);

        admin.delete("/" + realm + "/permission-sets/Temporary?force=true").expectStatus(204);
        assertThat(admin.get("/" + realm + "/permission-sets/Temporary").status()).isEqualTo(404);
        assertThat(machineUsers.get(mu.path("id").asText()).json().path("permissionSets").toString()).isEqualTo("[]");
        assertThat(admin.get("/" + realm + "/roles/telemetry:read").status()).isEqualTo(200);
    }

    @Test
    void aMachineUserManagerCannotHandOutAdministrativeRoles() {
        admin.createUser(realm, "mu-manager", "mu-manager-pass-1", "manage-machine-users");
        admin.createUser(realm, "mu-viewer", "mu-viewer-pass-1", "view-machine-users");
        AdminApi manager = AdminApi.as(realm, "mu-manager", "mu-manager-pass-1");
        AdminApi viewer = AdminApi.as(realm, "mu-viewer", "mu-viewer-pass-1");

        assertThat(manager.post("/" + realm + "/permission-sets", Map.of("name", "Escalation",
                "roles", List.of("realm-management/realm-admin"))).status()).isEqualTo(403);
        assertThat(manager.post("/" + realm + "/permission-sets", Map.of("name", "Harmless",
                "roles", List.of("telemetry:read"))).status()).isEqualTo(201);
        assertThat(admin.post("/" + realm + "/permission-sets", Map.of("name", "Admin tools",
                "roles", List.of("realm-management/view-users"))).status()).isEqualTo(201);
        JsonNode mu = manager.post("/" + realm + "/machine-users", Map.of("name", "Managed by manager")).expectStatus(201).json();
        assertThat(manager.put("/" + realm + "/machine-users/" + mu.path("id").asText() + "/permission-sets/Admin%20tools", Map.of()).status()).isEqualTo(403);
        assertThat(manager.post("/" + realm + "/machine-users", Map.of("name", "Sneaky", "permissionSets", List.of("Admin tools"))).status()).isEqualTo(403);

        assertThat(viewer.get("/" + realm + "/permission-sets").status()).isEqualTo(200);
        assertThat(viewer.post("/" + realm + "/permission-sets", Map.of("name", "Nope")).status()).isEqualTo(403);
        assertThat(viewer.delete("/" + realm + "/permission-sets/Harmless").status()).isEqualTo(403);
    }
}
