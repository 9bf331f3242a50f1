package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, case 2: a holder of manage-users, who may edit groups and users through Keycloak's stock
 * API, cannot forge partition rights or group grants, and the changes stock Keycloak does allow on a
 * machine user's service account (its groups and roles) land in the machine user's history.
 */
class StockGroupsBypassIT {

    private static RealmFixture fixture;
    private static String realm;
    private static AdminApi usersAdmin;
    private static String usersAdminId;
    private static MachineUsersApi asUsersAdmin;
    private static String north;
    private static String south;
    private static String northMachineUser;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("stock-groups");
        realm = fixture.realm();
        usersAdminId = fixture.admin().createUser(realm, "users-admin", "users-admin-pass-1", "manage-users");
        usersAdmin = AdminApi.as(realm, "users-admin", "users-admin-pass-1");
        asUsersAdmin = new MachineUsersApi(usersAdmin, realm);
        north = fixture.createPartition("North", null);
        south = fixture.createPartition("South", null);
        northMachineUser = fixture.machineUsers().create(Map.of("name", "North gateway", "partition", "/North"))
                .expectStatus(201).json().path("id").asText();
    }

    @Test
    void editingThePartitionsGroupDoesNotMakeAnAdministrator() {
        JsonNode group = usersAdmin.get("/" + realm + "/groups/" + north).expectStatus(200).json();
        Map<String, Object> attributes = Map.of(
                "machine-user-partition", List.of("true"),
                "machine-user-partition.administrators", List.of(usersAdminId),
                "machine-user-partition.viewers", List.of(usersAdminId));
        usersAdmin.put("/" + realm + "/groups/" + north, Map.of("name", group.path("name").asText(), "attributes", attributes))
                .expectStatus(204);

        assertThat(asUsersAdmin.list("partition=/North").status()).isEqualTo(403);
        assertThat(asUsersAdmin.get(northMachineUser).status()).isEqualTo(403);
        assertThat(asUsersAdmin.createKey(northMachineUser, Map.of()).status()).isEqualTo(403);
        assertThat(fixture.admin().get("/" + realm + "/partitions/" + north + "/administrators").json()).isEmpty();
        assertThat(fixture.machineUsers().keys(northMachineUser).json()).hasSize(1);
    }

    @Test
    void aRightGrantedThroughTheApiStillWorksAndOnlyThatOne() {
        String lead = fixture.admin().createUser(realm, "north-lead", "north-lead-pass-1");
        fixture.admin().put("/" + realm + "/partitions/" + north + "/administrators/" + lead, Map.of()).expectStatus(204);
        MachineUsersApi asLead = new MachineUsersApi(AdminApi.as(realm, "north-lead", "north-lead-pass-1"), realm);
        assertThat(asLead.get(northMachineUser).status()).isEqualTo(200);

        // The lead cannot widen their own scope through the groups API either (they lack manage-users), and
        // an administrator who has manage-users cannot hand them South by editing South's group.
        usersAdmin.put("/" + realm + "/groups/" + south, Map.of("name", "South", "attributes", Map.of(
                "machine-user-partition", List.of("true"), "machine-user-partition.administrators", List.of(lead)))).expectStatus(204);
        assertThat(asLead.create(Map.of("name", "Placed in South", "partition", "/South")).status()).isEqualTo(403);

        fixture.admin().delete("/" + realm + "/partitions/" + north + "/administrators/" + lead).expectStatus(204);
        assertThat(asLead.get(northMachineUser).status()).isEqualTo(403);
    }

    @Test
    void editingAMachineUserGroupsAttributeGrantsNoPartition() throws Exception {
        fixture.admin().post("/" + realm + "/permission-sets", Map.of("name", "Plain", "roles", List.of())).expectStatus(201);
        String group = fixture.admin().post("/" + realm + "/machine-user-groups", Map.of("name", "North fleet",
                "partitions", List.of("/North"))).expectStatus(201).idFromLocation();
        JsonNode member = fixture.machineUsers().createWithKey("Fleet member");
        fixture.admin().put("/" + realm + "/machine-user-groups/" + group + "/members/" + member.path("id").asText(), Map.of())
                .expectStatus(204);

        usersAdmin.put("/" + realm + "/groups/" + group, Map.of("name", "North fleet", "attributes", Map.of(
                "machine-user-group", List.of("true"), "machine-user-group.partitions", List.of(north, south)))).expectStatus(204);

        assertThat(fixture.admin().get("/" + realm + "/machine-user-groups/" + group).json().path("partitions").toString())
                .isEqualTo("[\"/North\"]");
        TokenClient tokens = fixture.tokens();
        String token = tokens.clientCredentials(member.path("clientId").asText(), member.path("accessKey").path("secret").asText(),
                Method.BASIC).accessToken();
        JWTClaimsSet claims = tokens.verify(token);
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/North");
    }

    @Test
    void stockGroupAndRoleChangesOfAMachineUserLandInItsHistory() {
        String group = fixture.admin().post("/" + realm + "/machine-user-groups", Map.of("name", "Joined by hand"))
                .expectStatus(201).idFromLocation();
        JsonNode mu = fixture.machineUsers().createWithKey("Changed by hand");
        String id = mu.path("id").asText();
        String account = fixture.serviceAccountUserId(id);
        fixture.createRole("reports-reader", false);
        JsonNode role = fixture.admin().get("/" + realm + "/roles/reports-reader").expectStatus(200).json();

        usersAdmin.put("/" + realm + "/users/" + account + "/groups/" + group, Map.of()).expectStatus(204);
        usersAdmin.post("/" + realm + "/users/" + account + "/role-mappings/realm", List.of(role)).expectStatus(204);
        usersAdmin.delete("/" + realm + "/users/" + account + "/groups/" + group).expectStatus(204);

        JsonNode history = fixture.machineUsers().history(id).expectStatus(200).json();
        assertThat(history.get(0).path("action").asText()).isEqualTo("GROUP_LEFT");
        assertThat(history.get(1).path("action").asText()).isEqualTo("ROLE_GRANTED");
        assertThat(history.get(1).path("details").path("role").asText()).isEqualTo("reports-reader");
        assertThat(history.get(2).path("action").asText()).isEqualTo("GROUP_JOINED");
        assertThat(history.get(2).path("details").path("via").asText()).isEqualTo("users API");
    }

    @Test
    void aPartitionCannotBeMovedOrRenamedThroughTheGroupsApi() {
        String lead = fixture.admin().createUser(realm, "south-lead", "south-lead-pass-1");
        fixture.admin().put("/" + realm + "/partitions/" + south + "/administrators/" + lead, Map.of()).expectStatus(204);
        String east = fixture.createPartition("East", null);
        String eastMachineUser = fixture.machineUsers().create(Map.of("name", "East gateway", "partition", "/East"))
                .expectStatus(201).json().path("id").asText();

        // Moving East under South would put East's machine users into the South lead's reach.
        var moved = usersAdmin.post("/" + realm + "/groups/" + south + "/children", Map.of("id", east, "name", "East"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(400);
        assertThat(moved.body()).contains("/admin/realms/" + realm + "/partitions");
        var renamed = usersAdmin.put("/" + realm + "/groups/" + east, Map.of("name", "South-2"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(400);

        assertThat(fixture.admin().get("/" + realm + "/partitions/" + east).json().path("path").asText()).isEqualTo("/East");
        MachineUsersApi asLead = new MachineUsersApi(AdminApi.as(realm, "south-lead", "south-lead-pass-1"), realm);
        assertThat(asLead.get(eastMachineUser).status()).isEqualTo(403);
    }
}
