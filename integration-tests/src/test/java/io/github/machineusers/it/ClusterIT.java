package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.KeycloakNode;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.PostgresCluster;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.SmtpTestServer;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Issue 9, item 2: two Keycloak nodes on this machine, one PostgreSQL database, Keycloak's own
 * Infinispan cluster (jdbc-ping discovery, loopback). Whatever an administrator does on one node
 * holds on the other at once or within a second, background mail is sent once for the cluster,
 * and a node killed mid-request loses nothing it acknowledged.
 *
 * <p>Runs once per suite, in the PostgreSQL pass (its nodes use a database of their own, beside
 * the shared test server's).
 */
@EnabledIfSystemProperty(named = "keycloak.test.database", matches = "postgres",
        disabledReason = "the cluster runs once per suite, in the PostgreSQL pass")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final long DAY = 86_400_000L;
    private static final Duration PROPAGATION_LIMIT = Duration.ofSeconds(1);

    private static PostgresCluster cluster;
    private static KeycloakNode nodeA;
    private static KeycloakNode nodeB;
    private static RealmFixture onA;
    private static MachineUsersApi apiA;
    private static MachineUsersApi apiB;
    private static TokenClient tokensA;
    private static TokenClient tokensB;
    private static RealmFixture.ResourceServer resourceServer;

    @BeforeAll
    static void startCluster() {
        cluster = PostgresCluster.start("machine_users_cluster", 2);
        nodeA = cluster.node(0);
        nodeB = cluster.node(1);
        onA = RealmFixture.on(nodeA, cluster.adminUsername(), cluster.adminPassword(), "cluster");
        apiA = onA.machineUsers();
        apiB = new MachineUsersApi(cluster.admin(nodeB), onA.realm());
        tokensA = onA.tokens();
        tokensB = new TokenClient(nodeB.baseUrl(), onA.realm());
        resourceServer = onA.resourceServer("fleet-api");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void machineUserAndKeysMadeOnOneNodeWorkOnTheOtherAtOnce() {
        JsonNode mu = apiA.createWithKey("Made on A");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String firstSecret = mu.path("accessKey").path("secret").asText();

        assertThat(tokensB.clientCredentials(clientId, firstSecret, Method.BASIC).ok()).isTrue();
        assertThat(apiB.get(id).expectStatus(200).json().path("name").asText()).isEqualTo("Made on A");
        assertThat(apiB.list("search=" + "Made").expectStatus(200).json().findValuesAsText("id")).contains(id);

        JsonNode second = apiA.createKey(id, Map.of()).expectStatus(201).json();
        assertThat(tokensB.clientCredentials(second.path("id").asText(), second.path("secret").asText(), Method.POST).ok()).isTrue();

        JsonNode replacement = apiA.replaceKey(id, mu.path("accessKey").path("id").asText()).expectStatus(200).json();
        assertThat(tokensB.clientCredentials(clientId, firstSecret, Method.BASIC).ok())
                .as("the replaced secret is refused on the other node").isFalse();
        assertThat(tokensB.clientCredentials(clientId, replacement.path("secret").asText(), Method.BASIC).ok()).isTrue();
        assertThat(apiB.keys(id).expectStatus(200).json()).hasSize(2);
    }

    @Test
    @Order(2)
    void suspensionOnOneNodeHoldsOnTheOtherWithinASecond() {
        JsonNode mu = apiA.createWithKey("Suspended on A");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        onA.grant(id, resourceServer, "read");
        String issuedOnB = tokensB.clientCredentials(clientId, secret, Method.BASIC).accessToken();
        assertThat(tokensB.introspect(issuedOnB, resourceServer.clientId(), resourceServer.secret()).isActive()).isTrue();

        apiA.suspend(id, "key leaked").expectStatus(200);

        assertThat(within(PROPAGATION_LIMIT, () -> !tokensB.clientCredentials(clientId, secret, Method.BASIC).ok()))
                .as("node B refuses new tokens within a second").isTrue();
        assertThat(within(PROPAGATION_LIMIT,
                () -> !tokensB.introspect(issuedOnB, resourceServer.clientId(), resourceServer.secret()).isActive()))
                .as("node B reports the token it issued before the suspension inactive within a second").isTrue();
        assertThat(apiB.get(id).expectStatus(200).json().path("status").asText()).isEqualTo("SUSPENDED");

        apiA.resume(id).expectStatus(200);

        assertThat(within(PROPAGATION_LIMIT, () -> tokensB.clientCredentials(clientId, secret, Method.BASIC).ok()))
                .as("node B issues tokens again within a second of the resumption").isTrue();
    }

    @Test
    @Order(3)
    void keyDeactivationOnOneNodeHoldsOnTheOtherWithinASecond() {
        JsonNode mu = apiA.createWithKey("Key deactivated on A");
        String id = mu.path("id").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        assertThat(tokensB.clientCredentials(keyId, secret, Method.POST).ok()).isTrue();

        apiA.updateKey(id, keyId, Map.of("status", "INACTIVE")).expectStatus(200);

        assertThat(within(PROPAGATION_LIMIT, () -> !tokensB.clientCredentials(keyId, secret, Method.POST).ok()))
                .as("node B refuses the deactivated key within a second").isTrue();

        apiA.updateKey(id, keyId, Map.of("status", "ACTIVE")).expectStatus(200);

        assertThat(within(PROPAGATION_LIMIT, () -> tokensB.clientCredentials(keyId, secret, Method.POST).ok())).isTrue();
    }

    @Test
    @Order(4)
    void expiryWarningsAreSentByOneNodeOnly() throws Exception {
        SmtpTestServer smtp = SmtpTestServer.get();
        onA.sendMailThrough(smtp);
        List<String> addresses = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String address = "cluster-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + "@integrations.test";
            addresses.add(address);
            ids.add(apiA.create(Map.of("name", "Expiring " + i, "notificationEmail", address,
                    "keyExpiresAt", System.currentTimeMillis() + 10 * DAY)).expectStatus(201).json().path("id").asText());
        }

        for (String address : addresses) {
            assertThat(smtp.awaitMailsTo(address, 1, Duration.ofSeconds(60))).hasSize(1);
        }
        // Both nodes run the warning task every few seconds; give each several turns.
        Thread.sleep(KeycloakTestServer.BACKGROUND_TASK_SECONDS * 4_000L);

        for (String address : addresses) {
            assertThat(smtp.mailsTo(address)).as("one warning for " + address + " from the whole cluster").hasSize(1);
        }
        for (String id : ids) {
            List<String> warnings = apiB.history(id).expectStatus(200).json().findValuesAsText("action").stream()
                    .filter("KEY_EXPIRY_WARNING"::equals).toList();
            assertThat(warnings).as("one warning in the history of " + id).hasSize(1);
        }
    }

    /** Runs last: it kills node A, and starts it again at the end. */
    @Test
    @Order(5)
    void aNodeKilledMidRequestLosesNoAcknowledgedChange() throws Exception {
        // Per machine user: its key as last acknowledged, and whether a replace was under way.
        record Written(String id, String clientId, String keyId, String secret, boolean replacing) {
        }
        Map<String, Written> written = new ConcurrentHashMap<>();
        AtomicBoolean nodeDown = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        for (int thread = 0; thread < 4; thread++) {
            int writer = thread;
            writers.submit(() -> {
                for (int n = 0; !nodeDown.get(); n++) {
                    try {
                        JsonNode mu = apiA.createWithKey("Written " + writer + "-" + n);
                        String id = mu.path("id").asText();
                        String clientId = mu.path("clientId").asText();
                        String keyId = mu.path("accessKey").path("id").asText();
                        String secret = mu.path("accessKey").path("secret").asText();
                        written.put(id, new Written(id, clientId, keyId, secret, true));
                        JsonNode replacement = apiA.replaceKey(id, keyId).expectStatus(200).json();
                        written.put(id, new Written(id, clientId, replacement.path("id").asText(),
                                replacement.path("secret").asText(), false));
                    } catch (RuntimeException | AssertionError noAnswer) {
                        // The node died under this request; what it did not acknowledge may or may not be stored.
                    }
                }
            });
        }
        awaitSize(written, 20, Duration.ofSeconds(60));
        nodeA.kill();
        nodeDown.set(true);
        writers.shutdown();
        assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

        List<Written> acknowledged = List.copyOf(written.values());
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(20);
        for (Written change : acknowledged) {
            assertThat(apiB.get(change.id()).status()).as("machine user " + change.id() + " on the surviving node").isEqualTo(200);
            List<String> keys = apiB.keys(change.id()).expectStatus(200).json().findValuesAsText("id");
            boolean secretWorks = tokensB.clientCredentials(change.clientId(), change.secret(), Method.BASIC).ok();
            if (change.replacing()) {
                // The replace was not acknowledged: it happened wholly, or not at all.
                assertThat(keys).as("keys of " + change.id() + " after an unanswered replace").hasSize(1);
                assertThat(secretWorks).isEqualTo(keys.contains(change.keyId()));
            } else {
                assertThat(keys).as("keys of " + change.id()).containsExactly(change.keyId());
                assertThat(secretWorks).as("the acknowledged secret of " + change.clientId() + " on the surviving node").isTrue();
            }
        }
        // A create the killed node had not acknowledged is whole or absent: every machine user the
        // survivor lists answers, with one key and the history of its creation.
        JsonNode listed = apiB.list("search=Written&max=1000").expectStatus(200).json();
        assertThat(listed.size()).isGreaterThanOrEqualTo(acknowledged.size());
        for (JsonNode mu : listed) {
            String id = mu.path("id").asText();
            assertThat(apiB.keys(id).expectStatus(200).json()).as("keys of " + id).hasSize(1);
            assertThat(apiB.history(id).expectStatus(200).json().findValuesAsText("action")).contains("CREATED");
        }
        System.out.printf("ClusterIT: %d machine users acknowledged before the kill, %d stored%n", acknowledged.size(), listed.size());

        nodeA.startAgain();
        cluster.awaitView();
        Written settled = acknowledged.stream().filter(change -> !change.replacing()).findFirst().orElseThrow();
        assertThat(tokensA.clientCredentials(settled.clientId(), settled.secret(), Method.BASIC).ok())
                .as("the restarted node serves what was written before it was killed").isTrue();
    }

    /**
     * True as soon as the condition holds, false if it still does not after {@code limit}. Prints
     * how long it took, for the figures in the docs.
     */
    private static boolean within(Duration limit, BooleanSupplier condition) {
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        do {
            if (condition.getAsBoolean()) {
                System.out.printf("ClusterIT: held on the other node after %d ms%n", (System.nanoTime() - start) / 1_000_000);
                return true;
            }
        } while (System.nanoTime() < deadline);
        return false;
    }

    private static void awaitSize(Map<?, ?> map, int size, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (map.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
