package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.MachineUsersApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.SmtpTestServer;
import io.github.machineusers.it.support.SmtpTestServer.Mail;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 7: mails through a real SMTP server process. Expiry warnings come from the server's own
 * scheduled task (every few seconds in tests), so the tests wait for them and then wait several
 * more runs to see that nothing is sent twice.
 */
class MailNotificationsIT {

    private static final long DAY = 86_400_000L;
    private static final Duration ARRIVAL = Duration.ofSeconds(45);
    /** Several runs of the warning task, to be sure a duplicate would have arrived by then. */
    private static final Duration SEVERAL_RUNS = Duration.ofSeconds(KeycloakTestServer.BACKGROUND_TASK_SECONDS * 3L + 2);
    private static final DateTimeFormatter MAIL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private static SmtpTestServer smtp;
    private static RealmFixture fixture;
    private static MachineUsersApi api;

    @BeforeAll
    static void realmWithMail() {
        smtp = SmtpTestServer.get();
        fixture = RealmFixture.create("mail");
        fixture.sendMailThrough(smtp);
        fixture.enableAdminEvents();
        api = fixture.machineUsers();
    }

    @Test
    void oneWarningPerThresholdToTheNotificationAddressWithKeyIdAndExpiryButNoSecret() throws Exception {
        String ops = address("ops");
        String quiet = address("quiet");
        long expiresAt = System.currentTimeMillis() + 10 * DAY;
        JsonNode mu = api.create(Map.of("name", "Meter reader", "notificationEmail", ops, "keyExpiresAt", expiresAt))
                .expectStatus(201).json();
        api.create(Map.of("name", "Far from expiry", "notificationEmail", quiet,
                "keyExpiresAt", System.currentTimeMillis() + 20 * DAY)).expectStatus(201);
        String id = mu.path("id").asText();
        String keyId = mu.path("accessKey").path("id").asText();
        String secret = mu.path("accessKey").path("secret").asText();

        List<Mail> first = smtp.awaitMailsTo(ops, 1, ARRIVAL);
        assertThat(first).hasSize(1);
        Mail warning = first.get(0);
        assertThat(warning.to()).containsExactly(ops);
        assertThat(warning.subject()).contains("Meter reader").contains("expires soon");
        assertThat(warning.text()).contains(keyId).contains(MAIL_TIME.format(Instant.ofEpochMilli(expiresAt)))
                .contains(mu.path("clientId").asText()).contains("10 days");
        assertThat(warning.html()).contains(keyId);
        assertThat(warning.raw()).doesNotContain(secret).doesNotContain("kcmu_");

        Thread.sleep(SEVERAL_RUNS.toMillis());
        assertThat(smtp.mailsTo(ops)).as("the 14-day warning is sent once").hasSize(1);
        assertThat(smtp.mailsTo(quiet)).as("a key 20 days from expiry is not due").isEmpty();

        // Inside the 1-day threshold: the second and last warning.
        api.updateKey(id, keyId, Map.of("expiresAt", System.currentTimeMillis() + DAY / 2)).expectStatus(200);
        List<Mail> second = smtp.awaitMailsTo(ops, 2, ARRIVAL);
        assertThat(second).hasSize(2);
        assertThat(second.get(1).text()).contains(keyId).contains("1 day");
        Thread.sleep(SEVERAL_RUNS.toMillis());
        assertThat(smtp.mailsTo(ops)).hasSize(2);

        JsonNode warnings = historyOf(id, "KEY_EXPIRY_WARNING");
        assertThat(warnings.findValuesAsText("warningDays")).containsExactlyInAnyOrder("14", "1");
        assertThat(warnings.findValuesAsText("notified")).containsOnly(ops);
        assertThat(warnings.findValuesAsText("actorUsername")).containsOnly("system");

        String events = fixture.admin().get("/" + fixture.realm()
                + "/admin-events?operationTypes=ACTION&resourcePath=machine-users/*&max=100").expectStatus(200).body();
        assertThat(events).contains("machine-users/" + id + "/keys/" + keyId + "/expiry-warning").doesNotContain(secret);
    }

    @Test
    void publicKeysAndFederatedCredentialsAreWarnedAboutAsAccessKeysAre() throws Exception {
        String team = address("secretless");
        fixture.admin().post("/" + fixture.realm() + "/identity-provider/instances", Map.of("alias", "cluster", "providerId", "kubernetes",
                "enabled", true, "config", Map.of("issuer", "https://kubernetes.mail.test"))).expectStatus(201);
        JsonNode mu = api.create(Map.of("name", "Secretless exporter", "notificationEmail", team, "generateKey", false))
                .expectStatus(201).json();
        String id = mu.path("id").asText();
        long keyExpiry = System.currentTimeMillis() + 10 * DAY;
        long trustExpiry = System.currentTimeMillis() + 12 * DAY;
        String keyId = fixture.admin().post(api.path("/" + id + "/public-keys"), Map.of("generate", true, "algorithm", "ES256",
                "expiresAt", keyExpiry)).expectStatus(201).json().path("id").asText();
        String credentialId = fixture.admin().post(api.path("/" + id + "/federated-credentials"), Map.of("identityProvider", "cluster",
                "subject", "system:serviceaccount:billing:exporter", "expiresAt", trustExpiry)).expectStatus(201).json().path("id").asText();

        List<Mail> mails = smtp.awaitMailsTo(team, 2, ARRIVAL);

        assertThat(mails).hasSize(2);
        Mail aboutKey = mails.stream().filter(m -> m.text().contains(keyId)).findFirst().orElseThrow();
        assertThat(aboutKey.subject()).contains("Public key of machine user Secretless exporter expires soon");
        assertThat(aboutKey.text()).contains("A public key of machine user").contains("10 days")
                .contains(MAIL_TIME.format(Instant.ofEpochMilli(keyExpiry)));
        Mail aboutTrust = mails.stream().filter(m -> m.text().contains(credentialId)).findFirst().orElseThrow();
        assertThat(aboutTrust.subject()).contains("Federated credential of machine user Secretless exporter expires soon");
        assertThat(aboutTrust.html()).contains("A federated credential of machine user").contains("12 days");
        assertThat(aboutKey.raw()).doesNotContain("PRIVATE KEY");
        Thread.sleep(SEVERAL_RUNS.toMillis());
        assertThat(smtp.mailsTo(team)).as("each warning once").hasSize(2);

        JsonNode warnings = historyOf(id, "KEY_EXPIRY_WARNING");
        assertThat(warnings.findValuesAsText("keyId")).containsExactlyInAnyOrder(keyId, credentialId);
        assertThat(warnings.findValuesAsText("kind")).containsExactlyInAnyOrder("public-key", "federated");
        String events = fixture.admin().get("/" + fixture.realm()
                + "/admin-events?operationTypes=ACTION&resourcePath=machine-users/*&max=100").expectStatus(200).body();
        assertThat(events).contains("machine-users/" + id + "/public-keys/" + keyId + "/expiry-warning")
                .contains("machine-users/" + id + "/federated-credentials/" + credentialId + "/expiry-warning");
    }

    @Test
    void noMailForAnInactiveKeyOrASuspendedMachineUserOrWithoutAnAddress() throws Exception {
        String inactive = address("inactive");
        JsonNode mu = api.create(Map.of("name", "Parked", "notificationEmail", inactive,
                "keyExpiresAt", System.currentTimeMillis() + 3 * DAY)).expectStatus(201).json();
        api.updateKey(mu.path("id").asText(), mu.path("accessKey").path("id").asText(), Map.of("status", "INACTIVE"))
                .expectStatus(200);
        JsonNode noAddress = api.create(Map.of("name", "Nobody to tell", "keyExpiresAt", System.currentTimeMillis() + 3 * DAY))
                .expectStatus(201).json();

        Thread.sleep(SEVERAL_RUNS.toMillis());

        assertThat(smtp.mailsTo(inactive)).isEmpty();
        assertThat(historyOf(mu.path("id").asText(), "KEY_EXPIRY_WARNING")).isEmpty();
        // Without an address the warning is still recorded, so the console and the admin events show it.
        JsonNode recorded = historyOf(noAddress.path("id").asText(), "KEY_EXPIRY_WARNING");
        assertThat(recorded).hasSize(1);
        assertThat(recorded.get(0).path("details").path("notified").isNull()).isTrue();
    }

    @Test
    void suspensionAndKeyReplacementAreMailedToTheNotificationAddress() {
        String ops = address("changes");
        JsonNode mu = api.create(Map.of("name", "Billing <export>", "notificationEmail", ops)).expectStatus(201).json();
        String id = mu.path("id").asText();
        String oldKeyId = mu.path("accessKey").path("id").asText();

        JsonNode replaced = api.replaceKey(id, oldKeyId).expectStatus(200).json();
        String newSecret = replaced.path("secret").asText();
        List<Mail> afterReplace = smtp.awaitMailsTo(ops, 1, ARRIVAL);
        assertThat(afterReplace).hasSize(1);
        assertThat(afterReplace.get(0).subject()).contains("Billing <export>").contains("replaced");
        assertThat(afterReplace.get(0).html()).as("names are escaped in the HTML part")
                .contains("Billing &lt;export&gt;").doesNotContain("<export>");
        assertThat(afterReplace.get(0).text()).contains(oldKeyId).contains(replaced.path("id").asText()).contains("admin");
        assertThat(afterReplace.get(0).raw()).doesNotContain(newSecret).doesNotContain("kcmu_");

        api.suspend(id, "Invoice data leaked to a test system").expectStatus(200);
        List<Mail> afterSuspend = smtp.awaitMailsTo(ops, 2, ARRIVAL);
        assertThat(afterSuspend).hasSize(2);
        assertThat(afterSuspend.get(1).subject()).contains("Billing <export>").contains("suspended");
        assertThat(afterSuspend.get(1).text()).contains("Invoice data leaked to a test system").contains(mu.path("clientId").asText());
    }

    @Test
    void aRealmWithoutSmtpSettingsStillWarnsAndSuspends() throws Exception {
        RealmFixture silent = RealmFixture.create("nomail");
        String ops = address("unsent");
        JsonNode mu = silent.machineUsers().create(Map.of("name", "Unmailed", "notificationEmail", ops,
                "keyExpiresAt", System.currentTimeMillis() + 2 * DAY)).expectStatus(201).json();
        String id = mu.path("id").asText();

        Instant deadline = Instant.now().plus(ARRIVAL);
        while (historyOf(silent.machineUsers(), id, "KEY_EXPIRY_WARNING").isEmpty() && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
        }
        JsonNode warnings = historyOf(silent.machineUsers(), id, "KEY_EXPIRY_WARNING");
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0).path("details").path("notified").isNull()).isTrue();

        silent.machineUsers().suspend(id, "no smtp").expectStatus(200);
        assertThat(silent.machineUsers().get(id).json().path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(smtp.mailsTo(ops)).isEmpty();
    }

    private static JsonNode historyOf(String id, String action) {
        return historyOf(api, id, action);
    }

    private static JsonNode historyOf(MachineUsersApi machineUsers, String id, String action) {
        JsonNode history = machineUsers.history(id).expectStatus(200).json();
        com.fasterxml.jackson.databind.node.ArrayNode matching = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode();
        history.forEach(entry -> {
            if (action.equals(entry.path("action").asText())) {
                matching.add(entry);
            }
        });
        return matching;
    }

    private static String address(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@integrations.test";
    }
}
