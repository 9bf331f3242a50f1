package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 9, races: requests that change the same machine user at the same instant. Each test lets
 * all its requests pass one start line together, then checks that no request failed with a 5xx
 * and that what is stored adds up to the answers that said they succeeded.
 */
class ConcurrencyIT {

    private static RealmFixture fixture;
    private static MachineUsersApi api;
    private static TokenClient tokens;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("races");
        api = fixture.machineUsers();
        tokens = fixture.tokens();
    }

    /** Runs every task on its own thread, all released at once; answers in task order. */
    private static List<ApiResponse> race(List<Supplier<ApiResponse>> tasks) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(tasks.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<ApiResponse>> futures = new ArrayList<>();
            for (Supplier<ApiResponse> task : tasks) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return task.get();
                }));
            }
            start.countDown();
            List<ApiResponse> answers = new ArrayList<>();
            for (Future<ApiResponse> f : futures) {
                answers.add(f.get());
            }
            assertThat(answers).as("no request may fail with a server error").allSatisfy(a ->
                    assertThat(a.status()).as(a.toString()).isLessThan(500));
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static long count(List<ApiResponse> answers, int status) {
        return answers.stream().filter(a -> a.status() == status).count();
    }

    private static Map<String, Long> historyCounts(String id) {
        Map<String, Long> counts = new HashMap<>();
        for (JsonNode entry : api.admin().get(api.path("/" + id + "/history?max=1000")).expectStatus(200).json()) {
            counts.merge(entry.path("action").asText(), 1L, Long::sum);
        }
        return counts;
    }

    @Test
    void fiftyConcurrentKeyCreationsLeaveExactlyTheLimit() throws Exception {
        String id = api.create(Map.of("name", "Fifty", "generateKey", false)).expectStatus(201).json().path("id").asText();
        String clientId = api.get(id).json().path("clientId").asText();
        List<Supplier<ApiResponse>> creates = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            creates.add(() -> api.createKey(id, Map.of()));
        }

        List<ApiResponse> answers = race(creates);

        assertThat(answers).extracting(ApiResponse::status).containsOnly(201, 409);
        assertThat(count(answers, 201)).isEqualTo(2);
        assertThat(api.keys(id).json()).hasSize(2);
        for (ApiResponse created : answers.stream().filter(a -> a.status() == 201).toList()) {
            assertThat(tokens.clientCredentials(clientId, created.json().path("secret").asText(), Method.BASIC).ok()).isTrue();
        }
        assertThat(historyCounts(id).get("KEY_CREATED")).as("history records the two keys only").isEqualTo(2);
    }

    @Test
    void racingPublicKeyAndFederatedCreatesLeaveExactlyEachKindsLimit() throws Exception {
        String id = api.create(Map.of("name", "Secretless racer", "generateKey", false)).expectStatus(201).json().path("id").asText();
        ensureKubernetesProvider();
        List<Supplier<ApiResponse>> creates = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            int n = i;
            creates.add(() -> api.admin().post(api.path("/" + id + "/public-keys"), Map.of("generate", true, "algorithm", "ES256")));
            creates.add(() -> api.admin().post(api.path("/" + id + "/federated-credentials"),
                    Map.of("identityProvider", "cluster", "subject", "system:serviceaccount:race:worker-" + n)));
        }

        List<ApiResponse> answers = race(creates);

        assertThat(answers).extracting(ApiResponse::status).containsOnly(201, 409);
        assertThat(api.admin().get(api.path("/" + id + "/public-keys")).json()).as("the default of 2 public keys").hasSize(2);
        assertThat(api.admin().get(api.path("/" + id + "/federated-credentials")).json()).as("the default of 5 federated credentials")
                .hasSize(5);
        assertThat(count(answers, 201)).isEqualTo(7);
        Map<String, Long> history = historyCounts(id);
        assertThat(history.get("PUBLIC_KEY_CREATED")).isEqualTo(2);
        assertThat(history.get("FEDERATED_CREDENTIAL_CREATED")).isEqualTo(5);
    }

    @Test
    void racingClaimsOfOneExternalIdentityLeaveOneMachineUserTrustingIt() throws Exception {
        ensureKubernetesProvider();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(api.create(Map.of("name", "Claimant " + i, "generateKey", false)).expectStatus(201).json().path("id").asText());
        }
        List<Supplier<ApiResponse>> claims = new ArrayList<>();
        for (String id : ids) {
            claims.add(() -> api.admin().post(api.path("/" + id + "/federated-credentials"),
                    Map.of("identityProvider", "cluster", "subject", "system:serviceaccount:race:contested")));
        }

        List<ApiResponse> answers = race(claims);

        assertThat(answers).extracting(ApiResponse::status).containsOnly(201, 409);
        assertThat(count(answers, 201)).isEqualTo(1);
        long trusting = ids.stream().filter(id -> api.admin().get(api.path("/" + id + "/federated-credentials")).json().size() == 1).count();
        assertThat(trusting).isEqualTo(1);
    }

    private static synchronized void ensureKubernetesProvider() {
        String instances = "/" + fixture.realm() + "/identity-provider/instances";
        if (api.admin().get(instances + "/cluster").status() == 404) {
            api.admin().post(instances, Map.of("alias", "cluster", "providerId", "kubernetes", "enabled", true,
                    "config", Map.of("issuer", "https://kubernetes.races.test"))).expectStatus(201);
        }
    }

    @Test
    void concurrentReplacesOfOneKeyIssueExactlyOneSuccessor() throws Exception {
        JsonNode mu = api.createWithKey("Replaced at once");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        List<Supplier<ApiResponse>> replaces = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replaces.add(() -> api.replaceKey(id, keyId));
        }

        List<ApiResponse> answers = race(replaces);

        assertThat(answers).extracting(ApiResponse::status).isSubsetOf(200, 404, 409);
        List<ApiResponse> won = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(won).hasSize(1);
        JsonNode successor = won.get(0).json();
        JsonNode keys = api.keys(id).json();
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("id").asText()).isEqualTo(successor.path("id").asText());
        assertThat(tokens.clientCredentials(clientId, successor.path("secret").asText(), Method.BASIC).ok()).isTrue();
        assertThat(tokens.clientCredentials(clientId, mu.path("accessKey").path("secret").asText(), Method.BASIC).ok()).isFalse();
        assertThat(historyCounts(id).get("KEY_REPLACED")).isEqualTo(1);
    }

    @Test
    void replaceDeleteCreateAndSuspendTogetherEndConsistent() throws Exception {
        JsonNode mu = api.createWithKey("Everything at once");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String first = mu.path("accessKey").path("id").asText();
        JsonNode second = api.createKey(id, Map.of()).expectStatus(201).json();
        Map<String, String> secrets = new HashMap<>();
        secrets.put(first, mu.path("accessKey").path("secret").asText());
        secrets.put(second.path("id").asText(), second.path("secret").asText());

        List<Supplier<ApiResponse>> tasks = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            tasks.add(() -> api.replaceKey(id, first));
            tasks.add(() -> api.deleteKey(id, first));
            tasks.add(() -> api.deleteKey(id, second.path("id").asText()));
            tasks.add(() -> api.suspend(id, "incident"));
            tasks.add(() -> api.createKey(id, Map.of()));
        }
        List<ApiResponse> answers = race(tasks);

        long replaced = 0;
        long deletedFirst = 0;
        long deletedSecond = 0;
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < answers.size(); i++) {
            ApiResponse a = answers.get(i);
            switch (i % 5) {
                case 0 -> {
                    assertThat(a.status()).isIn(200, 404, 409);
                    if (a.status() == 200) {
                        replaced++;
                        issued.add(a.json().path("id").asText());
                        secrets.put(a.json().path("id").asText(), a.json().path("secret").asText());
                    }
                }
                case 1 -> {
                    assertThat(a.status()).isIn(204, 404);
                    deletedFirst += a.status() == 204 ? 1 : 0;
                }
                case 2 -> {
                    assertThat(a.status()).isIn(204, 404);
                    deletedSecond += a.status() == 204 ? 1 : 0;
                }
                case 3 -> assertThat(a.status()).isIn(200, 409);
                default -> {
                    assertThat(a.status()).isIn(201, 409);
                    if (a.status() == 201) {
                        issued.add(a.json().path("id").asText());
                        secrets.put(a.json().path("id").asText(), a.json().path("secret").asText());
                    }
                }
            }
        }
        assertThat(replaced + deletedFirst).as("the first key is consumed exactly once").isEqualTo(1);
        assertThat(deletedSecond).as("the second key is deleted exactly once").isEqualTo(1);

        assertThat(api.get(id).json().path("status").asText()).isEqualTo("SUSPENDED");
        Set<String> listed = new HashSet<>();
        api.keys(id).json().forEach(k -> listed.add(k.path("id").asText()));
        assertThat(listed).as("what is stored is exactly what the answers issued").isEqualTo(issued);
        assertThat(listed.size()).isLessThanOrEqualTo(2);
        Map<String, Long> history = historyCounts(id);
        assertThat(history.getOrDefault("KEY_REPLACED", 0L)).isEqualTo(replaced);
        assertThat(history.getOrDefault("KEY_DELETED", 0L)).isEqualTo(deletedFirst + deletedSecond);

        api.resume(id).expectStatus(200);
        for (Map.Entry<String, String> key : secrets.entrySet()) {
            assertThat(tokens.clientCredentials(clientId, key.getValue(), Method.BASIC).ok())
                    .as("key %s authenticates exactly when it is stored", key.getKey()).isEqualTo(listed.contains(key.getKey()));
        }
    }

    /** docs/design-decisions.md, "Names need not be unique; client ids must be": same-name creates all succeed with their own client ids. */
    @Test
    void concurrentCreatesWithTheSameNameGetDistinctClientIds() throws Exception {
        String name = "Twin " + System.nanoTime();
        List<Supplier<ApiResponse>> creates = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            creates.add(() -> api.create(Map.of("name", name)));
        }

        List<ApiResponse> answers = race(creates);

        assertThat(answers).extracting(ApiResponse::status).containsOnly(201);
        Set<String> clientIds = new HashSet<>();
        answers.forEach(a -> clientIds.add(a.json().path("clientId").asText()));
        assertThat(clientIds).hasSize(10);
        assertThat(api.count("search=" + name.replace(" ", "%20")).json().asLong()).isEqualTo(10);
    }
}
