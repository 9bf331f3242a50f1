package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Who may do what, endpoint by endpoint: the table of docs/partitions-and-groups.md
 * ("Partition-scoped administration") together with the contract's section 4 and the README
 * (manage-machine-users: everything; view-machine-users: every GET; anyone else: 403).
 *
 * <p>Every row runs on resources made for it alone (a machine user in {@code /Site A/Hall 1} with
 * a key and the set "Reader", a fresh set, partition or group), so a successful DELETE or move never
 * touches what another row uses. A refused row must leave everything as it was; an allowed write
 * must show in the state.
 */
class AuthorizationMatrixIT {

    /** The callers, in the order of the table's columns. */
    enum Caller {
        /** The bootstrap admin of the master realm. */
        MASTER_ADMIN,
        /** A user of the realm with realm-management/realm-admin. */
        REALM_ADMIN,
        /** A user with realm-management/manage-machine-users only. */
        MANAGER,
        /** A user with realm-management/view-machine-users only. */
        VIEWER,
        /** Administrator of partition /Site A: the machine users in /Site A/Hall 1 are in scope. */
        PARTITION_ADMIN,
        /** Administrator of partition /Site B: /Site A is out of scope. */
        OTHER_PARTITION_ADMIN,
        /** Viewer of partition /Site A. */
        PARTITION_VIEWER,
        /** A user of the realm without any role or partition right. */
        NO_ROLE
    }

    record Row(Caller caller, String method, String path, String body, int expected) {
        @Override
        public String toString() {
            return caller + " " + method + " " + path + (body == null ? "" : " " + body) + " -> " + expected;
        }
    }

    private static final List<Row> MATRIX = new ArrayList<>();

    // Placeholders, each a resource made for the row unless marked shared:
    //   {mu}            machine user owned by /Site A/Hall 1, with one key and the permission set "Reader"
    //   {key}           that machine user's key
    //   {publicKey}     a public key of that machine user (generated ES256)
    //   {federated}     a federated credential of that machine user (a subject of the Kubernetes provider "cluster")
    //   {suspended}     suspended machine user owned by /Site A/Hall 1
    //   {rootMu}        machine user owned by the realm root
    //   {set}           permission set (roles: telemetry:read), granted to nobody
    //   {partition}     empty partition under /Site A
    //   {administered}  empty partition under /Site A whose administrator is {candidate}
    //   {viewed}        empty partition under /Site A whose viewer is {candidate}
    //   {group}         machine-user group without members
    //   {memberGroup}   machine-user group whose member is {mu}
    //   {siteA}, {hall1}, {sharedGroup}, {candidate} (a human user of the realm): shared, never changed by a row
    //   {n}             a number unique to the row
    static {
        //                                                                                              MASTER REALM  MANAGE VIEW   P-ADM  P-ADM  P-VIEW NO
        //                                                                                              ADMIN  ADMIN  -MU    -MU    IN     OUT    IN     ROLE
        // ---- machine users
        row("GET", "/machine-users", null,                                                              200,   200,   200,   200,   200,   200,   200,   403);
        row("GET", "/machine-users/count", null,                                                        200,   200,   200,   200,   200,   200,   200,   403);
        row("POST", "/machine-users", "{\"name\":\"New {n}\",\"partition\":\"/Site A/Hall 1\"}",        201,   201,   201,   403,   201,   403,   403,   403);
        row("POST", "/machine-users", "{\"name\":\"New {n}\",\"partition\":\"{hall1}\"}",               201,   201,   201,   403,   201,   403,   403,   403);
        row("POST", "/machine-users", "{\"name\":\"New {n}\",\"partition\":\"/Site B\"}",               201,   201,   201,   403,   403,   201,   403,   403);
        row("POST", "/machine-users", "{\"name\":\"New {n}\"}",                                         201,   201,   201,   403,   403,   403,   403,   403);
        row("GET", "/machine-users/policy", null,                                                       200,   200,   200,   200,   200,   200,   200,   403);
        row("GET", "/machine-users/access", null,                                                       200,   200,   200,   200,   200,   200,   200,   403);
        row("PUT", "/machine-users/policy", "{\"defaultAccessTokenLifespan\":{n}}",                     200,   200,   200,   403,   403,   403,   403,   403);
        row("GET", "/machine-users/{mu}", null,                                                         200,   200,   200,   200,   200,   403,   200,   403);
        row("GET", "/machine-users/{rootMu}", null,                                                     200,   200,   200,   200,   403,   403,   403,   403);
        row("PUT", "/machine-users/{mu}", "{\"description\":\"changed {n}\"}",                          200,   200,   200,   403,   200,   403,   403,   403);
        row("PUT", "/machine-users/{mu}", "{\"partition\":\"/Site A\"}",                                200,   200,   200,   403,   200,   403,   403,   403);
        row("PUT", "/machine-users/{mu}", "{\"partition\":\"/Site B\"}",                                200,   200,   200,   403,   403,   403,   403,   403);
        row("PUT", "/machine-users/{mu}", "{\"partition\":null}",                                       200,   200,   200,   403,   403,   403,   403,   403);
        row("PUT", "/machine-users/{rootMu}", "{\"partition\":\"/Site A\"}",                            200,   200,   200,   403,   403,   403,   403,   403);
        row("DELETE", "/machine-users/{mu}", null,                                                      204,   204,   204,   403,   204,   403,   403,   403);
        row("POST", "/machine-users/{mu}/suspend", "{\"reason\":\"matrix {n}\"}",                       200,   200,   200,   403,   200,   403,   403,   403);
        row("POST", "/machine-users/{suspended}/resume", null,                                          200,   200,   200,   403,   200,   403,   403,   403);
        row("GET", "/machine-users/{mu}/history", null,                                                 200,   200,   200,   200,   200,   403,   200,   403);
        row("GET", "/machine-users/{mu}/history/count", null,                                           200,   200,   200,   200,   200,   403,   200,   403);
        row("GET", "/machine-users/{mu}/usage?days=7", null,                                            200,   200,   200,   200,   200,   403,   200,   403);
        row("GET", "/machine-users/{mu}/token-preview", null,                                           200,   200,   200,   200,   200,   403,   200,   403);
        row("GET", "/machine-users/{rootMu}/token-preview", null,                                       200,   200,   200,   200,   403,   403,   403,   403);
        // ---- access keys
        row("GET", "/machine-users/{mu}/keys", null,                                                    200,   200,   200,   200,   200,   403,   200,   403);
        row("POST", "/machine-users/{mu}/keys", "{\"description\":\"key {n}\"}",                        201,   201,   201,   403,   201,   403,   403,   403);
        row("GET", "/machine-users/{mu}/keys/{key}", null,                                              200,   200,   200,   200,   200,   403,   200,   403);
        row("PUT", "/machine-users/{mu}/keys/{key}", "{\"status\":\"INACTIVE\"}",                       200,   200,   200,   403,   200,   403,   403,   403);
        row("DELETE", "/machine-users/{mu}/keys/{key}", null,                                           204,   204,   204,   403,   204,   403,   403,   403);
        row("POST", "/machine-users/{mu}/keys/{key}/replace", null,                                     200,   200,   200,   403,   200,   403,   403,   403);
        // ---- public keys
        row("GET", "/machine-users/{mu}/public-keys", null,                                             200,   200,   200,   200,   200,   403,   200,   403);
        row("POST", "/machine-users/{mu}/public-keys", "{\"generate\":true,\"algorithm\":\"ES256\"}",      201,   201,   201,   403,   201,   403,   403,   403);
        row("GET", "/machine-users/{mu}/public-keys/{publicKey}", null,                                 200,   200,   200,   200,   200,   403,   200,   403);
        row("PUT", "/machine-users/{mu}/public-keys/{publicKey}", "{\"status\":\"INACTIVE\"}",          200,   200,   200,   403,   200,   403,   403,   403);
        row("DELETE", "/machine-users/{mu}/public-keys/{publicKey}", null,                              204,   204,   204,   403,   204,   403,   403,   403);
        row("GET", "/machine-users/{rootMu}/public-keys", null,                                         200,   200,   200,   200,   403,   403,   403,   403);
        row("GET", "/machine-users/{mu}/federated-credentials", null,                                   200,   200,   200,   200,   200,   403,   200,   403);
        row("POST", "/machine-users/{mu}/federated-credentials", "{\"identityProvider\":\"cluster\",\"subject\":\"system:serviceaccount:m:{n}\"}",
                                                                                                        201,   201,   201,   403,   201,   403,   403,   403);
        row("GET", "/machine-users/{mu}/federated-credentials/{federated}", null,                       200,   200,   200,   200,   200,   403,   200,   403);
        row("PUT", "/machine-users/{mu}/federated-credentials/{federated}", "{\"status\":\"INACTIVE\"}", 200,   200,   200,   403,   200,   403,   403,   403);
        row("DELETE", "/machine-users/{mu}/federated-credentials/{federated}", null,                    204,   204,   204,   403,   204,   403,   403,   403);
        row("GET", "/machine-users/{rootMu}/federated-credentials", null,                               200,   200,   200,   200,   403,   403,   403,   403);
        // ---- granting permission sets
        row("PUT", "/machine-users/{mu}/permission-sets/Writer", "{}",                                  204,   204,   204,   403,   204,   403,   403,   403);
        row("DELETE", "/machine-users/{mu}/permission-sets/Reader", null,                               204,   204,   204,   403,   204,   403,   403,   403);
        // ---- permission sets
        row("GET", "/permission-sets", null,                                                            200,   200,   200,   200,   200,   200,   200,   403);
        row("GET", "/permission-sets/count", null,                                                      200,   200,   200,   200,   200,   200,   200,   403);
        row("GET", "/permission-sets/Reader", null,                                                     200,   200,   200,   200,   200,   200,   200,   403);
        row("POST", "/permission-sets", "{\"name\":\"set-{n}\",\"roles\":[\"telemetry:read\"]}",        201,   201,   201,   403,   403,   403,   403,   403);
        row("PUT", "/permission-sets/{set}", "{\"description\":\"changed {n}\"}",                       200,   200,   200,   403,   403,   403,   403,   403);
        row("DELETE", "/permission-sets/{set}", null,                                                   204,   204,   204,   403,   403,   403,   403,   403);
        // ---- partitions
        row("GET", "/partitions", null,                                                                 200,   200,   200,   200,   200,   200,   200,   403);
        row("GET", "/partitions/count", null,                                                           200,   200,   200,   200,   200,   200,   200,   403);
        row("GET", "/partitions/{hall1}", null,                                                         200,   200,   200,   200,   200,   403,   200,   403);
        row("POST", "/partitions", "{\"name\":\"Partition {n}\",\"parentId\":\"{siteA}\"}",             201,   201,   201,   403,   403,   403,   403,   403);
        row("POST", "/partitions", "{\"name\":\"Top {n}\"}",                                            201,   201,   201,   403,   403,   403,   403,   403);
        row("PUT", "/partitions/{partition}", "{\"name\":\"Renamed {n}\"}",                             200,   200,   200,   403,   403,   403,   403,   403);
        row("PUT", "/partitions/{partition}", "{\"parentId\":null}",                                    200,   200,   200,   403,   403,   403,   403,   403);
        row("DELETE", "/partitions/{partition}", null,                                                  204,   204,   204,   403,   403,   403,   403,   403);
        row("GET", "/partitions/{hall1}/administrators", null,                                          200,   200,   200,   200,   403,   403,   403,   403);
        row("PUT", "/partitions/{partition}/administrators/{candidate}", "{}",                          204,   204,   204,   403,   403,   403,   403,   403);
        row("DELETE", "/partitions/{administered}/administrators/{candidate}", null,                    204,   204,   204,   403,   403,   403,   403,   403);
        row("GET", "/partitions/{hall1}/viewers", null,                                                 200,   200,   200,   200,   403,   403,   403,   403);
        row("PUT", "/partitions/{partition}/viewers/{candidate}", "{}",                                 204,   204,   204,   403,   403,   403,   403,   403);
        row("DELETE", "/partitions/{viewed}/viewers/{candidate}", null,                                 204,   204,   204,   403,   403,   403,   403,   403);
        // ---- machine-user groups
        row("GET", "/machine-user-groups", null,                                                        200,   200,   200,   200,   403,   403,   403,   403);
        row("GET", "/machine-user-groups/count", null,                                                  200,   200,   200,   200,   403,   403,   403,   403);
        row("POST", "/machine-user-groups", "{\"name\":\"group-{n}\",\"permissionSets\":[\"Reader\"],\"partitions\":[\"/Site A\"]}",
                                                                                                        201,   201,   201,   403,   403,   403,   403,   403);
        row("GET", "/machine-user-groups/{sharedGroup}", null,                                          200,   200,   200,   200,   403,   403,   403,   403);
        row("PUT", "/machine-user-groups/{group}", "{\"description\":\"changed {n}\"}",                 200,   200,   200,   403,   403,   403,   403,   403);
        row("DELETE", "/machine-user-groups/{group}", null,                                             204,   204,   204,   403,   403,   403,   403,   403);
        row("GET", "/machine-user-groups/{sharedGroup}/members", null,                                  200,   200,   200,   200,   403,   403,   403,   403);
        row("PUT", "/machine-user-groups/{group}/members/{mu}", "{}",                                   204,   204,   204,   403,   403,   403,   403,   403);
        row("DELETE", "/machine-user-groups/{memberGroup}/members/{mu}", null,                          204,   204,   204,   403,   403,   403,   403,   403);
    }

    private static void row(String method, String path, String body, int... expected) {
        Caller[] callers = Caller.values();
        if (expected.length != callers.length) {
            throw new IllegalArgumentException(method + " " + path + ": " + expected.length + " columns, expected " + callers.length);
        }
        for (int i = 0; i < callers.length; i++) {
            MATRIX.add(new Row(callers[i], method, path, body, expected[i]));
        }
    }

    static Stream<Row> matrix() {
        return MATRIX.stream();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)\\}");
    private static final AtomicInteger COUNTER = new AtomicInteger(1000);

    private static RealmFixture fixture;
    private static AdminApi admin;
    private static String realm;
    private static final Map<Caller, AdminApi> CALLERS = new EnumMap<>(Caller.class);
    private static final Map<String, String> SHARED = new HashMap<>();

    @BeforeAll
    static void realmUsersAndPartitions() {
        fixture = RealmFixture.create("matrix");
        admin = fixture.admin();
        realm = fixture.realm();
        fixture.createRole("telemetry:read", true);
        fixture.createRole("telemetry:write", false);
        admin.post(path("/permission-sets"), Map.of("name", "Reader", "roles", List.of("telemetry:read"))).expectStatus(201);
        admin.post(path("/permission-sets"), Map.of("name", "Writer", "roles", List.of("telemetry:write"))).expectStatus(201);

        String siteA = fixture.createPartition("Site A", null);
        String hall1 = fixture.createPartition("Hall 1", siteA);
        String siteB = fixture.createPartition("Site B", null);
        SHARED.put("siteA", siteA);
        SHARED.put("hall1", hall1);
        SHARED.put("siteB", siteB);
        SHARED.put("sharedGroup", admin.post(path("/machine-user-groups"), Map.of("name", "Shared group",
                "permissionSets", List.of("Reader"), "partitions", List.of("/Site A"))).expectStatus(201).idFromLocation());
        SHARED.put("candidate", admin.createUser(realm, "candidate", "candidate-pass-1"));
        // Federated credentials need a provider that verifies client assertions; it is never asked here.
        admin.post(path("/identity-provider/instances"), Map.of("alias", "cluster", "providerId", "kubernetes", "enabled", true,
                "config", Map.of("issuer", "https://kubernetes.matrix.test"))).expectStatus(201);

        CALLERS.put(Caller.MASTER_ADMIN, admin);
        CALLERS.put(Caller.REALM_ADMIN, user("boss", "realm-admin"));
        CALLERS.put(Caller.MANAGER, user("manager", "manage-machine-users"));
        CALLERS.put(Caller.VIEWER, user("viewer", "view-machine-users"));
        CALLERS.put(Caller.PARTITION_ADMIN, partitionUser("site-a-admin", siteA, "administrators"));
        CALLERS.put(Caller.OTHER_PARTITION_ADMIN, partitionUser("site-b-admin", siteB, "administrators"));
        CALLERS.put(Caller.PARTITION_VIEWER, partitionUser("site-a-viewer", siteA, "viewers"));
        CALLERS.put(Caller.NO_ROLE, user("nobody"));
    }

    private static String path(String relative) {
        return "/" + realm + relative;
    }

    private static AdminApi user(String username, String... roles) {
        admin.createUser(realm, username, username + "-pass-1", roles);
        return AdminApi.as(realm, username, username + "-pass-1");
    }

    /** A user without realm-management roles who gets partition rights; {@code kind} is administrators or viewers. */
    private static AdminApi partitionUser(String username, String partitionId, String kind) {
        String userId = admin.createUser(realm, username, username + "-pass-1");
        admin.put(path("/partitions/" + partitionId + "/" + kind + "/" + userId), Map.of()).expectStatus(204);
        return AdminApi.as(realm, username, username + "-pass-1");
    }

    // ---------------------------------------------------------------- the matrix

    @ParameterizedTest(name = "{0}")
    @MethodSource("matrix")
    void endpointAnswersTheCallerAsTheTableSays(Row row) {
        Resources resources = new Resources();
        String resolvedPath = resources.resolve(row.path());
        String resolvedBody = row.body() == null ? null : resources.resolve(row.body());
        boolean refused = row.expected() >= 400;
        boolean write = !"GET".equals(row.method());
        String before = refused || write ? resources.state() : null;

        ApiResponse response = CALLERS.get(row.caller()).call(row.method(), path(resolvedPath), resolvedBody);

        assertThat(response.status()).as("%s %s %s as %s answered %s", row.method(), resolvedPath,
                resolvedBody == null ? "" : resolvedBody, row.caller(), response).isEqualTo(row.expected());
        if (refused) {
            assertThat(resources.state()).as("state after the refused " + row).isEqualTo(before);
        } else if (write) {
            // Every write of the table changes something the state shows, so an allowed one must have.
            assertThat(resources.state()).as("state after the allowed " + row).isNotEqualTo(before);
        }
    }

    /** The resources of one row, made on first use by the master admin, and what a refused request must not change. */
    private static final class Resources {

        private final Map<String, String> values = new HashMap<>();
        private final Set<String> machineUsers = new LinkedHashSet<>();
        private final Set<String> partitions = new LinkedHashSet<>();
        private final Set<String> groups = new LinkedHashSet<>();
        private final Set<String> sets = new LinkedHashSet<>();

        String resolve(String template) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(out, Matcher.quoteReplacement(value(matcher.group(1))));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        private String value(String name) {
            if (SHARED.containsKey(name)) {
                return SHARED.get(name);
            }
            String known = values.get(name);
            if (known != null) {
                return known;
            }
            String made = make(name);
            values.put(name, made);
            return made;
        }

        private String make(String name) {
            int n = COUNTER.incrementAndGet();
            switch (name) {
                case "n":
                    return String.valueOf(n);
                case "mu": {
                    JsonNode mu = admin.post(path("/machine-users"), Map.of("name", "Matrix " + n,
                            "partition", SHARED.get("hall1"), "permissionSets", List.of("Reader"))).expectStatus(201).json();
                    values.put("key", mu.path("accessKey").path("id").asText());
                    return machineUser(mu.path("id").asText());
                }
                case "key":
                    value("mu");
                    return values.get("key");
                case "publicKey": {
                    String mu = value("mu");
                    return admin.post(path("/machine-users/" + mu + "/public-keys"), Map.of("generate", true, "algorithm", "ES256"))
                            .expectStatus(201).json().path("id").asText();
                }
                case "federated": {
                    String mu = value("mu");
                    return admin.post(path("/machine-users/" + mu + "/federated-credentials"), Map.of("identityProvider", "cluster",
                            "subject", "system:serviceaccount:matrix:" + n)).expectStatus(201).json().path("id").asText();
                }
                case "suspended": {
                    String id = admin.post(path("/machine-users"), Map.of("name", "Suspended " + n, "partition", SHARED.get("hall1")))
                            .expectStatus(201).json().path("id").asText();
                    admin.post(path("/machine-users/" + id + "/suspend"), Map.of("reason", "matrix")).expectStatus(200);
                    return machineUser(id);
                }
                case "rootMu":
                    return machineUser(admin.post(path("/machine-users"), Map.of("name", "Root " + n)).expectStatus(201).json().path("id").asText());
                case "set": {
                    String set = "fresh-set-" + n;
                    admin.post(path("/permission-sets"), Map.of("name", set, "roles", List.of("telemetry:read"))).expectStatus(201);
                    sets.add(set);
                    return set;
                }
                case "partition":
                    return partition("Fresh " + n);
                case "administered": {
                    String id = partition("Administered " + n);
                    admin.put(path("/partitions/" + id + "/administrators/" + SHARED.get("candidate")), Map.of()).expectStatus(204);
                    return id;
                }
                case "viewed": {
                    String id = partition("Viewed " + n);
                    admin.put(path("/partitions/" + id + "/viewers/" + SHARED.get("candidate")), Map.of()).expectStatus(204);
                    return id;
                }
                case "group":
                    return group("fresh-group-" + n);
                case "memberGroup": {
                    String id = group("member-group-" + n);
                    admin.put(path("/machine-user-groups/" + id + "/members/" + value("mu")), Map.of()).expectStatus(204);
                    return id;
                }
                default:
                    throw new IllegalArgumentException("Unknown placeholder {" + name + "}");
            }
        }

        private String machineUser(String id) {
            machineUsers.add(id);
            return id;
        }

        private String partition(String name) {
            String id = fixture.createPartition(name, SHARED.get("siteA"));
            partitions.add(id);
            return id;
        }

        private String group(String name) {
            String id = admin.post(path("/machine-user-groups"), Map.of("name", name)).expectStatus(201).idFromLocation();
            groups.add(id);
            return id;
        }

        /** Everything a request of the row could change, as the master admin sees it. */
        String state() {
            List<String> reads = new ArrayList<>(List.of("/machine-users/count", "/partitions/count",
                    "/machine-user-groups/count", "/permission-sets/count", "/machine-users/policy",
                    "/partitions/" + SHARED.get("siteA"), "/partitions/" + SHARED.get("hall1"),
                    "/machine-user-groups/" + SHARED.get("sharedGroup") + "/members"));
            for (String id : machineUsers) {
                reads.addAll(List.of("/machine-users/" + id, "/machine-users/" + id + "/keys", "/machine-users/" + id + "/history/count"));
            }
            for (String id : partitions) {
                reads.addAll(List.of("/partitions/" + id, "/partitions/" + id + "/administrators", "/partitions/" + id + "/viewers"));
            }
            for (String id : groups) {
                reads.addAll(List.of("/machine-user-groups/" + id, "/machine-user-groups/" + id + "/members"));
            }
            for (String name : sets) {
                reads.add("/permission-sets/" + name);
            }
            StringBuilder state = new StringBuilder();
            for (String read : reads) {
                state.append(read).append(" -> ").append(admin.get(path(read))).append('\n');
            }
            return state.toString();
        }
    }

    // ---------------------------------------------------------------- what partition-scoped callers see

    @Test
    void partitionScopedCallersSeeAndChangeOnlyTheirSubtree() {
        String scopeX = fixture.createPartition("Scope X", null);
        String scopeXSub = fixture.createPartition("Sub", scopeX);
        String scopeY = fixture.createPartition("Scope Y", null);
        MachineUsersApi x = new MachineUsersApi(partitionUser("x-admin", scopeX, "administrators"), realm);
        MachineUsersApi subViewer = new MachineUsersApi(partitionUser("x-sub-viewer", scopeXSub, "viewers"), realm);
        MachineUsersApi y = new MachineUsersApi(partitionUser("y-admin", scopeY, "administrators"), realm);
        MachineUsersApi master = fixture.machineUsers();

        String x1 = master.create(Map.of("name", "Scope X machine", "partition", "/Scope X")).expectStatus(201).json().path("id").asText();
        String x2 = master.create(Map.of("name", "Scope X sub machine", "partition", "/Scope X/Sub")).expectStatus(201).json().path("id").asText();
        String y1 = master.create(Map.of("name", "Scope Y machine", "partition", scopeY)).expectStatus(201).json().path("id").asText();
        String root = master.create(Map.of("name", "Scope root machine")).expectStatus(201).json().path("id").asText();

        // Lists and counts: exactly the subtree.
        assertThat(x.list("").expectStatus(200).json().findValuesAsText("id")).containsExactly(x2, x1);
        assertThat(x.count("").expectStatus(200).json().asLong()).isEqualTo(2);
        assertThat(x.list("max=1").json().findValuesAsText("id")).containsExactly(x2);
        assertThat(x.list("search=scope").json().findValuesAsText("id")).containsExactly(x2, x1);
        assertThat(x.count("search=scope%20x%20sub").json().asLong()).isEqualTo(1);
        assertThat(x.list("partition=%2FScope%20X%2FSub").expectStatus(200).json().findValuesAsText("id")).containsExactly(x2);
        assertThat(x.count("partition=%2FScope%20X%2FSub").json().asLong()).isEqualTo(1);
        assertThat(x.list("partition=%2FScope%20X&includeSubPartitions=true").json().findValuesAsText("id")).containsExactly(x2, x1);
        assertThat(x.count("partition=%2FScope%20X&includeSubPartitions=true").json().asLong()).isEqualTo(2);
        assertThat(subViewer.list("").expectStatus(200).json().findValuesAsText("id")).containsExactly(x2);
        assertThat(subViewer.count("").expectStatus(200).json().asLong()).isEqualTo(1);
        assertThat(y.list("").expectStatus(200).json().findValuesAsText("id")).containsExactly(y1);
        assertThat(y.count("").expectStatus(200).json().asLong()).isEqualTo(1);

        assertThat(partitionPaths(x.admin(), "")).containsExactly("/Scope X", "/Scope X/Sub");
        assertThat(x.admin().get(path("/partitions/count")).expectStatus(200).json().asLong()).isEqualTo(2);
        assertThat(partitionPaths(subViewer.admin(), "")).containsExactly("/Scope X/Sub");
        assertThat(subViewer.admin().get(path("/partitions/count")).json().asLong()).isEqualTo(1);
        assertThat(partitionPaths(y.admin(), "")).containsExactly("/Scope Y");
        assertThat(partitionPaths(x.admin(), "?search=Sub")).containsExactly("/Scope X/Sub");
        assertThat(x.admin().get(path("/partitions/" + scopeXSub)).status()).isEqualTo(200);
        assertThat(x.admin().get(path("/partitions/" + scopeY)).status()).isEqualTo(403);
        assertThat(subViewer.admin().get(path("/partitions/" + scopeX)).status()).isEqualTo(403);

        // Single machine users: in scope only.
        assertThat(subViewer.get(x2).status()).isEqualTo(200);
        assertThat(subViewer.get(x1).status()).isEqualTo(403);
        assertThat(subViewer.get(y1).status()).isEqualTo(403);
        assertThat(subViewer.get(root).status()).isEqualTo(403);
        assertThat(x.get(x1).status()).isEqualTo(200);
        assertThat(x.get(x2).status()).isEqualTo(200);
        assertThat(x.get(y1).status()).isEqualTo(403);
        assertThat(x.get(root).status()).isEqualTo(403);
        assertThat(x.keys(y1).status()).isEqualTo(403);
        assertThat(x.history(y1).status()).isEqualTo(403);
        assertThat(x.usage(y1, 7).status()).isEqualTo(403);

        // Creating: only with a partition in scope.
        long total = master.count("").json().asLong();
        String history = master.history(x2).body();
        assertThat(x.create(Map.of("name", "Scopeless")).status()).isEqualTo(403);
        assertThat(x.create(Map.of("name", "Scopeless", "partition", "/Scope Y")).status()).isEqualTo(403);
        assertThat(x.create(Map.of("name", "Scopeless", "partition", scopeY)).status()).isEqualTo(403);
        assertThat(subViewer.create(Map.of("name", "Scopeless", "partition", "/Scope X/Sub")).status()).isEqualTo(403);
        assertThat(master.count("").json().asLong()).isEqualTo(total);
        assertThat(master.list("search=Scopeless").json()).isEmpty();

        // Moving: never out of scope, never in from outside.
        assertThat(x.update(x2, Map.of("partition", "/Scope Y")).status()).isEqualTo(403);
        assertThat(x.update(x2, nullPartition()).status()).isEqualTo(403);
        assertThat(x.update(x2, Map.of("partition", "")).status()).isEqualTo(403);
        assertThat(y.update(x2, Map.of("partition", "/Scope Y")).status()).isEqualTo(403);
        assertThat(x.update(y1, Map.of("partition", "/Scope X")).status()).isEqualTo(403);
        assertThat(x.update(root, Map.of("partition", "/Scope X")).status()).isEqualTo(403);
        assertThat(subViewer.update(x2, Map.of("partition", "/Scope X")).status()).isEqualTo(403);
        assertThat(master.get(x2).json().path("partition").asText()).isEqualTo("/Scope X/Sub");
        assertThat(master.get(y1).json().path("partition").asText()).isEqualTo("/Scope Y");
        assertThat(master.get(root).json().has("partition")).isFalse();
        assertThat(master.history(x2).body()).isEqualTo(history);

        // Within the subtree everything works, and the lists follow.
        ApiResponse created = x.create(Map.of("name", "Scope X new machine", "partition", "/Scope X/Sub"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String x3 = created.json().path("id").asText();
        assertThat(created.json().path("partition").asText()).isEqualTo("/Scope X/Sub");
        assertThat(created.json().path("accessKey").path("secret").asText()).startsWith("kcmu_");
        assertThat(x.create(Map.of("name", "Scope X by id", "partition", scopeX)).status()).isEqualTo(201);
        ApiResponse moved = x.update(x2, Map.of("partition", "/Scope X"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().path("partition").asText()).isEqualTo("/Scope X");
        assertThat(x.count("").json().asLong()).isEqualTo(4);
        assertThat(subViewer.list("").json().findValuesAsText("id")).containsExactly(x3);
        assertThat(subViewer.get(x2).status()).isEqualTo(403);
        assertThat(y.count("").json().asLong()).isEqualTo(1);
    }

    private static Map<String, Object> nullPartition() {
        Map<String, Object> body = new HashMap<>();
        body.put("partition", null);
        return body;
    }

    private static List<String> partitionPaths(AdminApi caller, String query) {
        return caller.get(path("/partitions" + query)).expectStatus(200).json().findValuesAsText("path");
    }

    @Test
    void aPartitionViewerNeverSeesASecret() {
        MachineUsersApi viewer = new MachineUsersApi(CALLERS.get(Caller.PARTITION_VIEWER), realm);
        Resources resources = new Resources();
        String mu = resources.resolve("{mu}");
        assertThat(viewer.keys(mu).expectStatus(200).body()).doesNotContain("secret").doesNotContain("kcmu_");
        assertThat(viewer.get(mu).expectStatus(200).body()).doesNotContain("kcmu_");
        assertThat(MATRIX).extracting(Row::caller).containsOnly(Caller.values());
    }
}
