package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.Test;

/** Issue 7: what a lower lifetime cap reports, and the metrics on the management port. */
class KeyLifecycleIT {

    private static final long DAY = 86_400_000L;

    @Test
    void loweringTheCapReportsKeysThatOutliveItWithoutKillingThem() {
        RealmFixture fixture = RealmFixture.create("cap");
        JsonNode forever = fixture.machineUsers().createWithKey("Never expires");
        JsonNode longLived = fixture.machineUsers().create(Map.of("name", "Long lived",
                "keyExpiresAt", System.currentTimeMillis() + 300 * DAY)).expectStatus(201).json();
        JsonNode shortLived = fixture.machineUsers().create(Map.of("name", "Short lived",
                "keyExpiresAt", System.currentTimeMillis() + 10 * DAY)).expectStatus(201).json();

        JsonNode policy = fixture.machineUsers().updatePolicy(Map.of("maxKeyLifetimeDays", 90)).expectStatus(200).json();

        assertThat(policy.path("keysBeyondMaxLifetime").findValuesAsText("keyId"))
                .containsExactlyInAnyOrder(forever.path("accessKey").path("id").asText(), longLived.path("accessKey").path("id").asText())
                .doesNotContain(shortLived.path("accessKey").path("id").asText());
        assertThat(fixture.tokens().clientCredentials(forever.path("clientId").asText(),
                forever.path("accessKey").path("secret").asText(), Method.BASIC).ok()).isTrue();
        assertThat(fixture.machineUsers().policy().json().has("keysBeyondMaxLifetime")).isFalse();
    }

    @Test
    void tokensIssuedAndFailuresAppearOnTheMetricsEndpoint() throws Exception {
        RealmFixture fixture = RealmFixture.create("metrics");
        JsonNode mu = fixture.machineUsers().createWithKey("Metered");
        String clientId = mu.path("clientId").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        fixture.tokens().clientCredentials(clientId, secret, Method.BASIC);
        fixture.tokens().clientCredentials(clientId, secret, Method.POST);
        fixture.tokens().clientCredentials(clientId, "kcmu_wrong", Method.BASIC);

        String metrics = metrics();

        assertThat(value(metrics, "machine_users_tokens_issued_total", fixture.realm())).isEqualTo(2.0);
        assertThat(value(metrics, "machine_users_token_failures_total", fixture.realm())).isEqualTo(1.0);
    }

    @Test
    void gaugesCountKeysExpiringSoonAndSuspendedMachineUsersPerRealm() throws Exception {
        RealmFixture fixture = RealmFixture.create("gauges");
        fixture.machineUsers().create(Map.of("name", "Soon", "keyExpiresAt", System.currentTimeMillis() + 3 * DAY)).expectStatus(201);
        fixture.machineUsers().create(Map.of("name", "Later", "keyExpiresAt", System.currentTimeMillis() + 30 * DAY)).expectStatus(201);
        JsonNode banned = fixture.machineUsers().createWithKey("Banned");
        fixture.machineUsers().suspend(banned.path("id").asText(), "gauge test").expectStatus(200);

        Instant deadline = Instant.now().plusSeconds(KeycloakTestServer.BACKGROUND_TASK_SECONDS * 4L);
        String metrics = metrics();
        while (!(find(metrics, "machine_users_keys_expiring", fixture.realm()) == 1.0
                && find(metrics, "machine_users_suspended", fixture.realm()) == 1.0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            metrics = metrics();
        }

        assertThat(value(metrics, "machine_users_keys_expiring", fixture.realm())).as("keys expiring within 14 days").isEqualTo(1.0);
        assertThat(value(metrics, "machine_users_suspended", fixture.realm())).isEqualTo(1.0);
    }

    private static String metrics() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(KeycloakTestServer.get().managementUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static double value(String metrics, String name, String realm) {
        double value = find(metrics, name, realm);
        assertThat(value).as(name + " for " + realm + " in:\n" + metrics.lines().filter(l -> l.startsWith("machine_users")).toList())
                .isNotNaN();
        return value;
    }

    /** The sample's value, or NaN when the realm has none. */
    private static double find(String metrics, String name, String realm) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*realm=\"" + Pattern.quote(realm) + "\"[^}]*\\} ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
