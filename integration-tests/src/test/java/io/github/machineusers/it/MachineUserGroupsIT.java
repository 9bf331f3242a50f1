package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.admin.client.Changes;
import io.github.machineusers.admin.client.resource.MachineUserGroupResource;
import io.github.machineusers.admin.client.resource.MachineUserGroupsResource;
import io.github.machineusers.admin.client.resource.MachineUsersRealmResource;
import io.github.machineusers.admin.client.resource.MachineUsersResource;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.AdminClients;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import io.github.machineusers.representations.CreateMachineUserRepresentation;
import io.github.machineusers.representations.MachineUserGroupRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
import io.github.machineusers.representations.PermissionSetRepresentation;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.AdminEventRepresentation;
import org.keycloak.representations.idm.GroupRepresentation;

/**
 * docs/partitions-and-groups.md, "Machine-user groups" and "Token claims": groups of machine users
 * that carry permission sets and partition grants into every member's next token. The calls go
 * through the project's Java admin client, and Keycloak's own for the native side; only bodies
 * that no typed call can send go as raw HTTP.
 */
class MachineUserGroupsIT {

    private static RealmFixture fixture;
    private static Keycloak keycloak;
    private static MachineUsersRealmResource api;
    private static MachineUserGroupsResource groups;
    private static MachineUsersResource machineUsers;
    /** Raw HTTP, for malformed bodies. */
    private static AdminApi admin;
    private static String realm;
    private static RealmFixture.ResourceServer fleetApi;
    private static String siteA;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("mu-groups");
        fixture.enableAdminEvents();
        keycloak = AdminClients.forMaster();
        realm = fixture.realm();
        api = AdminClients.machineUsersOf(keycloak, realm);
        groups = api.groups();
        machineUsers = api.machineUsers();
        admin = fixture.admin();
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

    @AfterAll
    static void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static void createSet(String name, String... roles) {
        PermissionSetRepresentation set = new PermissionSetRepresentation();
        set.name = name;
        set.roles = List.of(roles);
        api.permissionSets().create(set);
    }

    private static MachineUserGroupRepresentation request(String name, List<String> permissionSets, List<String> partitions) {
        MachineUserGroupRepresentation group = new MachineUserGroupRepresentation();
        group.name = name;
        group.permissionSets = permissionSets;
        group.partitions = partitions;
        return group;
    }

    private static String group(String name, List<String> permissionSets, List<String> partitions) {
        return groups.create(request(name, permissionSets, partitions)).id;
    }

    private static MachineUserGroupRepresentation getGroup(String id) {
        return groups.get(id).toRepresentation();
    }

    private static void addMember(String groupId, String machineUserId) {
        groups.get(groupId).addMember(machineUserId);
    }

    private static void removeMember(String groupId, String machineUserId) {
        groups.get(groupId).removeMember(machineUserId);
    }

    private static long groupCount() {
        return groups.count();
    }

    private static MachineUserRepresentation createWithKey(String name) {
        CreateMachineUserRepresentation request = new CreateMachineUserRepresentation();
        request.name = name;
        return machineUsers.create(request);
    }

    private static MachineUserRepresentation machineUser(String id) {
        return machineUsers.get(id).toRepresentation();
    }

    /** The HTTP status of a refused call, with its error message in the assertion's description. */
    private static int status(Runnable call) {
        try {
            call.run();
        } catch (WebApplicationException e) {
            return e.getResponse().getStatus();
        }
        throw new AssertionError("The call was not refused");
    }

    private static String errorMessage(WebApplicationException e) {
        return String.valueOf(e.getResponse().readEntity(Map.class).get("errorMessage"));
    }

    private static String accessToken(MachineUserRepresentation machineUser) {
        TokenClient.Result result = fixture.tokens().clientCredentials(machineUser.clientId, machineUser.accessKey.secret, Method.BASIC);
        assertThat(result.ok()).as(result.rawBody()).isTrue();
        return result.accessToken();
    }

    private static JWTClaimsSet token(MachineUserRepresentation machineUser) {
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

        MachineUserGroupRepresentation request = request("Dispatchers", List.of("Operator"), List.of("/Site B", siteA));
        request.description = "night shift";
        MachineUserGroupRepresentation created = groups.create(request);

        String id = created.id;
        MachineUserGroupRepresentation read = getGroup(id);
        assertThat(read.id).isEqualTo(id);
        assertThat(read.name).isEqualTo("Dispatchers");
        assertThat(read.description).isEqualTo("night shift");
        assertThat(read.permissionSets).containsExactly("Operator");
        assertThat(read.partitions).containsExactlyInAnyOrder("/Site A", "/Site B");
        assertThat(read.members).isZero();
        assertThat(groupCount()).isEqualTo(before + 1);
        assertThat(groups.list("Dispatch", null, null)).extracting(g -> g.id).containsExactly(id);
        assertThat(groups.list()).extracting(g -> g.name).contains("Dispatchers");
        // The 201 answers with Location, as every create of the API does.
        ApiResponse raw = admin.post("/" + realm + "/machine-user-groups", Map.of("name", "Located"));
        assertThat(raw.status()).as(raw.body()).isEqualTo(201);
        assertThat(raw.location()).endsWith("/admin/realms/" + realm + "/machine-user-groups/" + raw.idFromLocation());
        groups.get(raw.idFromLocation()).remove();

        // Natively a marked Keycloak group whose realm role mappings are its permission sets.
        GroupRepresentation native_ = keycloak.realm(realm).groups().group(id).toRepresentation();
        assertThat(native_.getAttributes().get("machine-user-group")).containsExactly("true");
        assertThat(keycloak.realm(realm).groups().group(id).roles().realmLevel().listAll()).extracting(r -> r.getName())
                .containsExactly("Operator");
        // Neither list shows the other kind of group.
        assertThat(api.partitions().list()).extracting(p -> p.name).doesNotContain("Dispatchers");
        assertThat(groups.list()).extracting(g -> g.name).doesNotContain("Site A", "Site B", "Hall 1");

        MachineUserGroupResource group = groups.get(id);
        MachineUserGroupRepresentation described = new MachineUserGroupRepresentation();
        described.description = "day shift";
        assertThat(group.update(described).description).isEqualTo("day shift");
        MachineUserGroupRepresentation afterDescription = getGroup(id);
        assertThat(afterDescription.description).isEqualTo("day shift");
        assertThat(afterDescription.name).isEqualTo("Dispatchers");
        assertThat(afterDescription.permissionSets).containsExactly("Operator");
        assertThat(afterDescription.partitions).containsExactlyInAnyOrder("/Site A", "/Site B");

        MachineUserGroupRepresentation replaced = new MachineUserGroupRepresentation();
        replaced.permissionSets = List.of("Billing", "Auditor");
        replaced.partitions = List.of("/Site A/Hall 1");
        group.update(replaced);
        MachineUserGroupRepresentation afterReplace = getGroup(id);
        assertThat(afterReplace.permissionSets).containsExactlyInAnyOrder("Billing", "Auditor");
        assertThat(afterReplace.partitions).containsExactly("/Site A/Hall 1");
        assertThat(afterReplace.description).isEqualTo("day shift");

        MachineUserGroupRepresentation renamed = new MachineUserGroupRepresentation();
        renamed.name = "Day dispatchers";
        group.update(renamed);
        assertThat(getGroup(id).name).isEqualTo("Day dispatchers");
        assertThat(getGroup(id).permissionSets).containsExactlyInAnyOrder("Billing", "Auditor");

        group.update(Changes.of("permissionSets", List.of(), "partitions", List.of()));
        assertThat(getGroup(id).permissionSets).isEmpty();
        assertThat(getGroup(id).partitions).isEmpty();

        MachineUserRepresentation member = createWithKey("Member of a deleted group");
        addMember(id, member.id);

        group.remove();
        assertThatThrownBy(group::toRepresentation).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> keycloak.realm(realm).groups().group(id).toRepresentation()).isInstanceOf(NotFoundException.class);
        assertThat(groupCount()).isEqualTo(before);
        assertThat(machineUser(member.id).groups).isEmpty();
        assertThatThrownBy(group::remove).isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDuplicateNameAnswers409AndCreatesNothing() {
        String first = group("Loaders", List.of("Billing"), List.of());
        long before = groupCount();

        assertThatThrownBy(() -> groups.create(request("Loaders", List.of("Operator"), null)))
                .isInstanceOfSatisfying(ClientErrorException.class, e -> {
                    assertThat(e.getResponse().getStatus()).isEqualTo(409);
                    assertThat(errorMessage(e)).contains("Loaders");
                });
        assertThat(groupCount()).isEqualTo(before);
        assertThat(getGroup(first).permissionSets).containsExactly("Billing");

        String other = group("Unloaders", List.of(), List.of());
        MachineUserGroupRepresentation rename = new MachineUserGroupRepresentation();
        rename.name = "Loaders";
        assertThat(status(() -> groups.get(other).update(rename))).isEqualTo(409);
        assertThat(getGroup(other).name).isEqualTo("Unloaders");
    }

    @Test
    void unknownSetsOrPartitionsAnswer400AndCreateNothing() {
        long before = groupCount();

        assertThatThrownBy(() -> groups.create(request("Ghosts", List.of("Operator", "NoSuchSet"), null)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(errorMessage(e)).contains("NoSuchSet"));
        assertThatThrownBy(() -> groups.create(request("Ghosts", null, List.of("/Site A", "/Nowhere"))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(errorMessage(e)).contains("/Nowhere"));

        assertThat(status(() -> groups.create(request("Ghosts", null, List.of("00000000-0000-0000-0000-000000000000"))))).isEqualTo(400);
        assertThat(status(() -> groups.create(request("Ghosts", List.of("telemetry:read"), null))))
                .as("a plain role is not a permission set").isEqualTo(400);
        GroupRepresentation plain = new GroupRepresentation();
        plain.setName("Plain group");
        keycloak.realm(realm).groups().add(plain).close();
        assertThat(status(() -> groups.create(request("Ghosts", null, List.of("/Plain group")))))
                .as("a plain group is not a partition").isEqualTo(400);
        MachineUserGroupRepresentation nameless = new MachineUserGroupRepresentation();
        nameless.description = "no name";
        assertThat(status(() -> groups.create(nameless))).isEqualTo(400);
        // Bodies no typed call can send.
        assertThat(admin.post("/" + realm + "/machine-user-groups", Map.of("name", "Ghosts", "permissionSets", "Operator")).status()).isEqualTo(400);
        assertThat(admin.postRaw("/" + realm + "/machine-user-groups", "{\"name\":", "application/json").status()).isEqualTo(400);

        assertThat(groupCount()).isEqualTo(before);
        assertThat(groups.list("Ghosts", null, null)).isEmpty();
        assertThat(keycloak.realm(realm).groups().groups("Ghosts", null, null)).isEmpty();

        String existing = group("Stable", List.of("Billing"), List.of("/Site B"));
        MachineUserGroupRepresentation unknownSet = new MachineUserGroupRepresentation();
        unknownSet.permissionSets = List.of("NoSuchSet");
        assertThat(status(() -> groups.get(existing).update(unknownSet))).isEqualTo(400);
        MachineUserGroupRepresentation unknownPartition = new MachineUserGroupRepresentation();
        unknownPartition.partitions = List.of("/Nowhere");
        assertThat(status(() -> groups.get(existing).update(unknownPartition))).isEqualTo(400);
        MachineUserGroupRepresentation unchanged = getGroup(existing);
        assertThat(unchanged.permissionSets).containsExactly("Billing");
        assertThat(unchanged.partitions).containsExactly("/Site B");
    }

    @Test
    void unknownGroupAnswers404() {
        assertThatThrownBy(() -> getGroup("00000000-0000-0000-0000-000000000000")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> getGroup(siteA)).as("a partition is not a machine-user group").isInstanceOf(NotFoundException.class);
    }

    // ---------------------------------------------------------------- members

    @Test
    void membersAreAddedAndRemovedIdempotentlyWithHistoryAndAdminEvents() {
        String packers = group("Packers", List.of("Billing"), List.of());
        MachineUserRepresentation mu = createWithKey("Packing robot");
        String muId = mu.id;

        addMember(packers, muId);
        addMember(packers, muId);

        List<MachineUserRepresentation> members = groups.get(packers).members();
        assertThat(members).extracting(m -> m.id).containsExactly(muId);
        assertThat(members.get(0).clientId).isEqualTo(mu.clientId);
        assertThat(getGroup(packers).members).isEqualTo(1);
        assertThat(machineUser(muId).groups).containsExactly("Packers");
        // Native membership of the service-account user.
        assertThat(keycloak.realm(realm).groups().group(packers).members()).extracting(u -> u.getId())
                .containsExactly(fixture.serviceAccountUserId(muId));

        removeMember(packers, muId);
        removeMember(packers, muId);

        assertThat(groups.get(packers).members()).isEmpty();
        assertThat(getGroup(packers).members).isZero();
        assertThat(machineUser(muId).groups).isEmpty();

        var history = machineUsers.get(muId).history().list();
        assertThat(history).extracting(h -> h.action).containsExactly("GROUP_LEFT", "GROUP_JOINED", "KEY_CREATED", "CREATED");
        assertThat(history.get(0).details.toString()).containsAnyOf("Packers", packers);
        assertThat(history.get(1).details.toString()).containsAnyOf("Packers", packers);
        assertThat(history.get(0).actorUsername).isEqualTo("admin");

        List<AdminEventRepresentation> events = keycloak.realm(realm).getAdminEvents(null, null, null, null, null, null, null, null, 0, 1000);
        List<String> membershipOperations = new ArrayList<>();
        for (AdminEventRepresentation event : events) {
            String path = event.getResourcePath();
            if (path != null && path.contains(packers) && path.contains(muId)) {
                membershipOperations.add(event.getOperationType());
            }
        }
        assertThat(membershipOperations).as("admin events naming the group and the machine user")
                .contains("CREATE", "DELETE");
    }

    @Test
    void unknownMembersAreRefused() {
        String sorters = group("Unknown member target", List.of(), List.of());
        String plainClient = keycloak.realm(realm).clients().findByClientId("account").get(0).getId();

        assertThat(status(() -> addMember(sorters, "00000000-0000-0000-0000-000000000000"))).isIn(400, 404);
        assertThat(status(() -> addMember(sorters, plainClient))).as("a plain client is not a machine user").isIn(400, 404);
        String lonely = createWithKey("Lonely").id;
        assertThat(status(() -> addMember("00000000-0000-0000-0000-000000000000", lonely))).isEqualTo(404);

        assertThat(getGroup(sorters).members).isZero();
        assertThat(groups.get(sorters).members()).isEmpty();
    }

    @Test
    void groupsAreGivenAtCreationByNameOrId() throws Exception {
        String pickers = group("Pickers", List.of("Billing"), List.of("/Site B"));
        String sorters = group("Sorters", List.of("Auditor"), List.of());

        CreateMachineUserRepresentation request = new CreateMachineUserRepresentation();
        request.name = "Picking robot";
        request.groups = List.of("Pickers", sorters);
        MachineUserRepresentation mu = machineUsers.create(request);

        assertThat(mu.groups).containsExactlyInAnyOrder("Pickers", "Sorters");
        assertThat(machineUser(mu.id).groups).containsExactlyInAnyOrder("Pickers", "Sorters");
        assertThat(groups.get(pickers).members()).extracting(m -> m.id).containsExactly(mu.id);
        JWTClaimsSet claims = token(mu);
        assertThat(claims.getStringListClaim("permission_sets")).containsExactlyInAnyOrder("Billing", "Auditor");
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/Site B");

        long before = machineUsers.count();
        CreateMachineUserRepresentation unknown = new CreateMachineUserRepresentation();
        unknown.name = "Misgrouped";
        unknown.groups = List.of("Pickers", "No such group");
        assertThatThrownBy(() -> machineUsers.create(unknown))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(errorMessage(e)).contains("No such group"));
        CreateMachineUserRepresentation partitionAsGroup = new CreateMachineUserRepresentation();
        partitionAsGroup.name = "Misgrouped";
        partitionAsGroup.groups = List.of("Site A");
        assertThat(status(() -> machineUsers.create(partitionAsGroup))).as("a partition is not a machine-user group").isEqualTo(400);
        assertThat(machineUsers.count()).isEqualTo(before);
        assertThat(getGroup(pickers).members).isEqualTo(1);
    }

    // ---------------------------------------------------------------- tokens

    @Test
    void groupGrantsReachTheNextTokenAndLeaveWithTheGroup() throws Exception {
        String nightCrew = group("Night crew", List.of("Operator"), List.of("/Site B", "/Site A/Hall 1"));
        String siteCrew = group("Site crew", List.of("Auditor"), List.of(siteA));
        CreateMachineUserRepresentation request = new CreateMachineUserRepresentation();
        request.name = "Hall robot";
        request.partition = "/Site A/Hall 1";
        request.permissionSets = List.of("Billing");
        MachineUserRepresentation mu = machineUsers.create(request);
        String muId = mu.id;
        addMember(nightCrew, muId);
        addMember(siteCrew, muId);
        assertThat(machineUser(muId).groups).containsExactlyInAnyOrder("Night crew", "Site crew");
        assertThat(machineUser(muId).permissionSets).containsExactly("Billing");

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
        removeMember(nightCrew, muId);
        JWTClaimsSet afterLeaving = token(mu);
        assertThat(afterLeaving.getStringListClaim("permission_sets")).containsExactlyInAnyOrder("Billing", "Auditor");
        assertThat(realmRoles(afterLeaving)).contains("telemetry:read").doesNotContain("Operator", "telemetry:write");
        assertThat(afterLeaving.getStringListClaim("partitions")).containsExactly("/Site A", "/Site A/Hall 1");

        // Changing a group's sets and partitions applies to every member's next token.
        MachineUserGroupResource crew = groups.get(siteCrew);
        crew.update(Changes.of("permissionSets", List.of("Operator")));
        JWTClaimsSet afterSetChange = token(mu);
        assertThat(afterSetChange.getStringListClaim("permission_sets")).containsExactlyInAnyOrder("Billing", "Operator");
        assertThat(realmRoles(afterSetChange)).contains("Operator", "telemetry:write").doesNotContain("Auditor");
        assertThat(afterSetChange.getStringListClaim("partitions")).containsExactly("/Site A", "/Site A/Hall 1");

        crew.update(Changes.of("partitions", List.of("/Site B")));
        assertThat(token(mu).getStringListClaim("partitions")).containsExactly("/Site A/Hall 1", "/Site B");

        crew.update(Changes.of("partitions", List.of()));
        assertThat(token(mu).getStringListClaim("partitions")).containsExactly("/Site A/Hall 1");

        // Deleting the group ends its grants too.
        crew.remove();
        JWTClaimsSet afterDelete = token(mu);
        assertThat(afterDelete.getStringListClaim("permission_sets")).containsExactly("Billing");
        assertThat(realmRoles(afterDelete)).doesNotContain("Operator", "telemetry:write");
        assertThat(machineUser(muId).groups).isEmpty();
    }

    @Test
    void aMemberAtTheRootGetsOnlyItsGroupsPartitions() throws Exception {
        String roaming = group("Roaming", List.of(), List.of("/Site B", "/Site A/Hall 1"));
        MachineUserRepresentation mu = createWithKey("Roaming robot");
        assertThat(token(mu).getStringListClaim("partitions")).isNotNull().isEmpty();

        addMember(roaming, mu.id);

        assertThat(token(mu).getStringListClaim("partitions")).containsExactly("/Site A/Hall 1", "/Site B");
        assertThat(token(mu).getStringListClaim("permission_sets")).isNotNull().isEmpty();
    }
}
