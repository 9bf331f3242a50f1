package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, case 1 (contract section 6): in the master realm, manage-machine-users must not be a
 * way to become server administrator. Master has no realm-management client; its administrative
 * roles are {@code admin}, {@code create-realm} and the roles of every {@code <realm>-realm} client.
 * A holder of only {@code master-realm/manage-machine-users} may give machine users ordinary roles,
 * and none of those.
 */
class MasterRealmEscalationIT {

    private static final String MASTER = "master";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String PASSWORD = "mu-manager-pass-1";

    private static AdminApi root;
    private static MachineUsersApi asRoot;
    private static MachineUsersApi manager;
    private static String managerId;
    private static final List<String> madeMachineUsers = new ArrayList<>();
    private static final List<String> madeSets = new ArrayList<>();
    private static final List<String> madeGroups = new ArrayList<>();
    private static final List<String> madeRoles = new ArrayList<>();

    @BeforeAll
    static void managerOfMaster() {
        root = AdminApi.forMaster();
        asRoot = new MachineUsersApi(root, MASTER);
        String username = "mu-manager-" + SUFFIX;
        managerId = root.createUser(MASTER, username, PASSWORD);
        String masterRealmClient = root.get("/master/clients?clientId=master-realm").expectStatus(200).json().path(0).path("id").asText();
        JsonNode role = root.get("/master/clients/" + masterRealmClient + "/roles/manage-machine-users").expectStatus(200).json();
        root.post("/master/users/" + managerId + "/role-mappings/clients/" + masterRealmClient, List.of(role)).expectStatus(204);
        manager = new MachineUsersApi(AdminApi.as(MASTER, username, PASSWORD), MASTER);
    }

    @AfterAll
    static void cleanUp() {
        // The master realm is shared by every test class of the run: leave it as it was.
        madeMachineUsers.forEach(id -> asRoot.delete(id));
        madeGroups.forEach(id -> root.delete("/master/machine-user-groups/" + id));
        madeSets.forEach(name -> root.delete("/master/permission-sets/" + name + "?force=true"));
        madeRoles.forEach(name -> root.delete("/master/roles/" + name));
        if (managerId != null) {
            root.delete("/master/users/" + managerId);
        }
    }

    @Test
    void aMasterMachineUserManagerCannotPutServerAdministrativeRolesIntoAPermissionSet() {
        String otherRealmClient = "master-realm";
        String composite = "ops-bundle-" + SUFFIX;
        root.post("/master/roles", Map.of("name", composite)).expectStatus(201);
        madeRoles.add(composite);
        JsonNode createRealm = root.get("/master/roles/create-realm").expectStatus(200).json();
        root.post("/master/roles/" + composite + "/composites", List.of(createRealm)).expectStatus(204);

        for (String roleReference : List.of("admin", "create-realm", otherRealmClient + "/manage-users",
                otherRealmClient + "/view-users", composite)) {
            String name = "escalate-" + SUFFIX + "-" + madeSets.size() + "-" + roleReference.hashCode();
            int status = manager.admin().post("/master/permission-sets", Map.of("name", name, "roles", List.of(roleReference))).status();
            if (status == 201) {
                madeSets.add(name);
            }
            assertThat(status).as("a set with %s", roleReference).isEqualTo(403);
        }
    }

    @Test
    void aMasterMachineUserManagerCannotGrantASetOrGroupThatHoldsAdmin() {
        String adminSet = "server-admins-" + SUFFIX;
        root.post("/master/permission-sets", Map.of("name", adminSet, "roles", List.of("admin"))).expectStatus(201);
        madeSets.add(adminSet);

        assertThat(manager.create(Map.of("name", "Escalator " + SUFFIX, "permissionSets", List.of(adminSet))).status())
                .isEqualTo(403);

        String id = manager.create(Map.of("name", "Plain " + SUFFIX)).expectStatus(201).json().path("id").asText();
        madeMachineUsers.add(id);
        assertThat(manager.admin().put("/master/machine-users/" + id + "/permission-sets/" + adminSet, Map.of()).status()).isEqualTo(403);

        assertThat(manager.admin().post("/master/machine-user-groups",
                Map.of("name", "escalating-" + SUFFIX, "permissionSets", List.of(adminSet))).status()).isEqualTo(403);

        // A group that the server administrator made with the admin set: joining it would grant admin.
        String group = root.post("/master/machine-user-groups", Map.of("name", "root-group-" + SUFFIX,
                "permissionSets", List.of(adminSet))).expectStatus(201).idFromLocation();
        madeGroups.add(group);
        assertThat(manager.admin().put("/master/machine-user-groups/" + group + "/members/" + id, Map.of()).status()).isEqualTo(403);
        assertThat(manager.create(Map.of("name", "Joiner " + SUFFIX, "groups", List.of(group))).status()).isEqualTo(403);

        JsonNode after = asRoot.get(id).expectStatus(200).json();
        assertThat(after.path("permissionSets")).isEmpty();
        assertThat(after.path("groups")).isEmpty();
    }

    @Test
    void aMachineUserMadeByAMasterManagerCannotCreateRealms() {
        String reader = "reader-" + SUFFIX;
        root.post("/master/roles", Map.of("name", reader)).expectStatus(201);
        madeRoles.add(reader);
        String set = "readers-" + SUFFIX;
        manager.admin().post("/master/permission-sets", Map.of("name", set, "roles", List.of(reader))).expectStatus(201);
        madeSets.add(set);
        JsonNode mu = manager.create(Map.of("name", "Reader " + SUFFIX, "permissionSets", List.of(set))).expectStatus(201).json();
        madeMachineUsers.add(mu.path("id").asText());

        String token = new TokenClient(KeycloakTestServer.get().baseUrl(), MASTER)
                .clientCredentials(mu.path("clientId").asText(), mu.path("accessKey").path("secret").asText(), Method.BASIC)
                .accessToken();
        assertThat(token).isNotNull();
        int status = AdminApi.withToken(token).post("", Map.of("realm", "forged-" + SUFFIX, "enabled", true)).status();
        assertThat(status).isEqualTo(403);
        assertThat(root.get("/forged-" + SUFFIX).status()).isEqualTo(404);
    }
}
