package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
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
 * docs/partitions-and-groups.md, "Machine-user groups" and "Token claims": groups of machine users
 * that carry permission sets and partition grants into every member's next token.
 */
class MachineUserGroupsIT {

    /** What PUT /machine-user-groups/{id} answers: the spec is silent, the API's other PUTs answer 200 with the representation. */
    private static final int UPDATED = 200;

    private static RealmFixture fixture;
    private static AdminApi admin;
    private static MachineUsersApi machineUsers;
    private static String realm;
    private static RealmFixture.ResourceServer fleetApi;
    private static String siteA;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("mu-groups");
        fixture.enableAdminEvents();
        admin = fixture.admin();
        realm = fixture.realm();
        machineUsers = fixture.machineUsers();
        fleetApi = fixture.resourceServer("fleet-api");
        fixture.createRole("telemetry:read", true);
        fixture.createRole("telemetry:write", false);
        fixture.createRole("billing:read", true);
        createSet("Operator", "telemetry:read", "telemetry:write", "fleet-api/read");
        createSet("Billing", "billing:read");
        createSet("Auditor", "telemetry:read", "fleet-api/read");
        siteA = fixture.createPartition("Site A", null);
        fixture.createPartition("Hall 1", siteA);
        fixture.createPartition("Site B", null);
    }

    private static void createSet(String name, String... roles) {
        admin.post("/" + realm + "/permission-sets", Map.of("name", name, "roles", List.of(roles))).expectStatus(201);
    }

    private static String groups(String relative) {
        return "/" + realm + "/machine-user-groups" + relative;
    }

    private static ApiResponse createGroup(Map<String, Object> body) {
        return admin.post(groups(""), body);
    }

    private static String group(String name, List<String> permissionSets, List<String> partitions) {
        return createGroup(Map.of("name", name, "permissionSets", permissionSets, "partitions", partitions))
                .expectStatus(201).idFromLocation();
    }

    private static JsonNode getGroup(String id) {
        return admin.get(groups("/" + id)).expectStatus(200).json();
    }

    private static ApiResponse addMember(String groupId, String machineUserId) {
        return admin.put(groups("/" + groupId + "/members/" + machineUserId), Map.of());
    }

    private static ApiResponse removeMember(String groupId, String machineUserId) {
        return admin.delete(groups("/" + groupId + "/members/" + machineUserId));
    }

    private static long groupCount() {
        return admin.get(groups("/count")).expectStatus(200).json().asLong();
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(node -> values.add(node.asText()));
        return values;
    }

    private static String accessToken(JsonNode machineUser) {
        TokenClient.Result result = fixture.tokens().clientCredentials(machineUser.path("clientId").asText(),
                machineUser.path("accessKey").path("secret").asText(), Method.BASIC);
        assertThat(result.ok()).as(result.rawBody()).isTrue();
        return result.accessToken();
    }

    private static JWTClaimsSet token(JsonNode machineUser) {
        return fixture.tokens().verify(accessToken(machineUser));
    }

    @SuppressWarnings("unchecked")
    private static List<String> realmRoles(JWTClaimsSet claims) throws Exception {
        return (List<String>) claims.getJSONObjectClaim("realm_access").get("roles");
    }

    private static List<String> strings(Object claim) {
        assertThat(claim).as("claim").isInstanceOf(List.class);
        return ((List<?>) claim).stream().map(String::valueOf).toList();
    }

    // ---------------------------------------------------------------- the group resource

    @Test
    void createReadUpdateAndDelete() {
        long before = groupCount();

        ApiResponse created = createGroup(Map.of("name", "Dispatchers", "description", "night shift",
                "permissionSets", List.of("Operator"), "partitions", List.of("/Site B", siteA)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.idFromLocation();
        assertThat(created.location()).endsWith("/admin/realms/" + realm + "/machine-user-groups/" + id);
        JsonNode read = getGroup(id);
        assertThat(read.path("id").asText()).isEqualTo(id);
        assertThat(read.path("name").asText()).isEqualTo("Dispatchers");
        assertThat(read.path("description").asText()).isEqualTo("night shift");
        assertThat(texts(read.path("permissionSets"))).containsExactly("Operator");
        assertThat(texts(read.path("partitions"))).containsExactlyInAnyOrder("/Site A", "/Site B");
        assertThat(read.path("members").asLong()).isZero();
        assertThat(groupCount()).isEqualTo(before + 1);
        assertThat(admin.get(groups("?search=Dispatch")).expectStatus(200).json().findValuesAsText("id")).containsExactly(id);
        assertThat(admin.get(groups("")).json().findValuesAsText("name")).contains("Dispatchers");

        // Natively a marked Keycloak group whose realm role mappings are its permission sets.
        JsonNode native_ = admin.get("/" + realm + "/groups/" + id).expectStatus(200).json();
        assertThat(native_.path("attributes").path("machine-user-group").toString()).isEqualTo("[\"true\"]");
        assertThat(admin.get("/" + realm + "/groups/" + id + "/role-mappings/realm").json().findValuesAsText("name"))
                .containsExactly("Operator");
        // Neither list shows the other kind of group.
        assertThat(admin.get("/" + realm + "/partitions").json().findValuesAsText("name")).doesNotContain("Dispatchers");
        assertThat(admin.get(groups("")).json().findValuesAsText("name")).doesNotContain("Site A", "Site B", "Hall 1");

        ApiResponse described = admin.put(groups("/" + id), Map.of("description", "day shift"));
        assertThat(described.status()).as(described.body()).isEqualTo(UPDATED);
        JsonNode afterDescription = getGroup(id);
        assertThat(afterDescription.path("description").asText()).isEqualTo("day shift");
        assertThat(afterDescription.path("name").asText()).isEqualTo("Dispatchers");
        assertThat(texts(afterDescription.path("permissionSets"))).containsExactly("Operator");
        assertThat(texts(afterDescription.path("partitions"))).containsExactlyInAnyOrder("/Site A", "/Site B");

        ApiResponse replaced = admin.put(groups("/" + id), Map.of("permissionSets", List.of("Billing", "Auditor"),
                "partitions", List.of("/Site A/Hall 1")));
        assertThat(replaced.status()).as(replaced.body()).isEqualTo(UPDATED);
        JsonNode afterReplace = getGroup(id);
        assertThat(texts(afterReplace.path("permissionSets"))).containsExactlyInAnyOrder("Billing", "Auditor");
        assertThat(texts(afterReplace.path("partitions"))).containsExactly("/Site A/Hall 1");
        assertThat(afterReplace.path("description").asText()).isEqualTo("day shift");

        ApiResponse renamed = admin.put(groups("/" + id), Map.of("name", "Day dispatchers"));
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(UPDATED);
        assertThat(getGroup(id).path("name").asText()).isEqualTo("Day dispatchers");
        assertThat(texts(getGroup(id).path("permissionSets"))).containsExactlyInAnyOrder("Billing", "Auditor");

        Map<String, Object> clear = new HashMap<>();
        clear.put("permissionSets", List.of());
        clear.put("partitions", List.of());
        admin.put(groups("/" + id), clear).expectStatus(UPDATED);
        assertThat(getGroup(id).path("permissionSets").size()).isZero();
        assertThat(getGroup(id).path("partitions").size()).isZero();

        JsonNode member = machineUsers.createWithKey("Member of a deleted group");
        addMember(id, member.path("id").asText()).expectStatus(204);

        assertThat(admin.delete(groups("/" + id)).status()).isEqualTo(204);
        assertThat(admin.get(groups("/" + id)).status()).isEqualTo(404);
        assertThat(admin.get("/" + realm + "/groups/" + id).status()).isEqualTo(404);
        assertThat(groupCount()).isEqualTo(before);
        assertThat(texts(machineUsers.get(member.path("id").asText()).json().path("groups"))).isEmpty();
        assertThat(admin.delete(groups("/" + id)).status()).isEqualTo(404);
    }

    @Test
    void aDuplicateNameAnswers409AndCreatesNothing() {
        String first = group("Loaders", List.of("Billing"), List.of());
        long before = groupCount();

        ApiResponse duplicate = createGroup(Map.of("name", "Loaders", "permissionSets", List.of("Operator")));

        assertThat(duplicate.status()).as(duplicate.body()).isEqualTo(409);
        assertThat(duplicate.json().path("errorMessage").asText()).contains("Loaders");
        assertThat(groupCount()).isEqualTo(before);
        assertThat(texts(getGroup(first).path("permissionSets"))).containsExactly("Billing");

        String other = group("Unloaders", List.of(), List.of());
        assertThat(admin.put(groups("/" + other), Map.of("name", "Loaders")).status()).isEqualTo(409);
        assertThat(getGroup(other).path("name").asText()).isEqualTo("Unloaders");
    }

    @Test
    void unknownSetsOrPartitionsAnswer400AndCreateNothing() {
        long before = groupCount();

        ApiResponse unknownSet = createGroup(Map.of("name", "Ghosts", "permissionSets", List.of("Operator", "NoSuchSet")));
        assertThat(unknownSet.status()).as(unknownSet.body()).isEqualTo(400);
        assertThat(unknownSet.json().path("errorMessage").asText()).contains("NoSuchSet");

        ApiResponse unknownPartition = createGroup(Map.of("name", "Ghosts", "partitions", List.of("/Site A", "/Nowhere")));
        assertThat(unknownPartition.status()).as(unknownPartition.body()).isEqualTo(400);
        assertThat(unknownPartition.json().path("errorMessage").asText()).contains("/Nowhere");

        assertThat(createGroup(Map.of("name", "Ghosts", "partitions", List.of("00000000-0000-0000-0000-000000000000"))).status())
                .isEqualTo(400);
        assertThat(createGroup(Map.of("name", "Ghosts", "permissionSets", List.of("telemetry:read"))).status())
                .as("a plain role is not a permission set").isEqualTo(400);
        admin.post("/" + realm + "/groups", Map.of("name", "Plain group")).expectStatus(201);
        assertThat(createGroup(Map.of("name", "Ghosts", "partitions", List.of("/Plain group"))).status())
                .as("a plain group is not a partition").isEqualTo(400);
        assertThat(createGroup(Map.of("description", "no name")).status()).isEqualTo(400);
        assertThat(createGroup(Map.of("name", "Ghosts", "permissionSets", "Operator")).status()).isEqualTo(400);
        assertThat(admin.postRaw(groups(""), "{\"name\":", "application/json").status()).isEqualTo(400);

        assertThat(groupCount()).isEqualTo(before);
        assertThat(admin.get(groups("?search=Ghosts")).json()).isEmpty();
        assertThat(admin.get("/" + realm + "/groups?search=Ghosts").json()).isEmpty();

        String existing = group("Stable", List.of("Billing"), List.of("/Site B"));
        assertThat(admin.put(groups("/" + existing), Map.of("permissionSets", List.of("NoSuchSet"))).status()).isEqualTo(400);
        assertThat(admin.put(groups("/" + existing), Map.of("partitions", List.of("/Nowhere"))).status()).isEqualTo(400);
        JsonNode unchanged = getGroup(existing);
        assertThat(texts(unchanged.path("permissionSets"))).containsExactly("Billing");
        assertThat(texts(unchanged.path("partitions"))).containsExactly("/Site B");
    }

    @Test
    void unknownGroupAnswers404() {
        assertThat(admin.get(groups("/00000000-0000-0000-0000-000000000000")).status()).isEqualTo(404);
        assertThat(admin.get(groups("/" + siteA)).status()).as("a partition is not a machine-user group").isEqualTo(404);
    }

    // ---------------------------------------------------------------- members

    @Test
    void membersAreAddedAndRemovedIdempotentlyWithHistoryAndAdminEvents() {
        String packers = group("Packers", List.of("Billing"), List.of());
        JsonNode mu = machineUsers.createWithKey("Packing robot");
        String muId = mu.path("id").asText();

        assertThat(addMember(packers, muId).status()).isEqualTo(204);
        assertThat(addMember(packers, muId).status()).isEqualTo(204);

        JsonNode members = admin.get(groups("/" + packers + "/members")).expectStatus(200).json();
        assertThat(members.findValuesAsText("id")).containsExactly(muId);
        assertThat(members.get(0).path("clientId").asText()).isEqualTo(mu.path("clientId").asText());
        assertThat(getGroup(packers).path("members").asLong()).isEqualTo(1);
        assertThat(texts(machineUsers.get(muId).json().path("groups"))).containsExactly("Packers");
        // Native membership of the service-account user.
        assertThat(admin.get("/" + realm + "/groups/" + packers + "/members").json().findValuesAsText("id"))
                .containsExactly(fixture.serviceAccountUserId(muId));

        assertThat(removeMember(packers, muId).status()).isEqualTo(204);
        assertThat(removeMember(packers, muId).status()).isEqualTo(204);

        assertThat(admin.get(groups("/" + packers + "/members")).json()).isEmpty();
        assertThat(getGroup(packers).path("members").asLong()).isZero();
        assertThat(texts(machineUsers.get(muId).json().path("groups"))).isEmpty();

        JsonNode history = machineUsers.history(muId).expectStatus(200).json();
        assertThat(history.findValuesAsText("action")).containsExactly("GROUP_LEFT", "GROUP_JOINED", "KEY_CREATED", "CREATED");
        assertThat(history.get(0).path("details").toString()).containsAnyOf("Packers", packers);
        assertThat(history.get(1).path("details").toString()).containsAnyOf("Packers", packers);
        assertThat(history.get(0).path("actorUsername").asText()).isEqualTo("admin");

        JsonNode events = admin.get("/" + realm + "/admin-events?max=1000").expectStatus(200).json();
        List<String> membershipOperations = new ArrayList<>();
        for (JsonNode event : events) {
            String path = event.path("resourcePath").asText();
            if (path.contains(packers) && path.contains(muId)) {
                membershipOperations.add(event.path("operationType").asText());
            }
        }
        assertThat(membershipOperations).as("admin events naming the group and the machine user: " + events)
                .contains("CREATE", "DELETE");
    }

    @Test
    void unknownMembersAreRefused() {
        String sorters = group("Unknown member target", List.of(), List.of());
        String plainClient = admin.get("/" + realm + "/clients?clientId=account").json().get(0).path("id").asText();

        assertThat(addMember(sorters, "00000000-0000-0000-0000-000000000000").status()).isIn(400, 404);
        assertThat(addMember(sorters, plainClient).status()).as("a plain client is not a machine user").isIn(400, 404);
        assertThat(addMember("00000000-0000-0000-0000-000000000000", machineUsers.createWithKey("Lonely").path("id").asText()).status())
                .isEqualTo(404);

        assertThat(getGroup(sorters).path("members").asLong()).isZero();
        assertThat(admin.get(groups("/" + sorters + "/members")).json()).isEmpty();
    }

    @Test
    void groupsAreGivenAtCreationByNameOrId() throws Exception {
        String pickers = group("Pickers", List.of("Billing"), List.of("/Site B"));
        String sorters = group("Sorters", List.of("Auditor"), List.of());

        ApiResponse created = machineUsers.create(Map.of("name", "Picking robot", "groups", List.of("Pickers", sorters)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode mu = created.json();
        assertThat(texts(mu.path("groups"))).containsExactlyInAnyOrder("Pickers", "Sorters");
        assertThat(texts(machineUsers.get(mu.path("id").asText()).json().path("groups"))).containsExactlyInAnyOrder("Pickers", "Sorters");
        assertThat(admin.get(groups("/" + pickers + "/members")).json().findValuesAsText("id")).containsExactly(mu.path("id").asText());
        JWTClaimsSet claims = token(mu);
        assertThat(claims.getStringListClaim("permission_sets")).containsExactlyInAnyOrder("Billing", "Auditor");
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/Site B");

        long before = machineUsers.count("").json().asLong();
        ApiResponse unknown = machineUsers.create(Map.of("name", "Misgrouped", "groups", List.of("Pickers", "No such group")));
        assertThat(unknown.status()).as(unknown.body()).isEqualTo(400);
        assertThat(unknown.json().path("errorMessage").asText()).contains("No such group");
        assertThat(machineUsers.create(Map.of("name", "Misgrouped", "groups", List.of("Site A"))).status())
                .as("a partition is not a machine-user group").isEqualTo(400);
        assertThat(machineUsers.count("").json().asLong()).isEqualTo(before);
        assertThat(getGroup(pickers).path("members").asLong()).isEqualTo(1);
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void groupGrantsReachTheNextTokenAndLeaveWithTheGroup() throws Exception {
        String nightCrew = group("Night crew", List.of("Operator"), List.of("/Site B", "/Site A/Hall 1"));
        String siteCrew = group("Site crew", List.of("Auditor"), List.of(siteA));
        JsonNode mu = machineUsers.create(Map.of("name", "Hall robot", "partition", "/Site A/Hall 1",
                "permissionSets", List.of("Billing"))).expectStatus(201).json();
        String muId = mu.path("id").asText();
        addMember(nightCrew, muId).expectStatus(204);
        addMember(siteCrew, muId).expectStatus(204);
        assertThat(texts(machineUsers.get(muId).json().path("groups"))).containsExactlyInAnyOrder("Night crew", "Site crew");
        assertThat(texts(machineUsers.get(muId).json().path("permissionSets"))).containsExactly("Billing");

        String accessToken = accessToken(mu);
        JWTClaimsSet claims = fixture.tokens().verify(accessToken);
        assertThat(claims.getStringListClaim("permission_sets")).containsExactlyInAnyOrder("Billing", "Operator", "Auditor");
        assertThat(realmRoles(claims)).contains("Billing", "Operator", "Auditor", "telemetry:read", "telemetry:write", "billing:read");
        assertThat(claims.getStringListClaim("partitions")).as("owner plus group grants, sorted, without duplicates")
                .containsExactly("/Site A", "/Site A/Hall 1", "/Site B");
        assertThat(claims.getAudience()).contains("fleet-api");

        var introspection = fixture.tokens().introspect(accessToken, fleetApi.clientId(), fleetApi.secret());
        assertThat(introspection.isActive()).isTrue();
        assertThat(strings(introspection.toJSONObject().get("permission_sets"))).containsExactlyInAnyOrder("Billing", "Operator", "Auditor");
        assertThat(strings(introspection.toJSONObject().get("partitions"))).containsExactly("/Site A", "/Site A/Hall 1", "/Site B");

        // Leaving a group takes its sets, their roles and its partitions away from the next token.
        removeMember(nightCrew, muId).expectStatus(204);
        JWTClaimsSet afterLeaving = token(mu);
        assertThat(afterLeaving.getStringListClaim("permission_sets")).containsExactlyInAnyOrder("Billing", "Auditor");
        assertThat(realmRoles(afterLeaving)).contains("telemetry:read").doesNotContain("Operator", "telemetry:write");
        assertThat(afterLeaving.getStringListClaim("partitions")).containsExactly("/Site A", "/Site A/Hall 1");

        // Changing a group's sets and partitions applies to every member's next token.
        admin.put(groups("/" + siteCrew), Map.of("permissionSets", List.of("Operator"))).expectStatus(UPDATED);
        JWTClaimsSet afterSetChange = token(mu);
        assertThat(afterSetChange.getStringListClaim("permission_sets")).containsExactlyInAnyOrder("Billing", "Operator");
        assertThat(realmRoles(afterSetChange)).contains("Operator", "telemetry:write").doesNotContain("Auditor");
        assertThat(afterSetChange.getStringListClaim("partitions")).containsExactly("/Site A", "/Site A/Hall 1");

        admin.put(groups("/" + siteCrew), Map.of("partitions", List.of("/Site B"))).expectStatus(UPDATED);
        assertThat(token(mu).getStringListClaim("partitions")).containsExactly("/Site A/Hall 1", "/Site B");

        admin.put(groups("/" + siteCrew), Map.of("partitions", List.of())).expectStatus(UPDATED);
        assertThat(token(mu).getStringListClaim("partitions")).containsExactly("/Site A/Hall 1");

        // Deleting the group ends its grants too.
        admin.delete(groups("/" + siteCrew)).expectStatus(204);
        JWTClaimsSet afterDelete = token(mu);
        assertThat(afterDelete.getStringListClaim("permission_sets")).containsExactly("Billing");
        assertThat(realmRoles(afterDelete)).doesNotContain("Operator", "telemetry:write");
        assertThat(texts(machineUsers.get(muId).json().path("groups"))).isEmpty();
    }

    @Test
    void aMemberAtTheRootGetsOnlyItsGroupsPartitions() throws Exception {
        String roaming = group("Roaming", List.of(), List.of("/Site B", "/Site A/Hall 1"));
        JsonNode mu = machineUsers.createWithKey("Roaming robot");
        assertThat(token(mu).getStringListClaim("partitions")).isNotNull().isEmpty();

        addMember(roaming, mu.path("id").asText()).expectStatus(204);

        assertThat(token(mu).getStringListClaim("partitions")).containsExactly("/Site A/Hall 1", "/Site B");
        assertThat(token(mu).getStringListClaim("permission_sets")).isNotNull().isEmpty();
    }
}
