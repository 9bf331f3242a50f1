package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.admin.client.Changes;
import io.github.machineusers.admin.client.MachineUsersAdminClient;
import io.github.machineusers.admin.client.resource.AccessKeyResource;
import io.github.machineusers.admin.client.resource.MachineUserGroupResource;
import io.github.machineusers.admin.client.resource.MachineUserResource;
import io.github.machineusers.admin.client.resource.MachineUsersRealmResource;
import io.github.machineusers.admin.client.resource.MachineUsersResource;
import io.github.machineusers.admin.client.resource.PartitionResource;
import io.github.machineusers.admin.client.resource.PermissionSetResource;
import io.github.machineusers.it.support.AdminClients;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import io.github.machineusers.representations.AccessKeyRepresentation;
import io.github.machineusers.representations.CreateMachineUserRepresentation;
import io.github.machineusers.representations.FederatedCredentialRepresentation;
import io.github.machineusers.representations.HistoryEntryRepresentation;
import io.github.machineusers.representations.KeyReferenceRepresentation;
import io.github.machineusers.representations.MachineUserGroupRepresentation;
import io.github.machineusers.representations.MachineUserPolicyRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
import io.github.machineusers.representations.PartitionRepresentation;
import io.github.machineusers.representations.PermissionSetRepresentation;
import io.github.machineusers.representations.PublicKeyRepresentation;
import io.github.machineusers.representations.UsageDayRepresentation;
import io.github.machineusers.representations.UserReferenceRepresentation;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.IdentityProviderRepresentation;

/**
 * The Java admin client (module admin-client) against the real server: the whole life of a
 * machine user, its keys, partitions, groups, permission sets and the realm policy through typed
 * calls only, and the server's errors as the JAX-RS exceptions users of Keycloak's admin client
 * expect.
 */
class AdminClientIT {

    private static final long DAY = 86_400_000L;

    private static Keycloak keycloak;
    /** The lifecycle test's own realm, so that its counts and lists see only what it made. */
    private static RealmFixture fixture;
    private static MachineUsersRealmResource realm;
    private static TokenClient tokens;
    /** Where the other tests work. */
    private static RealmFixture otherFixture;
    private static MachineUsersRealmResource other;

    @BeforeAll
    static void realms() {
        keycloak = AdminClients.forMaster();
        fixture = RealmFixture.create("typed-client");
        realm = MachineUsersAdminClient.of(keycloak).realm(fixture.realm());
        tokens = fixture.tokens();
        fixture.createRole("fleet:read", true);
        fixture.createRole("fleet:write", false);
        otherFixture = RealmFixture.create("typed-errors");
        otherFixture.createRole("fleet:read", true);
        other = AdminClients.machineUsersOf(keycloak, otherFixture.realm());
    }

    /** A Kubernetes identity provider, made with Keycloak's own admin client; no token of it is ever verified here. */
    private static IdentityProviderRepresentation kubernetesProvider() {
        IdentityProviderRepresentation provider = new IdentityProviderRepresentation();
        provider.setAlias("cluster");
        provider.setProviderId("kubernetes");
        provider.setEnabled(true);
        provider.setConfig(Map.of("issuer", "https://kubernetes.typed-client.test"));
        return provider;
    }

    @AfterAll
    static void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static boolean tokenFor(String id, String secret) {
        return tokens.clientCredentials(id, secret, Method.BASIC).ok();
    }

    private static JWTClaimsSet claims(String id, String secret) {
        TokenClient.Result result = tokens.clientCredentials(id, secret, Method.BASIC);
        assertThat(result.ok()).as(result.rawBody()).isTrue();
        return tokens.verify(result.accessToken());
    }

    private static PermissionSetRepresentation permissionSet(String name, String description, String... roles) {
        PermissionSetRepresentation set = new PermissionSetRepresentation();
        set.name = name;
        set.description = description;
        set.roles = List.of(roles);
        return set;
    }

    private static List<String> actions(List<HistoryEntryRepresentation> history) {
        return history.stream().map(entry -> entry.action).toList();
    }

    @Test
    void theWholeLifecycleThroughTypedCalls() throws Exception {
        // Custom permission sets: create, read, list, count, update.
        long setsBefore = realm.permissionSets().count();
        PermissionSetRepresentation reader = realm.permissionSets().create(permissionSet("Fleet reader", "reads the fleet", "fleet:read"));
        assertThat(reader.name).isEqualTo("Fleet reader");
        assertThat(reader.managed).isFalse();
        realm.permissionSets().create(permissionSet("Fleet writer", null, "fleet:write"));
        PermissionSetResource readerSet = realm.permissionSets().get("Fleet reader");
        assertThat(readerSet.toRepresentation().roles).containsExactly("fleet:read");
        assertThat(realm.permissionSets().count()).isEqualTo(setsBefore + 2);
        assertThat(realm.permissionSets().list("Fleet", null, null)).extracting(s -> s.name)
                .containsExactlyInAnyOrder("Fleet reader", "Fleet writer");
        PermissionSetRepresentation described = readerSet.update(permissionSet("Fleet reader", "reads vehicles", "fleet:read"));
        assertThat(described.description).isEqualTo("reads vehicles");
        assertThat(readerSet.toRepresentation().description).isEqualTo("reads vehicles");

        // The partition tree.
        PartitionRepresentation siteA = realm.partitions().create("Site A", null);
        PartitionRepresentation hall = realm.partitions().create("Hall 1", siteA.id);
        PartitionRepresentation siteB = realm.partitions().create("Site B", null);
        assertThat(hall.path).isEqualTo("/Site A/Hall 1");
        assertThat(hall.parentId).isEqualTo(siteA.id);
        assertThat(realm.partitions().list()).extracting(p -> p.path).contains("/Site A", "/Site A/Hall 1", "/Site B");
        assertThat(realm.partitions().count("Hall")).isEqualTo(1);
        assertThat(realm.partitions().get(hall.id).toRepresentation().path).isEqualTo("/Site A/Hall 1");

        // A machine user with a permission set, in a partition; the one-time secret gets a token.
        CreateMachineUserRepresentation request = new CreateMachineUserRepresentation();
        request.name = "Fleet robot";
        request.description = "reads vehicle positions";
        request.partition = "/Site A/Hall 1";
        request.permissionSets = List.of("Fleet reader");
        MachineUserRepresentation created = realm.machineUsers().create(request);
        String id = created.id;
        String firstKey = created.accessKey.id;
        String firstSecret = created.accessKey.secret;
        assertThat(firstSecret).startsWith("kcmu_");
        assertThat(created.partition).isEqualTo("/Site A/Hall 1");
        assertThat(created.permissionSets).containsExactly("Fleet reader");
        JWTClaimsSet claims = claims(created.clientId, firstSecret);
        assertThat(claims.getStringClaim("azp")).isEqualTo(created.clientId);
        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("Fleet reader");
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/Site A/Hall 1");

        MachineUserResource robot = realm.machineUsers().get(id);
        MachineUserRepresentation read = robot.toRepresentation();
        assertThat(read.name).isEqualTo("Fleet robot");
        assertThat(read.status).isEqualTo("ACTIVE");
        assertThat(read.accessKey).as("the secret is shown once").isNull();
        assertThat(read.access).containsEntry("manage", true);

        // List, search, filters and count.
        CreateMachineUserRepresentation billingRequest = new CreateMachineUserRepresentation();
        billingRequest.name = "Billing robot";
        billingRequest.partition = siteB.id;
        billingRequest.generateKey = false;
        MachineUserRepresentation billing = realm.machineUsers().create(billingRequest);
        assertThat(billing.accessKey).isNull();
        MachineUsersResource machineUsers = realm.machineUsers();
        assertThat(machineUsers.count()).isEqualTo(2);
        assertThat(machineUsers.list()).extracting(mu -> mu.name).containsExactly("Billing robot", "Fleet robot");
        assertThat(machineUsers.list(1, 1)).extracting(mu -> mu.id).containsExactly(id);
        assertThat(machineUsers.search("FLEET")).extracting(mu -> mu.id).containsExactly(id);
        assertThat(machineUsers.list(null, null, "/Site A", false, null, null)).isEmpty();
        assertThat(machineUsers.list(null, null, "/Site A", true, null, null)).extracting(mu -> mu.id).containsExactly(id);
        assertThat(machineUsers.count(null, null, siteB.id, null)).isEqualTo(1);
        assertThat(machineUsers.count(null, MachineUsersResource.SUSPENDED, null, null)).isZero();
        assertThat(machineUsers.access()).containsEntry("manageAll", true).containsEntry("viewAll", true);

        // A second key (the key id works as client id too), then the limit.
        AccessKeyRepresentation second = robot.keys().create("second", System.currentTimeMillis() + 30 * DAY);
        assertThat(second.secret).startsWith("kcmu_");
        assertThat(second.description).isEqualTo("second");
        assertThat(tokenFor(second.id, second.secret)).isTrue();
        List<AccessKeyRepresentation> keys = robot.keys().list();
        assertThat(keys).extracting(k -> k.id).containsExactlyInAnyOrder(firstKey, second.id);
        assertThat(keys).allSatisfy(k -> assertThat(k.secret).isNull());
        assertThatThrownBy(() -> robot.keys().create())
                .isInstanceOfSatisfying(ClientErrorException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));

        // Replace the first key: the new one works, the old one stops at once.
        AccessKeyRepresentation replacement = robot.keys().get(firstKey).replace();
        assertThat(replacement.secret).startsWith("kcmu_").isNotEqualTo(firstSecret);
        assertThat(tokenFor(created.clientId, firstSecret)).isFalse();
        assertThat(tokenFor(replacement.id, replacement.secret)).isTrue();
        assertThat(robot.keys().list()).extracting(k -> k.id).containsExactlyInAnyOrder(replacement.id, second.id);

        // Deactivate, change expiry, clear expiry, activate, delete.
        AccessKeyResource secondKey = robot.keys().get(second.id);
        assertThat(secondKey.deactivate().status).isEqualTo("INACTIVE");
        assertThat(tokenFor(second.id, second.secret)).isFalse();
        assertThat(secondKey.toRepresentation().status).isEqualTo("INACTIVE");
        long later = System.currentTimeMillis() + 60 * DAY;
        assertThat(secondKey.setExpiresAt(later).expiresAt).isEqualTo(later);
        assertThat(secondKey.update(Changes.of("expiresAt", null)).expiresAt).isNull();
        assertThat(secondKey.activate().status).isEqualTo("ACTIVE");
        assertThat(tokenFor(second.id, second.secret)).isTrue();
        secondKey.remove();
        assertThatThrownBy(secondKey::toRepresentation).isInstanceOf(NotFoundException.class);
        assertThat(tokenFor(second.id, second.secret)).isFalse();

        // Public keys: generate one, see it listed without its private key, deactivate and delete it.
        PublicKeyRepresentation generated = robot.publicKeys().generate("ES256");
        assertThat(generated.privateKey).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(generated.jwk).containsEntry("kid", generated.id).doesNotContainKey("d");
        assertThat(robot.publicKeys().list()).singleElement().satisfies(k -> assertThat(k.privateKey).isNull());
        assertThat(robot.publicKeys().get(generated.id).deactivate().status).isEqualTo("INACTIVE");
        robot.publicKeys().get(generated.id).remove();
        assertThat(robot.publicKeys().list()).isEmpty();

        // Federated credentials: trust a Kubernetes service account, deactivate and delete the credential.
        keycloak.realm(fixture.realm()).identityProviders().create(kubernetesProvider()).close();
        FederatedCredentialRepresentation trusted = robot.federatedCredentials().trust("cluster", "system:serviceaccount:ops:robot");
        assertThat(trusted.id).startsWith("MUFC");
        assertThat(trusted.subject).isEqualTo("system:serviceaccount:ops:robot");
        assertThatThrownBy(() -> robot.federatedCredentials().trust("cluster", "system:serviceaccount:ops:robot"))
                .isInstanceOf(ClientErrorException.class);
        assertThat(robot.federatedCredentials().get(trusted.id).deactivate().status).isEqualTo("INACTIVE");
        robot.federatedCredentials().get(trusted.id).remove();
        assertThat(robot.federatedCredentials().list()).isEmpty();

        // Suspend and resume.
        MachineUserRepresentation suspended = robot.suspend("audit");
        assertThat(suspended.status).isEqualTo("SUSPENDED");
        assertThat(suspended.suspendedReason).isEqualTo("audit");
        assertThat(tokenFor(replacement.id, replacement.secret)).isFalse();
        assertThat(machineUsers.list(null, MachineUsersResource.SUSPENDED, null, null, null, null)).extracting(mu -> mu.id).containsExactly(id);
        assertThat(robot.resume().status).isEqualTo("ACTIVE");
        assertThat(tokenFor(replacement.id, replacement.secret)).isTrue();

        // Update through a representation read back whole, and move between partitions.
        MachineUserRepresentation renamed = robot.toRepresentation();
        renamed.name = "Fleet robot 2";
        renamed.accessTokenLifespan = 600;
        MachineUserRepresentation afterRename = robot.update(renamed);
        assertThat(afterRename.name).isEqualTo("Fleet robot 2");
        assertThat(afterRename.accessTokenLifespan).isEqualTo(600);
        assertThat(afterRename.partition).isEqualTo("/Site A/Hall 1");
        assertThat(robot.update(Changes.of("partition", "/Site B")).partition).isEqualTo("/Site B");
        assertThat(robot.update(Changes.of("partition", null)).partition).as("moved to the top level").isNull();
        MachineUserRepresentation backToHall = new MachineUserRepresentation();
        backToHall.partition = hall.id;
        assertThat(robot.update(backToHall).partition).isEqualTo("/Site A/Hall 1");

        // Direct permission-set grants.
        robot.grantPermissionSet("Fleet writer");
        assertThat(robot.toRepresentation().permissionSets).containsExactlyInAnyOrder("Fleet reader", "Fleet writer");
        robot.revokePermissionSet("Fleet writer");
        assertThat(robot.toRepresentation().permissionSets).containsExactly("Fleet reader");

        // Groups: grants reach members' tokens; members; update; delete.
        MachineUserGroupRepresentation crewRequest = new MachineUserGroupRepresentation();
        crewRequest.name = "Night crew";
        crewRequest.description = "works at night";
        crewRequest.permissionSets = List.of("Fleet writer");
        crewRequest.partitions = List.of("/Site B");
        MachineUserGroupRepresentation crew = realm.groups().create(crewRequest);
        assertThat(crew.partitions).containsExactly("/Site B");
        MachineUserGroupResource crewGroup = realm.groups().get(crew.id);
        crewGroup.addMember(id);
        crewGroup.addMember(id);
        assertThat(crewGroup.members()).extracting(mu -> mu.id).containsExactly(id);
        assertThat(crewGroup.toRepresentation().members).isEqualTo(1);
        assertThat(robot.toRepresentation().groups).containsExactly("Night crew");
        JWTClaimsSet memberClaims = claims(replacement.id, replacement.secret);
        assertThat(memberClaims.getStringListClaim("permission_sets")).containsExactlyInAnyOrder("Fleet reader", "Fleet writer");
        assertThat(memberClaims.getStringListClaim("partitions")).containsExactly("/Site A/Hall 1", "/Site B");
        MachineUserGroupRepresentation regrant = new MachineUserGroupRepresentation();
        regrant.partitions = List.of(siteA.id);
        assertThat(crewGroup.update(regrant).partitions).containsExactly("/Site A");
        assertThat(crewGroup.update(Changes.of("description", null)).description).isNull();
        assertThat(realm.groups().list("Night", null, null)).extracting(g -> g.id).containsExactly(crew.id);
        assertThat(realm.groups().count()).isEqualTo(1);
        crewGroup.removeMember(id);
        assertThat(crewGroup.members()).isEmpty();
        crewGroup.addMember(id);
        crewGroup.remove();
        assertThatThrownBy(crewGroup::toRepresentation).isInstanceOf(NotFoundException.class);
        assertThat(robot.toRepresentation().groups).isEmpty();

        // Partition rights for people, renaming and moving partitions, and what cannot be deleted.
        String alice = fixture.admin().createUser(fixture.realm(), "alice", "alice-pass-1");
        PartitionResource siteAPartition = realm.partitions().get(siteA.id);
        siteAPartition.addAdministrator(alice);
        siteAPartition.addViewer(alice);
        assertThat(siteAPartition.administrators()).extracting(u -> u.username).containsExactly("alice");
        List<UserReferenceRepresentation> viewers = siteAPartition.viewers();
        assertThat(viewers).extracting(u -> u.id).containsExactly(alice);
        siteAPartition.removeAdministrator(alice);
        siteAPartition.removeViewer(alice);
        assertThat(siteAPartition.administrators()).isEmpty();
        assertThat(siteAPartition.viewers()).isEmpty();
        assertThatThrownBy(siteAPartition::remove).as("Hall 1 below it owns the robot")
                .isInstanceOfSatisfying(ClientErrorException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
        PartitionRepresentation renamedSite = new PartitionRepresentation();
        renamedSite.name = "Site A North";
        assertThat(siteAPartition.update(renamedSite).path).isEqualTo("/Site A North");
        assertThat(realm.machineUsers().get(id).toRepresentation().partition).isEqualTo("/Site A North/Hall 1");
        assertThat(realm.partitions().get(hall.id).update(Changes.of("parentId", null)).path).isEqualTo("/Hall 1");
        siteAPartition.remove();
        assertThatThrownBy(siteAPartition::toRepresentation).isInstanceOf(NotFoundException.class);

        // The realm policy: read, change one field, a cap that reports keys outliving it, lift the cap.
        MachineUserPolicyRepresentation policy = realm.policy().toRepresentation();
        assertThat(policy.maxKeysPerMachineUser).isEqualTo(2);
        MachineUserPolicyRepresentation threeKeys = new MachineUserPolicyRepresentation();
        threeKeys.maxKeysPerMachineUser = 3;
        MachineUserPolicyRepresentation changed = realm.policy().update(threeKeys);
        assertThat(changed.maxKeysPerMachineUser).isEqualTo(3);
        assertThat(changed.keyExpiryWarningDays).isEqualTo(policy.keyExpiryWarningDays);
        MachineUserPolicyRepresentation cap = new MachineUserPolicyRepresentation();
        cap.maxKeyLifetimeDays = 90;
        MachineUserPolicyRepresentation capped = realm.policy().update(cap);
        assertThat(capped.keysBeyondMaxLifetime).extracting((KeyReferenceRepresentation k) -> k.keyId).contains(replacement.id);
        assertThat(realm.policy().toRepresentation().keysBeyondMaxLifetime).isNull();
        assertThat(realm.policy().update(Changes.of("maxKeyLifetimeDays", null)).maxKeyLifetimeDays).isNull();
        robot.keys().create();
        assertThat(robot.keys().create().secret).as("a third key under the new limit of 3").isNotNull();

        // Usage and history.
        List<UsageDayRepresentation> usage = robot.usage(7);
        assertThat(usage).hasSize(7);
        assertThat(usage.get(6).tokensIssued).isGreaterThanOrEqualTo(6);
        assertThat(usage.get(6).failedAttempts).isGreaterThanOrEqualTo(3);
        List<HistoryEntryRepresentation> history = robot.history().list();
        assertThat(robot.history().count()).isEqualTo(history.size());
        assertThat(actions(history)).startsWith("KEY_CREATED", "KEY_CREATED", "GROUP_LEFT")
                .endsWith("KEY_CREATED", "PERMISSION_SET_GRANTED", "CREATED")
                .contains("RESUMED", "SUSPENDED", "KEY_REPLACED", "KEY_UPDATED", "KEY_DELETED", "UPDATED",
                        "PERMISSION_SET_GRANTED", "PERMISSION_SET_REVOKED", "GROUP_JOINED");
        assertThat(history.get(history.size() - 1).actorUsername).isEqualTo("admin");
        assertThat(robot.history().list(0, 2)).hasSize(2);

        // Permission sets in use need force to go.
        assertThatThrownBy(readerSet::remove)
                .isInstanceOfSatisfying(ClientErrorException.class, e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
        readerSet.remove(true);
        assertThatThrownBy(readerSet::toRepresentation).isInstanceOf(NotFoundException.class);
        assertThat(robot.toRepresentation().permissionSets).isEmpty();
        realm.permissionSets().get("Fleet writer").remove();

        // Delete: the machine user is gone, its history stays.
        robot.remove();
        assertThatThrownBy(robot::toRepresentation).isInstanceOf(NotFoundException.class);
        assertThat(tokenFor(replacement.id, replacement.secret)).isFalse();
        assertThat(actions(robot.history().list())).first().isEqualTo("DELETED");
        assertThat(realm.machineUsers().list()).extracting(mu -> mu.id).containsExactly(billing.id);
        realm.machineUsers().get(billing.id).remove();
        realm.partitions().get(siteB.id).remove();
        assertThat(realm.machineUsers().count()).isZero();
    }

    @Test
    void errorsSurfaceAsTheJaxRsExceptionsOfKeycloaksAdminClient() {
        String unknown = "00000000-0000-0000-0000-000000000000";
        assertThatThrownBy(() -> other.machineUsers().get(unknown).toRepresentation()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.machineUsers().get(unknown).remove()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.partitions().get(unknown).toRepresentation()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.groups().get(unknown).addMember(unknown)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.permissionSets().get("No such set").toRepresentation()).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> MachineUsersAdminClient.of(keycloak).realm("no-such-realm").machineUsers().list())
                .isInstanceOf(NotFoundException.class);

        CreateMachineUserRepresentation request = new CreateMachineUserRepresentation();
        request.name = "Error robot";
        MachineUserRepresentation mu = other.machineUsers().create(request);
        assertThatThrownBy(() -> other.machineUsers().get(mu.id).keys().get("MUAKNOSUCHKEY").toRepresentation())
                .isInstanceOf(NotFoundException.class);

        // 409: the key limit, a taken partition, group or permission-set name, a taken client id.
        other.machineUsers().get(mu.id).keys().create();
        assertThatThrownBy(() -> other.machineUsers().get(mu.id).keys().create())
                .isInstanceOfSatisfying(ClientErrorException.class, e -> {
                    assertThat(e.getResponse().getStatus()).isEqualTo(409);
                    assertThat(e.getResponse().readEntity(String.class)).contains("maximum of 2");
                });
        other.partitions().create("Taken", null);
        assertConflict(() -> other.partitions().create("Taken", null));
        other.permissionSets().create(permissionSet("Taken set", null, "fleet:read"));
        assertConflict(() -> other.permissionSets().create(permissionSet("Taken set", null, "fleet:read")));
        MachineUserGroupRepresentation group = new MachineUserGroupRepresentation();
        group.name = "Taken group";
        other.groups().create(group);
        assertConflict(() -> other.groups().create(group));
        CreateMachineUserRepresentation sameClientId = new CreateMachineUserRepresentation();
        sameClientId.name = "Copy";
        sameClientId.clientId = mu.clientId;
        assertConflict(() -> other.machineUsers().create(sameClientId));

        // 400: bad input.
        assertThatThrownBy(() -> other.machineUsers().create(new CreateMachineUserRepresentation()))
                .isInstanceOf(BadRequestException.class);
        assertThatThrownBy(() -> other.machineUsers().list(null, "BOGUS", null, null, null, null))
                .isInstanceOfSatisfying(BadRequestException.class,
                        e -> assertThat(e.getResponse().readEntity(String.class)).contains("status"));
        assertThatThrownBy(() -> other.machineUsers().get(mu.id).usage(0)).isInstanceOf(BadRequestException.class);

        // 403: a view-only administrator may read but not change.
        otherFixture.admin().createUser(otherFixture.realm(), "typed-viewer", "viewer-pass-1", "view-machine-users");
        try (Keycloak viewerClient = AdminClients.as(otherFixture.realm(), "typed-viewer", "viewer-pass-1")) {
            MachineUsersRealmResource asViewer = AdminClients.machineUsersOf(viewerClient, otherFixture.realm());
            assertThat(asViewer.machineUsers().get(mu.id).toRepresentation().access).containsEntry("manage", false);
            assertThatThrownBy(() -> asViewer.machineUsers().get(mu.id).suspend("no"))
                    .isInstanceOf(ForbiddenException.class);
            assertThatThrownBy(() -> asViewer.machineUsers().create(request)).isInstanceOf(ForbiddenException.class);
        }
        assertThat(other.machineUsers().get(mu.id).toRepresentation().status).isEqualTo("ACTIVE");
    }

    private static void assertConflict(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ClientErrorException.class,
                e -> assertThat(e.getResponse().getStatus()).isEqualTo(409));
    }

    @Test
    void theClientSpeaksToTheSameApiAsPlainHttp() {
        CreateMachineUserRepresentation request = new CreateMachineUserRepresentation();
        request.name = "Seen both ways";
        MachineUserRepresentation typed = other.machineUsers().create(request);

        Map<?, ?> plain = otherFixture.machineUsers().get(typed.id).expectStatus(200).as(Map.class);

        assertThat(plain.get("clientId")).isEqualTo(typed.clientId);
        assertThat(plain.get("name")).isEqualTo("Seen both ways");
        assertThat(other.machineUsers().get(typed.id).keys().list()).extracting(k -> k.id).containsExactly(typed.accessKey.id);
    }
}
