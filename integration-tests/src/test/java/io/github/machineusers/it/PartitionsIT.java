package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docs/partitions-and-groups.md, "Partitions" and "Ownership": the partition tree as marked Keycloak
 * groups, machine users owned by a partition, listings by partition and the {@code partitions} claim.
 */
class PartitionsIT {

    /** What PUT /partitions/{id} answers: the spec is silent, the API's other PUTs answer 200 with the representation. */
    private static final int UPDATED = 200;

    private static RealmFixture fixture;
    private static AdminApi admin;
    private static MachineUsersApi machineUsers;
    private static String realm;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("partitions");
        fixture.enableAdminEvents();
        admin = fixture.admin();
        realm = fixture.realm();
        machineUsers = fixture.machineUsers();
    }

    private static String partitions(String relative) {
        return "/" + realm + "/partitions" + relative;
    }

    private static ApiResponse createPartition(String name, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return admin.post(partitions(""), body);
    }

    private static JsonNode partition(String id) {
        return admin.get(partitions("/" + id)).expectStatus(200).json();
    }

    private static ApiResponse movePartition(String id, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("parentId", parentId);
        return admin.put(partitions("/" + id), body);
    }

    private static ApiResponse moveMachineUser(String id, Object partition) {
        Map<String, Object> body = new HashMap<>();
        body.put("partition", partition);
        return machineUsers.update(id, body);
    }

    private static JsonNode createMachineUser(String name, String partition) {
        return machineUsers.create(Map.of("name", name, "partition", partition)).expectStatus(201).json();
    }

    private static String partitionOf(String machineUserId) {
        JsonNode mu = machineUsers.get(machineUserId).expectStatus(200).json();
        return mu.has("partition") ? mu.path("partition").asText() : null;
    }

    /** A query parameter value, with spaces as %20 rather than '+'. */
    private static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JWTClaimsSet token(JsonNode machineUser) {
        TokenClient.Result result = fixture.tokens().clientCredentials(machineUser.path("clientId").asText(),
                machineUser.path("accessKey").path("secret").asText(), Method.BASIC);
        assertThat(result.ok()).as(result.rawBody()).isTrue();
        return fixture.tokens().verify(result.accessToken());
    }

    private static String accessToken(JsonNode machineUser) {
        TokenClient.Result result = fixture.tokens().clientCredentials(machineUser.path("clientId").asText(),
                machineUser.path("accessKey").path("secret").asText(), Method.BASIC);
        assertThat(result.ok()).as(result.rawBody()).isTrue();
        return result.accessToken();
    }

    private static List<String> strings(Object claim) {
        assertThat(claim).as("claim").isInstanceOf(List.class);
        return ((List<?>) claim).stream().map(String::valueOf).toList();
    }

    // ---------------------------------------------------------------- the tree

    @Test
    void createListSearchCountAndGetInAFreshRealm() {
        RealmFixture own = RealmFixture.create("partition-tree");
        AdminApi ownAdmin = own.admin();
        String base = "/" + own.realm() + "/partitions";

        ApiResponse munichCreated = ownAdmin.post(base, Map.of("name", "Plant Munich"));
        assertThat(munichCreated.status()).as(munichCreated.body()).isEqualTo(201);
        String munich = munichCreated.idFromLocation();
        assertThat(munichCreated.location()).endsWith("/admin/realms/" + own.realm() + "/partitions/" + munich);
        String hamburg = ownAdmin.post(base, Map.of("name", "Plant Hamburg")).expectStatus(201).idFromLocation();
        ApiResponse hallCreated = ownAdmin.post(base, Map.of("name", "Hall 3", "parentId", hamburg));
        assertThat(hallCreated.status()).as(hallCreated.body()).isEqualTo(201);
        String hall = hallCreated.idFromLocation();

        JsonNode top = ownAdmin.get(base + "/" + munich).expectStatus(200).json();
        assertThat(top.path("id").asText()).isEqualTo(munich);
        assertThat(top.path("name").asText()).isEqualTo("Plant Munich");
        assertThat(top.path("path").asText()).isEqualTo("/Plant Munich");
        assertThat(top.has("parentId")).as("a top-level partition has no parentId: " + top).isFalse();
        assertThat(top.path("machineUsers").asLong()).isZero();

        JsonNode sub = ownAdmin.get(base + "/" + hall).expectStatus(200).json();
        assertThat(sub.path("id").asText()).isEqualTo(hall);
        assertThat(sub.path("name").asText()).isEqualTo("Hall 3");
        assertThat(sub.path("parentId").asText()).isEqualTo(hamburg);
        assertThat(sub.path("path").asText()).isEqualTo("/Plant Hamburg/Hall 3");
        assertThat(sub.path("machineUsers").asLong()).isZero();

        JsonNode all = ownAdmin.get(base).expectStatus(200).json();
        assertThat(all.findValuesAsText("path")).containsExactly("/Plant Hamburg", "/Plant Hamburg/Hall 3", "/Plant Munich");
        assertThat(all.findValuesAsText("id")).containsExactly(hamburg, hall, munich);
        assertThat(ownAdmin.get(base + "/count").expectStatus(200).json().asLong()).isEqualTo(3);

        assertThat(ownAdmin.get(base + "?search=Hall").expectStatus(200).json().findValuesAsText("path"))
                .containsExactly("/Plant Hamburg/Hall 3");
        assertThat(ownAdmin.get(base + "/count?search=Hall").expectStatus(200).json().asLong()).isEqualTo(1);
        assertThat(ownAdmin.get(base + "?search=Plant").json().findValuesAsText("path"))
                .containsExactly("/Plant Hamburg", "/Plant Munich");
        assertThat(ownAdmin.get(base + "/count?search=Plant").json().asLong()).isEqualTo(2);
        assertThat(ownAdmin.get(base + "?search=nothing-like-this").json()).isEmpty();
        assertThat(ownAdmin.get(base + "?first=1&max=1").expectStatus(200).json().findValuesAsText("path"))
                .containsExactly("/Plant Hamburg/Hall 3");

        // A machine user owned by the sub-partition counts there only (directly owned).
        own.machineUsers().create(Map.of("name", "Hall sensor", "partition", "/Plant Hamburg/Hall 3")).expectStatus(201);
        assertThat(ownAdmin.get(base + "/" + hall).json().path("machineUsers").asLong()).isEqualTo(1);
        assertThat(ownAdmin.get(base + "/" + hamburg).json().path("machineUsers").asLong()).isZero();

        // Natively a marked Keycloak group with its subgroup.
        JsonNode group = ownAdmin.get("/" + own.realm() + "/groups/" + hall).expectStatus(200).json();
        assertThat(group.path("path").asText()).isEqualTo("/Plant Hamburg/Hall 3");
        assertThat(group.path("attributes").path("machine-user-partition").toString()).isEqualTo("[\"true\"]");
    }

    @Test
    void invalidCreatesAreRefusedAndCreateNothing() {
        String depot = createPartition("Depot", null).expectStatus(201).idFromLocation();
        long before = admin.get(partitions("/count")).json().asLong();
        String plainGroup = admin.post("/" + realm + "/groups", Map.of("name", "Plain group")).expectStatus(201).idFromLocation();

        assertThat(createPartition("Depot", null).status()).as("same name at the same level").isEqualTo(409);
        assertThat(admin.post(partitions(""), Map.of("description", "no name")).status()).isEqualTo(400);
        assertThat(createPartition("  ", null).status()).isEqualTo(400);
        assertThat(createPartition("a/b", null).status()).isEqualTo(400);
        assertThat(createPartition("Orphan", "00000000-0000-0000-0000-000000000000").status()).isEqualTo(400);
        assertThat(createPartition("Under a plain group", plainGroup).status()).isEqualTo(400);
        assertThat(admin.postRaw(partitions(""), "{\"name\":", "application/json").status()).isEqualTo(400);

        assertThat(admin.get(partitions("/count")).json().asLong()).isEqualTo(before);
        assertThat(partition(depot).path("path").asText()).isEqualTo("/Depot");
        assertThat(admin.get("/" + realm + "/groups/" + plainGroup + "/children").json()).isEmpty();
    }

    @Test
    void unknownPartitionAnswers404() {
        assertThat(admin.get(partitions("/00000000-0000-0000-0000-000000000000")).status()).isEqualTo(404);
        String plainGroup = admin.post("/" + realm + "/groups", Map.of("name", "Not a partition")).expectStatus(201).idFromLocation();
        assertThat(admin.get(partitions("/" + plainGroup)).status()).isEqualTo(404);
    }

    @Test
    void renamingAndMovingAPartitionCarriesThePathsOfItsMachineUsers() {
        String north = createPartition("Site North", null).expectStatus(201).idFromLocation();
        String south = createPartition("Site South", null).expectStatus(201).idFromLocation();
        String hall = createPartition("Hall 1", north).expectStatus(201).idFromLocation();
        String muId = createMachineUser("North hall sensor", "/Site North/Hall 1").path("id").asText();

        ApiResponse renamed = admin.put(partitions("/" + hall), Map.of("name", "Hall 2"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(UPDATED);
        assertThat(partition(hall).path("path").asText()).isEqualTo("/Site North/Hall 2");
        assertThat(partition(hall).path("parentId").asText()).isEqualTo(north);
        assertThat(partitionOf(muId)).isEqualTo("/Site North/Hall 2");

        ApiResponse moved = movePartition(hall, south);
        assertThat(moved.status()).as(moved.body()).isEqualTo(UPDATED);
        JsonNode afterMove = partition(hall);
        assertThat(afterMove.path("path").asText()).isEqualTo("/Site South/Hall 2");
        assertThat(afterMove.path("parentId").asText()).isEqualTo(south);
        assertThat(afterMove.path("name").asText()).isEqualTo("Hall 2");
        assertThat(partitionOf(muId)).isEqualTo("/Site South/Hall 2");
        assertThat(machineUsers.list("partition=" + q("/Site South/Hall 2")).expectStatus(200).json().findValuesAsText("id"))
                .containsExactly(muId);

        ApiResponse toTop = movePartition(hall, null);
        assertThat(toTop.status()).as(toTop.body()).isEqualTo(UPDATED);
        JsonNode topLevel = partition(hall);
        assertThat(topLevel.path("path").asText()).isEqualTo("/Hall 2");
        assertThat(topLevel.has("parentId")).as(topLevel.toString()).isFalse();
        assertThat(partitionOf(muId)).isEqualTo("/Hall 2");

        ApiResponse both = admin.put(partitions("/" + hall), Map.of("name", "Hall 7", "parentId", north));
        assertThat(both.status()).as(both.body()).isEqualTo(UPDATED);
        assertThat(partition(hall).path("path").asText()).isEqualTo("/Site North/Hall 7");
        assertThat(partitionOf(muId)).isEqualTo("/Site North/Hall 7");
        assertThat(admin.get(partitions("")).json().findValuesAsText("path"))
                .contains("/Site North", "/Site North/Hall 7", "/Site South")
                .doesNotContain("/Hall 2", "/Site South/Hall 2", "/Site North/Hall 1");
    }

    @Test
    void aPartitionCannotMoveUnderItselfOrItsDescendants() {
        String root = createPartition("Campus", null).expectStatus(201).idFromLocation();
        String child = createPartition("Building", root).expectStatus(201).idFromLocation();
        String grandchild = createPartition("Floor", child).expectStatus(201).idFromLocation();

        ApiResponse underItself = movePartition(root, root);
        assertThat(underItself.status()).as(underItself.body()).isEqualTo(400);
        assertThat(underItself.json().path("errorMessage").asText()).isNotBlank();
        assertThat(movePartition(root, grandchild).status()).isEqualTo(400);
        assertThat(movePartition(child, grandchild).status()).isEqualTo(400);

        assertThat(partition(root).path("path").asText()).isEqualTo("/Campus");
        assertThat(partition(root).has("parentId")).isFalse();
        assertThat(partition(child).path("path").asText()).isEqualTo("/Campus/Building");
        assertThat(partition(grandchild).path("path").asText()).isEqualTo("/Campus/Building/Floor");
    }

    @Test
    void deleteIsRefusedWhileThePartitionOrASubPartitionOwnsMachineUsers() {
        String warehouse = createPartition("Warehouse", null).expectStatus(201).idFromLocation();
        String dock = createPartition("Dock", warehouse).expectStatus(201).idFromLocation();
        String depot = createPartition("Loading depot", null).expectStatus(201).idFromLocation();
        String inDock = createMachineUser("Dock scanner", "/Warehouse/Dock").path("id").asText();
        String inDepot = createMachineUser("Depot scanner", depot).path("id").asText();
        long before = admin.get(partitions("/count")).json().asLong();

        ApiResponse refused = admin.delete(partitions("/" + warehouse));
        assertThat(refused.status()).as(refused.body()).isEqualTo(409);
        assertThat(refused.json().path("errorMessage").asText()).isNotBlank();
        assertThat(admin.delete(partitions("/" + dock)).status()).isEqualTo(409);
        assertThat(admin.delete(partitions("/" + depot)).status()).isEqualTo(409);

        assertThat(admin.get(partitions("/count")).json().asLong()).isEqualTo(before);
        assertThat(admin.get(partitions("/" + warehouse)).status()).isEqualTo(200);
        assertThat(partition(dock).path("path").asText()).isEqualTo("/Warehouse/Dock");
        assertThat(partition(depot).path("machineUsers").asLong()).isEqualTo(1);
        assertThat(partitionOf(inDock)).isEqualTo("/Warehouse/Dock");
        assertThat(partitionOf(inDepot)).isEqualTo("/Loading depot");

        // Once the machine user has moved to the root, the subtree goes as a whole.
        moveMachineUser(inDock, null).expectStatus(200);
        assertThat(admin.delete(partitions("/" + warehouse)).status()).isEqualTo(204);
        assertThat(admin.get(partitions("/" + warehouse)).status()).isEqualTo(404);
        assertThat(admin.get(partitions("/" + dock)).status()).isEqualTo(404);
        assertThat(admin.get(partitions("/count")).json().asLong()).isEqualTo(before - 2);
        assertThat(machineUsers.get(inDock).status()).isEqualTo(200);
        assertThat(partitionOf(inDock)).isNull();
    }

    @Test
    void anEmptyPartitionIsDeletedWithItsSubPartitions() {
        String archive = createPartition("Archive", null).expectStatus(201).idFromLocation();
        String shelf = createPartition("Shelf", archive).expectStatus(201).idFromLocation();
        String box = createPartition("Box", shelf).expectStatus(201).idFromLocation();
        long before = admin.get(partitions("/count")).json().asLong();

        assertThat(admin.delete(partitions("/" + archive)).status()).isEqualTo(204);

        assertThat(admin.get(partitions("/" + archive)).status()).isEqualTo(404);
        assertThat(admin.get(partitions("/" + shelf)).status()).isEqualTo(404);
        assertThat(admin.get(partitions("/" + box)).status()).isEqualTo(404);
        assertThat(admin.get(partitions("/count")).json().asLong()).isEqualTo(before - 3);
        assertThat(admin.get("/" + realm + "/groups/" + archive).status()).isEqualTo(404);
        assertThat(admin.delete(partitions("/" + archive)).status()).isEqualTo(404);
    }

    // ---------------------------------------------------------------- ownership

    @Test
    void machineUsersAreCreatedInAPartitionByPathOrById() {
        String fleet = createPartition("Fleet", null).expectStatus(201).idFromLocation();
        String trucks = createPartition("Trucks", fleet).expectStatus(201).idFromLocation();

        ApiResponse byPath = machineUsers.create(Map.of("name", "Truck 1", "partition", "/Fleet/Trucks"));
        assertThat(byPath.status()).as(byPath.body()).isEqualTo(201);
        assertThat(byPath.json().path("partition").asText()).isEqualTo("/Fleet/Trucks");
        ApiResponse byId = machineUsers.create(Map.of("name", "Truck 2", "partition", trucks));
        assertThat(byId.status()).as(byId.body()).isEqualTo(201);
        assertThat(byId.json().path("partition").asText()).isEqualTo("/Fleet/Trucks");
        JsonNode atRoot = machineUsers.create(Map.of("name", "Not in a partition")).expectStatus(201).json();
        assertThat(atRoot.has("partition")).as(atRoot.toString()).isFalse();

        assertThat(partitionOf(byPath.json().path("id").asText())).isEqualTo("/Fleet/Trucks");
        assertThat(partitionOf(byId.json().path("id").asText())).isEqualTo("/Fleet/Trucks");
        assertThat(partitionOf(atRoot.path("id").asText())).isNull();
        assertThat(partition(trucks).path("machineUsers").asLong()).isEqualTo(2);
        assertThat(partition(fleet).path("machineUsers").asLong()).isZero();
    }

    @Test
    void anUnknownPartitionOnCreateIsRefusedAndCreatesNothing() {
        createPartition("Known", null).expectStatus(201);
        admin.post("/" + realm + "/groups", Map.of("name", "Ordinary group")).expectStatus(201);
        long before = machineUsers.count("").json().asLong();

        for (Object unknown : List.of("/No such partition", "/Known/Unknown child", "00000000-0000-0000-0000-000000000000",
                "/Ordinary group")) {
            ApiResponse refused = machineUsers.create(Map.of("name", "Homeless", "partition", unknown));
            assertThat(refused.status()).as(unknown + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errorMessage").asText()).contains("partition");
        }
        assertThat(machineUsers.create(Map.of("name", "Typed", "partition", 42)).status()).isEqualTo(400);

        assertThat(machineUsers.count("").json().asLong()).isEqualTo(before);
        assertThat(machineUsers.list("search=Homeless").json()).isEmpty();
    }

    @Test
    void listingAndCountingByPartitionExactOrWithTheSubtree() {
        String east = createPartition("Region East", null).expectStatus(201).idFromLocation();
        createPartition("Office 1", east).expectStatus(201);
        createPartition("Region West", null).expectStatus(201);
        String inEast = createMachineUser("East gateway", "/Region East").path("id").asText();
        String office1 = createMachineUser("East office printer", "/Region East/Office 1").path("id").asText();
        String office2 = createMachineUser("East office scanner", "/Region East/Office 1").path("id").asText();
        createMachineUser("West gateway", "/Region West");
        machineUsers.create(Map.of("name", "East at root")).expectStatus(201);

        String exact = "partition=" + q("/Region East");
        assertThat(machineUsers.list(exact).expectStatus(200).json().findValuesAsText("id")).containsExactly(inEast);
        assertThat(machineUsers.count(exact).expectStatus(200).json().asLong()).isEqualTo(1);
        assertThat(machineUsers.list(exact + "&includeSubPartitions=false").json().findValuesAsText("id")).containsExactly(inEast);

        String subtree = exact + "&includeSubPartitions=true";
        assertThat(machineUsers.list(subtree).expectStatus(200).json().findValuesAsText("id")).containsExactly(office2, office1, inEast);
        assertThat(machineUsers.count(subtree).expectStatus(200).json().asLong()).isEqualTo(3);
        assertThat(machineUsers.list(subtree + "&search=east%20office").json().findValuesAsText("id")).containsExactly(office2, office1);
        assertThat(machineUsers.count(subtree + "&search=east%20office").json().asLong()).isEqualTo(2);
        assertThat(machineUsers.list(subtree + "&first=1&max=1").json().findValuesAsText("id")).containsExactly(office1);

        String office = "partition=" + q("/Region East/Office 1");
        assertThat(machineUsers.list(office).json().findValuesAsText("id")).containsExactly(office2, office1);
        assertThat(machineUsers.count(office).json().asLong()).isEqualTo(2);
        assertThat(machineUsers.list(office + "&includeSubPartitions=true").json().findValuesAsText("id")).containsExactly(office2, office1);

        // Every listed machine user shows its partition as the path.
        assertThat(machineUsers.list(subtree).json().findValuesAsText("partition"))
                .containsExactly("/Region East/Office 1", "/Region East/Office 1", "/Region East");
    }

    @Test
    void anUnknownPartitionFilterAnswers400() {
        admin.post("/" + realm + "/groups", Map.of("name", "Group not partition")).expectStatus(201);
        for (String unknown : List.of("/No such region", "/Group not partition")) {
            String query = "partition=" + q(unknown);
            ApiResponse list = machineUsers.list(query);
            assertThat(list.status()).as(unknown + ": " + list.body()).isEqualTo(400);
            assertThat(list.json().path("errorMessage").asText()).contains("partition");
            assertThat(machineUsers.count(query).status()).isEqualTo(400);
            assertThat(machineUsers.list(query + "&includeSubPartitions=true").status()).isEqualTo(400);
            assertThat(machineUsers.count(query + "&includeSubPartitions=true").status()).isEqualTo(400);
        }
    }

    @Test
    void movingAMachineUserByPutIsRecordedInHistoryAndAsAdminEvent() {
        String yard = createPartition("Yard", null).expectStatus(201).idFromLocation();
        String bay = createPartition("Bay", yard).expectStatus(201).idFromLocation();
        JsonNode mu = machineUsers.createWithKey("Yard crane");
        String id = mu.path("id").asText();
        assertThat(mu.has("partition")).isFalse();

        ApiResponse toBay = moveMachineUser(id, "/Yard/Bay");
        assertThat(toBay.status()).as(toBay.body()).isEqualTo(200);
        assertThat(toBay.json().path("partition").asText()).isEqualTo("/Yard/Bay");
        assertThat(partitionOf(id)).isEqualTo("/Yard/Bay");
        assertThat(partition(bay).path("machineUsers").asLong()).isEqualTo(1);

        JsonNode history = machineUsers.history(id).expectStatus(200).json();
        assertThat(history.get(0).path("action").asText()).isEqualTo("UPDATED");
        assertThat(history.get(0).path("details").has("partition")).as(history.get(0).toString()).isTrue();
        assertThat(history.get(0).path("details").path("partition").toString()).contains("/Yard/Bay");
        assertThat(history.get(0).path("actorUsername").asText()).isEqualTo("admin");

        JsonNode events = admin.get("/" + realm + "/admin-events?max=1000").expectStatus(200).json();
        boolean moveEvent = false;
        for (JsonNode event : events) {
            if (("machine-users/" + id).equals(event.path("resourcePath").asText())
                    && "UPDATE".equals(event.path("operationType").asText())
                    && event.path("representation").asText().contains("/Yard/Bay")) {
                moveEvent = true;
            }
        }
        assertThat(moveEvent).as("an UPDATE admin event for machine-users/" + id + " showing the new partition: " + events).isTrue();

        ApiResponse byId = moveMachineUser(id, yard);
        assertThat(byId.status()).as(byId.body()).isEqualTo(200);
        assertThat(byId.json().path("partition").asText()).isEqualTo("/Yard");

        ApiResponse toRoot = moveMachineUser(id, null);
        assertThat(toRoot.status()).as(toRoot.body()).isEqualTo(200);
        assertThat(toRoot.json().has("partition")).as(toRoot.body()).isFalse();
        assertThat(partitionOf(id)).isNull();
        assertThat(machineUsers.history(id).json().get(0).path("action").asText()).isEqualTo("UPDATED");

        moveMachineUser(id, "/Yard/Bay").expectStatus(200);
        ApiResponse emptyToRoot = moveMachineUser(id, "");
        assertThat(emptyToRoot.status()).as(emptyToRoot.body()).isEqualTo(200);
        assertThat(partitionOf(id)).isNull();

        // A field left out keeps the partition.
        moveMachineUser(id, "/Yard").expectStatus(200);
        machineUsers.update(id, Map.of("description", "moves containers")).expectStatus(200);
        assertThat(partitionOf(id)).isEqualTo("/Yard");
    }

    @Test
    void movingToTheRootIsRecordedWithThePartitionInDetails() {
        createPartition("Pier", null).expectStatus(201);
        String id = createMachineUser("Pier crane", "/Pier").path("id").asText();

        moveMachineUser(id, null).expectStatus(200);

        JsonNode entry = machineUsers.history(id).expectStatus(200).json().get(0);
        assertThat(entry.path("action").asText()).isEqualTo("UPDATED");
        // The entry names what changed: the partition, now null (the realm root).
        assertThat(entry.path("details").has("partition")).as(entry.toString()).isTrue();
        assertThat(entry.path("details").path("partition").isNull()).as(entry.toString()).isTrue();
    }

    @Test
    void anUnknownPartitionOnUpdateIsRefusedAndChangesNothing() {
        createPartition("Quay", null).expectStatus(201);
        String id = createMachineUser("Quay crane", "/Quay").path("id").asText();
        String history = machineUsers.history(id).body();

        ApiResponse refused = moveMachineUser(id, "/Nowhere");
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().path("errorMessage").asText()).contains("partition");
        assertThat(moveMachineUser(id, "00000000-0000-0000-0000-000000000000").status()).isEqualTo(400);
        assertThat(moveMachineUser(id, List.of("/Quay")).status()).isEqualTo(400);

        assertThat(partitionOf(id)).isEqualTo("/Quay");
        assertThat(machineUsers.history(id).body()).isEqualTo(history);
    }

    // ---------------------------------------------------------------- token claim

    @Test
    void thePartitionsClaimNamesTheOwnerPartitionInTokenAndIntrospection() throws Exception {
        RealmFixture.ResourceServer plantApi = fixture.resourceServer("plant-api");
        String plant = createPartition("Plant X", null).expectStatus(201).idFromLocation();
        String line = createPartition("Line 2", plant).expectStatus(201).idFromLocation();
        JsonNode owned = createMachineUser("Line 2 robot", "/Plant X/Line 2");
        String id = owned.path("id").asText();
        fixture.grant(id, plantApi, "read");
        JsonNode rootOwned = machineUsers.createWithKey("Root robot");

        JWTClaimsSet claims = token(owned);
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/Plant X/Line 2");
        assertThat(token(rootOwned).getStringListClaim("partitions")).as("root, no groups: []").isNotNull().isEmpty();

        var introspection = fixture.tokens().introspect(accessToken(owned), plantApi.clientId(), plantApi.secret());
        assertThat(introspection.isActive()).isTrue();
        assertThat(strings(introspection.toJSONObject().get("partitions"))).containsExactly("/Plant X/Line 2");

        // Moving the machine user, or renaming its partition, shows on the next token.
        moveMachineUser(id, "/Plant X").expectStatus(200);
        assertThat(token(owned).getStringListClaim("partitions")).containsExactly("/Plant X");
        admin.put(partitions("/" + plant), Map.of("name", "Plant Y")).expectStatus(UPDATED);
        assertThat(token(owned).getStringListClaim("partitions")).containsExactly("/Plant Y");
        moveMachineUser(id, line).expectStatus(200);
        assertThat(token(owned).getStringListClaim("partitions")).containsExactly("/Plant Y/Line 2");
        var moved = fixture.tokens().introspect(accessToken(owned), plantApi.clientId(), plantApi.secret());
        assertThat(strings(moved.toJSONObject().get("partitions"))).containsExactly("/Plant Y/Line 2");
    }
}
