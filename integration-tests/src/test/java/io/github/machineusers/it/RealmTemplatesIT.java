package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: the four realm templates, imported by the test server at start (--import-realm), each
 * walked through its story by administrators of the right kind.
 */
class RealmTemplatesIT {

    private final AdminApi master = AdminApi.forMaster();

    private String partitionId(String realm, String path) {
        for (JsonNode p : master.get("/" + realm + "/partitions?max=1000").expectStatus(200).json()) {
            if (p.path("path").asText().equals(path)) {
                return p.path("id").asText();
            }
        }
        throw new AssertionError("No partition " + path + " in " + realm);
    }

    /** A person of the realm with the given realm roles and realm-management roles. */
    private AdminApi person(String realm, String username, List<String> realmRoles, String... managementRoles) {
        String id = master.createUser(realm, username, username + "-pass-1", managementRoles);
        if (!realmRoles.isEmpty()) {
            List<JsonNode> roles = realmRoles.stream().map(r -> master.get("/" + realm + "/roles/" + r).expectStatus(200).json()).toList();
            master.post("/" + realm + "/users/" + id + "/role-mappings/realm", roles).expectStatus(204);
        }
        return AdminApi.as(realm, username, username + "-pass-1");
    }

    private String userId(String realm, String username) {
        return master.get("/" + realm + "/users?exact=true&username=" + username).json().get(0).path("id").asText();
    }

    private void partitionRight(String realm, String path, String kind, String username) {
        master.put("/" + realm + "/partitions/" + partitionId(realm, path) + "/" + kind + "/" + userId(realm, username), Map.of()).expectStatus(204);
    }

    private static JWTClaimsSet token(String realm, JsonNode created) {
        TokenClient tokens = new TokenClient(realm);
        TokenClient.Result result = tokens.clientCredentials(created.path("clientId").asText(),
                created.path("accessKey").path("secret").asText(), Method.BASIC);
        assertThat(result.ok()).as(result.rawBody()).isTrue();
        return tokens.verify(result.accessToken());
    }

    @Test
    void iotPlatformMachineUserAdministratorAndPartitionAdministrators() throws Exception {
        String realm = "iot-platform";
        AdminApi muAdmin = person(realm, "mu-admin", List.of("machine-user-administrator"));
        MachineUsersApi asMuAdmin = new MachineUsersApi(muAdmin, realm);

        JsonNode created = asMuAdmin.create(Map.of("name", "Building A gateway", "partition", "/Site North/Building A",
                "permissionSets", List.of("Standard"), "groups", List.of("Energy analytics"))).expectStatus(201).json();

        JWTClaimsSet claims = token(realm, created);
        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("Basic", "Standard");
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/Site North", "/Site North/Building A", "/Site South");
        assertThat(claims.getAudience()).contains("iot-api");
        @SuppressWarnings("unchecked")
        List<String> apiRoles = (List<String>) ((Map<String, Object>) claims.getJSONObjectClaim("resource_access").get("iot-api")).get("roles");
        assertThat(apiRoles).contains("devices:view", "devices:edit").doesNotContain("devices:create", "rules:edit");

        person(realm, "north-admin", List.of("partition-administrator"));
        person(realm, "south-admin", List.of("partition-administrator"));
        partitionRight(realm, "/Site North", "administrators", "north-admin");
        partitionRight(realm, "/Site South", "administrators", "south-admin");
        MachineUsersApi north = new MachineUsersApi(AdminApi.as(realm, "north-admin", "north-admin-pass-1"), realm);
        MachineUsersApi south = new MachineUsersApi(AdminApi.as(realm, "south-admin", "south-admin-pass-1"), realm);
        String id = created.path("id").asText();
        assertThat(north.get(id).status()).isEqualTo(200);
        assertThat(north.createKey(id, Map.of()).status()).isEqualTo(201);
        assertThat(south.get(id).status()).isEqualTo(403);
        assertThat(south.list("").json().findValuesAsText("id")).doesNotContain(id);
        assertThat(south.create(Map.of("name", "Sneaky", "partition", "/Site North")).status()).isEqualTo(403);
        assertThat(master.get("/" + realm + "/permission-sets/API%20manager%20Basic").json().path("roles").toString())
                .contains("apis:view", "api-docs:view", "apis:use", "machine-users:view", "tokens:generate").doesNotContain("secrets:rotate");
    }

    @Test
    void usageBillingAdministratorAndReadOnlySetsWithTwoKeys() throws Exception {
        String realm = "usage-billing";
        MachineUsersApi manager = new MachineUsersApi(person(realm, "billing-ops", List.of(), "manage-machine-users"), realm);
        MachineUsersApi viewer = new MachineUsersApi(person(realm, "billing-auditor", List.of(), "view-machine-users"), realm);

        JsonNode reader = manager.create(Map.of("name", "Invoice reader", "permissionSets", List.of("ReadOnly"))).expectStatus(201).json();
        JWTClaimsSet claims = token(realm, reader);
        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("ReadOnly");
        assertThat(claims.getAudience()).contains("billing-api");

        String id = reader.path("id").asText();
        manager.createKey(id, Map.of()).expectStatus(201);
        assertThat(manager.createKey(id, Map.of()).status()).isEqualTo(409);
        assertThat(manager.admin().put("/" + realm + "/permission-sets/Administrator", Map.of("description", "x")).status()).isEqualTo(409);
        assertThat(viewer.create(Map.of("name", "Not allowed")).status()).isEqualTo(403);
        assertThat(viewer.get(id).status()).isEqualTo(200);
    }

    @Test
    void workspacesRequireExpiryAndNotificationEmail() throws Exception {
        String realm = "workspaces";
        MachineUsersApi alphaAdmin = new MachineUsersApi(person(realm, "alpha-admin", List.of()), realm);
        partitionRight(realm, "/Workspace Alpha", "administrators", "alpha-admin");

        assertThat(alphaAdmin.create(Map.of("name", "No mail", "partition", "/Workspace Alpha")).status()).isEqualTo(400);
        assertThat(alphaAdmin.create(Map.of("name", "Too long", "partition", "/Workspace Alpha", "notificationEmail", "alpha@example.com",
                "keyExpiresAt", System.currentTimeMillis() + 400L * 86_400_000L)).status()).isEqualTo(400);
        JsonNode created = alphaAdmin.create(Map.of("name", "CI pipeline", "partition", "/Workspace Alpha",
                "notificationEmail", "alpha@example.com", "permissionSets", List.of("Viewer"))).expectStatus(201).json();
        long expires = created.path("accessKey").path("expiresAt").asLong();
        assertThat(expires).isBetween(System.currentTimeMillis() + 179L * 86_400_000L, System.currentTimeMillis() + 181L * 86_400_000L);
        assertThat(token(realm, created).getStringListClaim("partitions")).containsExactly("/Workspace Alpha");
        assertThat(alphaAdmin.create(Map.of("name", "Elsewhere", "partition", "/Workspace Beta", "notificationEmail", "a@example.com")).status())
                .isEqualTo(403);
        assertThat(alphaAdmin.updatePolicy(Map.of("maxKeyLifetimeDays", 3650)).status()).isEqualTo(403);
    }

    @Test
    void fleetOrganizationAdministratorsAndMaintainersStayInTheirSubtree() throws Exception {
        String realm = "fleet-data-sharing";
        MachineUsersApi northAdmin = new MachineUsersApi(person(realm, "north-org-admin", List.of()), realm);
        MachineUsersApi northMaintainer = new MachineUsersApi(person(realm, "north-maintainer", List.of()), realm);
        MachineUsersApi southAdmin = new MachineUsersApi(person(realm, "south-org-admin", List.of()), realm);
        partitionRight(realm, "/Dealer Group/Dealer North", "administrators", "north-org-admin");
        partitionRight(realm, "/Dealer Group/Dealer North", "viewers", "north-maintainer");
        partitionRight(realm, "/Dealer Group/Dealer South", "administrators", "south-org-admin");

        JsonNode sharing = northAdmin.create(Map.of("name", "Insurance data feed", "partition", "/Dealer Group/Dealer North/Branch Hamburg",
                "permissionSets", List.of("Operational:View"))).expectStatus(201).json();
        JWTClaimsSet claims = token(realm, sharing);
        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("Operational:View");
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/Dealer Group/Dealer North/Branch Hamburg");
        assertThat(claims.getAudience()).contains("fleet-api");

        String id = sharing.path("id").asText();
        assertThat(northMaintainer.get(id).status()).isEqualTo(200);
        assertThat(northMaintainer.list("partition=/Dealer Group/Dealer North&includeSubPartitions=true".replace(" ", "%20")).json().findValuesAsText("id")).contains(id);
        assertThat(northMaintainer.create(Map.of("name", "Nope", "partition", "/Dealer Group/Dealer North")).status()).isEqualTo(403);
        assertThat(northMaintainer.suspend(id, "no").status()).isEqualTo(403);
        assertThat(southAdmin.get(id).status()).isEqualTo(403);
        assertThat(southAdmin.count("").json().asLong()).isZero();
        assertThat(northAdmin.update(id, Map.of("partition", "/Dealer Group/Dealer South")).status()).isEqualTo(403);
        assertThat(master.get("/" + realm + "/permission-sets/Operational:View").json().path("readOnly").asBoolean()).isTrue();
    }
}
