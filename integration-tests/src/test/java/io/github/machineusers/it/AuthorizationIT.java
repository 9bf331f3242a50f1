package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract section 4, "who may do what", with real users' admin tokens. */
class AuthorizationIT {

    private static RealmFixture fixture;
    private static String existing;
    private static String existingKey;
    private static MachineUsersApi manager;
    private static MachineUsersApi viewer;
    private static MachineUsersApi realmAdmin;
    private static MachineUsersApi nobody;
    private static MachineUsersApi clientManager;

    @BeforeAll
    static void users() {
        fixture = RealmFixture.create("authz");
        String realm = fixture.realm();
        AdminApi admin = fixture.admin();
        JsonNode mu = fixture.machineUsers().createWithKey("Protected");
        existing = mu.path("id").asText();
        existingKey = mu.path("accessKey").path("id").asText();
        admin.createUser(realm, "manager", "manager-pass-1", "manage-machine-users");
        admin.createUser(realm, "viewer", "viewer-pass-1", "view-machine-users");
        admin.createUser(realm, "boss", "boss-pass-1", "realm-admin");
        admin.createUser(realm, "nobody", "nobody-pass-1");
        admin.createUser(realm, "clients", "clients-pass-1", "manage-clients");
        manager = new MachineUsersApi(AdminApi.as(realm, "manager", "manager-pass-1"), realm);
        viewer = new MachineUsersApi(AdminApi.as(realm, "viewer", "viewer-pass-1"), realm);
        realmAdmin = new MachineUsersApi(AdminApi.as(realm, "boss", "boss-pass-1"), realm);
        nobody = new MachineUsersApi(AdminApi.as(realm, "nobody", "nobody-pass-1"), realm);
        clientManager = new MachineUsersApi(AdminApi.as(realm, "clients", "clients-pass-1"), realm);
    }

    @Test
    void rolesExistInNewRealmsAndRealmAdminIncludesThem() {
        JsonNode management = fixture.admin().get("/" + fixture.realm() + "/clients?clientId=realm-management").json().get(0);
        String id = management.path("id").asText();
        assertThat(fixture.admin().get("/" + fixture.realm() + "/clients/" + id + "/roles/manage-machine-users").status()).isEqualTo(200);
        assertThat(fixture.admin().get("/" + fixture.realm() + "/clients/" + id + "/roles/view-machine-users").status()).isEqualTo(200);
        JsonNode composites = fixture.admin().get("/" + fixture.realm() + "/clients/" + id + "/roles/realm-admin/composites").json();
        assertThat(composites.findValuesAsText("name")).contains("manage-machine-users", "view-machine-users");
    }

    @Test
    void managerMayDoEverything() {
        JsonNode mu = manager.create(Map.of("name", "By manager")).expectStatus(201).json();
        String id = mu.path("id").asText();
        assertThat(manager.update(id, Map.of("description", "x")).status()).isEqualTo(200);
        assertThat(manager.createKey(id, Map.of()).status()).isEqualTo(201);
        assertThat(manager.suspend(id, "test").status()).isEqualTo(200);
        assertThat(manager.resume(id).status()).isEqualTo(200);
        assertThat(manager.updatePolicy(Map.of("maxKeysPerMachineUser", 2)).status()).isEqualTo(200);
        assertThat(manager.get(id).json().path("access").path("manage").asBoolean()).isTrue();
        assertThat(manager.admin().get(manager.path("/access")).json().path("manageAll").asBoolean()).isTrue();
        assertThat(manager.delete(id).status()).isEqualTo(204);
        assertThat(realmAdmin.list("").status()).isEqualTo(200);
        assertThat(realmAdmin.create(Map.of("name", "By realm admin")).status()).isEqualTo(201);
    }

    @Test
    void viewerReadsEverythingButChangesNothingAndNeverSeesASecret() {
        assertThat(viewer.list("").status()).isEqualTo(200);
        assertThat(viewer.count("").status()).isEqualTo(200);
        assertThat(viewer.get(existing).status()).isEqualTo(200);
        assertThat(viewer.keys(existing).status()).isEqualTo(200);
        assertThat(viewer.keys(existing).body()).doesNotContain("secret");
        assertThat(viewer.history(existing).status()).isEqualTo(200);
        assertThat(viewer.usage(existing, 7).status()).isEqualTo(200);
        assertThat(viewer.policy().status()).isEqualTo(200);
        assertThat(viewer.get(existing).json().path("access").path("manage").asBoolean(true)).isFalse();
        assertThat(viewer.list("").json().get(0).path("access").path("view").asBoolean()).isTrue();
        JsonNode access = viewer.admin().get(viewer.path("/access")).expectStatus(200).json();
        assertThat(access.path("manageAll").asBoolean(true)).isFalse();
        assertThat(access.path("viewAll").asBoolean()).isTrue();
        assertThat(access.path("managedPartitions")).isEmpty();

        assertThat(viewer.create(Map.of("name", "Not allowed")).status()).isEqualTo(403);
        assertThat(viewer.update(existing, Map.of("name", "Renamed")).status()).isEqualTo(403);
        assertThat(viewer.createKey(existing, Map.of()).status()).isEqualTo(403);
        assertThat(viewer.updateKey(existing, existingKey, Map.of("status", "INACTIVE")).status()).isEqualTo(403);
        assertThat(viewer.replaceKey(existing, existingKey).status()).isEqualTo(403);
        assertThat(viewer.deleteKey(existing, existingKey).status()).isEqualTo(403);
        assertThat(viewer.suspend(existing, "no").status()).isEqualTo(403);
        assertThat(viewer.resume(existing).status()).isEqualTo(403);
        assertThat(viewer.updatePolicy(Map.of("maxKeysPerMachineUser", 5)).status()).isEqualTo(403);
        assertThat(viewer.delete(existing).status()).isEqualTo(403);

        JsonNode unchanged = fixture.machineUsers().get(existing).json();
        assertThat(unchanged.path("name").asText()).isEqualTo("Protected");
        assertThat(unchanged.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(fixture.machineUsers().keys(existing).json()).hasSize(1);
        assertThat(fixture.machineUsers().policy().json().path("maxKeysPerMachineUser").asInt()).isEqualTo(2);
    }

    @Test
    void withoutARoleEverythingIs403() {
        for (MachineUsersApi outsider : new MachineUsersApi[]{nobody, clientManager}) {
            assertThat(outsider.list("").status()).isEqualTo(403);
            assertThat(outsider.count("").status()).isEqualTo(403);
            assertThat(outsider.get(existing).status()).isEqualTo(403);
            assertThat(outsider.keys(existing).status()).isEqualTo(403);
            assertThat(outsider.history(existing).status()).isEqualTo(403);
            assertThat(outsider.policy().status()).isEqualTo(403);
            assertThat(outsider.create(Map.of("name", "Not allowed")).status()).isEqualTo(403);
            assertThat(outsider.delete(existing).status()).isEqualTo(403);
        }
        assertThat(fixture.machineUsers().get(existing).status()).isEqualTo(200);
    }

    @Test
    void anAdminOfAnotherRealmIsRefused() {
        RealmFixture other = RealmFixture.create("other");
        other.admin().createUser(other.realm(), "stranger", "stranger-pass-1", "realm-admin");
        MachineUsersApi stranger = new MachineUsersApi(AdminApi.as(other.realm(), "stranger", "stranger-pass-1"), fixture.realm());
        assertThat(stranger.list("").status()).isIn(401, 403);
        assertThat(stranger.get(existing).status()).isIn(401, 403);
    }
}
