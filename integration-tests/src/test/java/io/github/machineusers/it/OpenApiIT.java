package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 2: the OpenAPI document generated from the code cannot drift from what the
 * server answers. A walk through every documented operation, successes and refusals, is checked
 * exchange by exchange against the document (operation, query parameters, status, request and
 * response bodies), and the walk must have reached every documented operation with a success.
 */
class OpenApiIT {

    private static final String JSON = "application/json";
    private static final java.util.regex.Pattern EXTENSION_PATHS =
            java.util.regex.Pattern.compile("/admin/realms/[^/]+/(machine-users|permission-sets|partitions|machine-user-groups)(/.*)?");

    private final OpenApiDocument document = OpenApiDocument.generated();
    private final List<AdminApi.Exchange> exchanges = Collections.synchronizedList(new ArrayList<>());

    @Test
    void everyOperationAnswersAsTheGeneratedDocumentSays() {
        AdminApi admin = AdminApi.forMaster().observedBy(exchanges::add);
        String realm = admin.createRealm("openapi-" + UUID.randomUUID().toString().substring(0, 8));
        walkEveryOperation(admin, realm);

        List<String> problems = new ArrayList<>();
        Set<String> succeeded = new TreeSet<>();
        for (AdminApi.Exchange exchange : List.copyOf(exchanges)) {
            if (!EXTENSION_PATHS.matcher(exchange.uri().getRawPath()).matches()) {
                continue; // realm, role and user set-up through Keycloak's own API
            }
            problems.addAll(document.problems(exchange));
            if (exchange.response().status() < 300) {
                document.match(exchange.method(), exchange.uri().getRawPath()).ifPresent(op -> succeeded.add(op.toString()));
            }
        }
        Set<String> documented = new TreeSet<>();
        document.operations().forEach(operation -> documented.add(operation.toString()));

        assertThat(problems).as("exchanges the document does not describe").isEmpty();
        assertThat(succeeded).as("documented operations the walk reached with a success").isEqualTo(documented);
        assertThat(documented).hasSizeGreaterThanOrEqualTo(49);
    }

    private void walkEveryOperation(AdminApi admin, String realm) {
        MachineUsersApi api = new MachineUsersApi(admin, realm);
        String r = "/" + realm;
        admin.post(r + "/roles", Map.of("name", "meter-read", "attributes", Map.of("read-only", List.of("true")))).expectStatus(201);

        // Policy and the caller's rights.
        api.policy().expectStatus(200);
        api.updatePolicy(Map.of("keyExpiryWarningDays", List.of(14, 1))).expectStatus(200);
        admin.get(r + "/machine-users/access").expectStatus(200);

        // Permission sets.
        admin.post(r + "/permission-sets", Map.of("name", "Meter reader", "roles", List.of("meter-read"), "readOnly", true)).expectStatus(201);
        admin.post(r + "/permission-sets", Map.of("name", "Meter reader", "roles", List.of("meter-read"))).expectStatus(409);
        admin.post(r + "/permission-sets", Map.of("name", "Broken", "roles", List.of("no-such-role"))).expectStatus(400);
        admin.get(r + "/permission-sets?search=Meter&first=0&max=10").expectStatus(200);
        admin.get(r + "/permission-sets/count?search=Meter").expectStatus(200);
        admin.get(r + "/permission-sets/Meter%20reader").expectStatus(200);
        admin.get(r + "/permission-sets/No%20such%20set").expectStatus(404);
        admin.put(r + "/permission-sets/Meter%20reader", Map.of("description", "reads meters", "roles", List.of("meter-read"), "readOnly", true))
                .expectStatus(200);

        // Partitions and their administrators.
        String site = admin.post(r + "/partitions", Map.of("name", "Site North")).expectStatus(201).idFromLocation();
        String building = admin.post(r + "/partitions", Map.of("name", "Building A", "parentId", site)).expectStatus(201).idFromLocation();
        admin.post(r + "/partitions", Map.of("name", "Building A", "parentId", site)).expectStatus(409);
        admin.get(r + "/partitions?search=Site&first=0&max=10").expectStatus(200);
        admin.get(r + "/partitions/count?search=Site").expectStatus(200);
        admin.get(r + "/partitions/" + building).expectStatus(200);
        admin.put(r + "/partitions/" + building, Map.of("name", "Building B")).expectStatus(200);
        String human = admin.createUser(realm, "site-operator", "site-operator-password");
        admin.putRaw(r + "/partitions/" + site + "/administrators/" + human, "", JSON).expectStatus(204);
        admin.putRaw(r + "/partitions/" + site + "/viewers/" + human, "", JSON).expectStatus(204);
        admin.get(r + "/partitions/" + site + "/administrators").expectStatus(200);
        admin.get(r + "/partitions/" + site + "/viewers").expectStatus(200);
        admin.delete(r + "/partitions/" + site + "/viewers/" + human).expectStatus(204);
        admin.delete(r + "/partitions/" + site + "/administrators/" + human).expectStatus(204);

        // Machine users.
        JsonNode gateway = api.create(Map.of("name", "Meter gateway", "partition", "/Site North/Building B",
                "permissionSets", List.of("Meter reader"), "notificationEmail", "ops@openapi.test")).expectStatus(201).json();
        String id = gateway.path("id").asText();
        api.create(Map.of("name", "Taken", "clientId", gateway.path("clientId").asText())).expectStatus(409);
        api.create(Map.of("description", "no name")).expectStatus(400);
        api.list("search=Meter&status=ACTIVE&partition=/Site%20North&includeSubPartitions=true&first=0&max=10").expectStatus(200);
        api.count("search=Meter&status=ACTIVE&partition=/Site%20North&includeSubPartitions=true").expectStatus(200);
        api.get(id).expectStatus(200);
        api.get(UUID.randomUUID().toString()).expectStatus(404);
        api.update(id, Map.of("description", "reads meters")).expectStatus(200);
        admin.delete(r + "/machine-users/" + id + "/permission-sets/Meter%20reader").expectStatus(204);
        admin.putRaw(r + "/machine-users/" + id + "/permission-sets/Meter%20reader", "", JSON).expectStatus(204);
        api.usage(id, 7).expectStatus(200);
        admin.get(r + "/machine-users/" + id + "/token-preview").expectStatus(200);
        admin.get(r + "/machine-users/" + id + "/token-preview?scope=no-such-scope").expectStatus(400);

        // Keys.
        String firstKey = gateway.path("accessKey").path("id").asText();
        String secondKey = api.createKey(id, Map.of("description", "spare")).expectStatus(201).json().path("id").asText();
        api.createKey(id, Map.of()).expectStatus(409);
        api.keys(id).expectStatus(200);
        admin.get(r + "/machine-users/" + id + "/keys/" + firstKey).expectStatus(200);
        api.updateKey(id, secondKey, Map.of("status", "INACTIVE")).expectStatus(200);
        api.updateKey(id, secondKey, Map.of("status", "DELETED")).expectStatus(400);
        api.replaceKey(id, firstKey).expectStatus(200);
        api.deleteKey(id, secondKey).expectStatus(204);
        api.deleteKey(id, secondKey).expectStatus(404);

        // Public keys.
        String keys = r + "/machine-users/" + id + "/public-keys";
        String publicKey = admin.post(keys, Map.of("generate", true, "algorithm", "ES256")).expectStatus(201).json().path("id").asText();
        admin.post(keys, Map.of("jwk", Map.of("kty", "oct", "k", "c2VjcmV0"))).expectStatus(400);
        admin.get(keys).expectStatus(200);
        admin.get(keys + "/" + publicKey).expectStatus(200);
        admin.put(keys + "/" + publicKey, Map.of("status", "INACTIVE", "description", "paused")).expectStatus(200);
        admin.post(keys, Map.of("generate", true, "algorithm", "EdDSA")).expectStatus(201);
        admin.post(keys, Map.of("generate", true, "algorithm", "RS256")).expectStatus(409);
        admin.delete(keys + "/" + publicKey).expectStatus(204);
        admin.delete(keys + "/" + publicKey).expectStatus(404);

        // Federated credentials.
        admin.post(r + "/identity-provider/instances", Map.of("alias", "cluster", "providerId", "kubernetes", "enabled", true,
                "config", Map.of("issuer", "https://kubernetes.openapi.test"))).expectStatus(201);
        String federated = r + "/machine-users/" + id + "/federated-credentials";
        String credential = admin.post(federated, Map.of("identityProvider", "cluster", "subject", "system:serviceaccount:ci:deployer",
                "description", "deploys")).expectStatus(201).json().path("id").asText();
        admin.post(federated, Map.of("identityProvider", "no-such-provider", "subject", "x")).expectStatus(400);
        admin.post(federated, Map.of("identityProvider", "cluster", "subject", "system:serviceaccount:ci:deployer")).expectStatus(409);
        admin.get(federated).expectStatus(200);
        admin.get(federated + "/" + credential).expectStatus(200);
        admin.put(federated + "/" + credential, Map.of("status", "INACTIVE", "description", "paused")).expectStatus(200);
        admin.delete(federated + "/" + credential).expectStatus(204);
        admin.delete(federated + "/" + credential).expectStatus(404);

        // Suspension.
        api.suspend(id, "key leaked").expectStatus(200);
        api.resume(id).expectStatus(200);

        // Groups.
        String group = admin.post(r + "/machine-user-groups", Map.of("name", "Readers", "permissionSets", List.of("Meter reader"),
                "partitions", List.of("/Site North"))).expectStatus(201).idFromLocation();
        admin.post(r + "/machine-user-groups", Map.of("name", "Readers")).expectStatus(409);
        admin.get(r + "/machine-user-groups?search=Read&first=0&max=10").expectStatus(200);
        admin.get(r + "/machine-user-groups/count?search=Read").expectStatus(200);
        admin.get(r + "/machine-user-groups/" + group).expectStatus(200);
        admin.put(r + "/machine-user-groups/" + group, Map.of("description", "meter readers")).expectStatus(200);
        admin.putRaw(r + "/machine-user-groups/" + group + "/members/" + id, "", JSON).expectStatus(204);
        admin.get(r + "/machine-user-groups/" + group + "/members?first=0&max=10").expectStatus(200);
        admin.delete(r + "/machine-user-groups/" + group + "/members/" + id).expectStatus(204);
        admin.delete(r + "/machine-user-groups/" + group).expectStatus(204);

        // Refusals for lack of rights: a realm user without admin roles.
        AdminApi outsider = AdminApi.as(realm, "site-operator", "site-operator-password").observedBy(exchanges::add);
        outsider.get(r + "/machine-users/" + id).expectStatus(403);
        outsider.put(r + "/machine-users/policy", Map.of("maxKeysPerMachineUser", 1)).expectStatus(403);

        // Deletions, and the history that outlives the machine user.
        admin.delete(r + "/partitions/" + site).expectStatus(409);
        api.delete(id).expectStatus(204);
        api.history(id).expectStatus(200);
        admin.get(r + "/machine-users/" + id + "/history/count").expectStatus(200);
        admin.delete(r + "/partitions/" + site).expectStatus(204);
        admin.delete(r + "/permission-sets/Meter%20reader").expectStatus(204);
    }
}
