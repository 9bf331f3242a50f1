package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.SmtpTestServer;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: what a clean restart of the server must keep. Usage is buffered in memory and written
 * every few seconds; a clean shutdown writes what is left, and warnings already sent are recorded
 * in the database, so they are not sent again.
 */
class ServerRestartIT {

    private static final long DAY = 86_400_000L;

    @Test
    void usageLastUsedTimesAndSentWarningsSurviveARestart() throws Exception {
        SmtpTestServer smtp = SmtpTestServer.get();
        RealmFixture fixture = RealmFixture.create("restart");
        fixture.sendMailThrough(smtp);
        MachineUsersApi api = fixture.machineUsers();
        String ops = "restart-" + UUID.randomUUID().toString().substring(0, 8) + "@integrations.test";
        JsonNode mu = api.create(Map.of("name", "Survivor", "notificationEmail", ops,
                "keyExpiresAt", System.currentTimeMillis() + 5 * DAY)).expectStatus(201).json();
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        assertThat(smtp.awaitMailsTo(ops, 1, Duration.ofSeconds(45))).hasSize(1);

        long beforeTokens = System.currentTimeMillis();
        for (int i = 0; i < 3; i++) {
            assertThat(fixture.tokens().clientCredentials(clientId, secret, Method.BASIC).ok()).isTrue();
        }
        fixture.tokens().clientCredentials(clientId, "kcmu_wrong", Method.BASIC);
        fixture.tokens().clientCredentials(keyId, "kcmu_wrong", Method.POST);

        KeycloakTestServer.get().restart();

        JsonNode days = api.usage(id, 1).expectStatus(200).json();
        JsonNode today = days.get(days.size() - 1);
        assertThat(today.path("tokensIssued").asLong()).isEqualTo(3);
        assertThat(today.path("failedAttempts").asLong()).isEqualTo(2);
        JsonNode key = api.keys(id).expectStatus(200).json().get(0);
        assertThat(key.path("lastUsedAt").asLong()).isGreaterThanOrEqualTo(beforeTokens);

        Thread.sleep(KeycloakTestServer.BACKGROUND_TASK_SECONDS * 3_000L + 2_000L);
        assertThat(smtp.mailsTo(ops)).as("the warning sent before the restart is not sent again").hasSize(1);
        assertThat(fixture.tokens().clientCredentials(clientId, secret, Method.BASIC).ok()).isTrue();
    }
}
