package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.Test;

/** Issue 7 (first part): what a lower lifetime cap reports, and the token metrics. */
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

        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(KeycloakTestServer.get().managementUrl() + "/metrics")).build(), HttpResponse.BodyHandlers.ofString()).body();

        assertThat(value(metrics, "machine_users_tokens_issued_total", fixture.realm())).isEqualTo(2.0);
        assertThat(value(metrics, "machine_users_token_failures_total", fixture.realm())).isEqualTo(1.0);
    }

    private static double value(String metrics, String name, String realm) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*realm=\"" + Pattern.quote(realm) + "\"[^}]*\\} ([0-9.eE+-]+)$").matcher(metrics);
        assertThat(m.find()).as(name + " for " + realm + " in:\n" + metrics.lines().filter(l -> l.startsWith("machine_users")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }
}
