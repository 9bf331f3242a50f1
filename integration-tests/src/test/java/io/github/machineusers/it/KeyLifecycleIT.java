package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.machineusers.admin.client.resource.MachineUsersRealmResource;
import io.github.machineusers.it.support.AdminClients;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient.Method;
import io.github.machineusers.representations.CreateMachineUserRepresentation;
import io.github.machineusers.representations.MachineUserPolicyRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

/**
 * Issue 7: what a lower lifetime cap reports, and the metrics on the management port. The admin
 * calls go through the project's Java admin client.
 */
class KeyLifecycleIT {

    private static final long DAY = 86_400_000L;

    private static Keycloak keycloak;

    @BeforeAll
    static void adminClient() {
        keycloak = AdminClients.forMaster();
    }

    @AfterAll
    static void close() {
        if (keycloak != null) {
            keycloak.close();
        }
    }

    private static MachineUsersRealmResource admin(RealmFixture fixture) {
        return AdminClients.machineUsersOf(keycloak, fixture.realm());
    }

    /** A machine user with a first key, expiring at {@code keyExpiresAt} (null: never). */
    private static MachineUserRepresentation create(RealmFixture fixture, String name, Long keyExpiresAt) {
        CreateMachineUserRepresentation request = new CreateMachineUserRepresentation();
        request.name = name;
        request.keyExpiresAt = keyExpiresAt;
        return admin(fixture).machineUsers().create(request);
    }

    @Test
    void loweringTheCapReportsKeysThatOutliveItWithoutKillingThem() {
        RealmFixture fixture = RealmFixture.create("cap");
        MachineUserRepresentation forever = create(fixture, "Never expires", null);
        MachineUserRepresentation longLived = create(fixture, "Long lived", System.currentTimeMillis() + 300 * DAY);
        MachineUserRepresentation shortLived = create(fixture, "Short lived", System.currentTimeMillis() + 10 * DAY);

        MachineUserPolicyRepresentation cap = new MachineUserPolicyRepresentation();
        cap.maxKeyLifetimeDays = 90;
        MachineUserPolicyRepresentation policy = admin(fixture).policy().update(cap);

        assertThat(policy.keysBeyondMaxLifetime).extracting(key -> key.keyId)
                .containsExactlyInAnyOrder(forever.accessKey.id, longLived.accessKey.id)
                .doesNotContain(shortLived.accessKey.id);
        assertThat(fixture.tokens().clientCredentials(forever.clientId, forever.accessKey.secret, Method.BASIC).ok()).isTrue();
        assertThat(admin(fixture).policy().toRepresentation().keysBeyondMaxLifetime).isNull();
    }

    @Test
    void tokensIssuedAndFailuresAppearOnTheMetricsEndpoint() throws Exception {
        RealmFixture fixture = RealmFixture.create("metrics");
        MachineUserRepresentation mu = create(fixture, "Metered", null);
        String clientId = mu.clientId;
        String secret = mu.accessKey.secret;
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
        create(fixture, "Soon", System.currentTimeMillis() + 3 * DAY);
        create(fixture, "Later", System.currentTimeMillis() + 30 * DAY);
        MachineUserRepresentation banned = create(fixture, "Banned", null);
        admin(fixture).machineUsers().get(banned.id).suspend("gauge test");

        Instant deadline = Instant.now().plusSeconds(KeycloakTestServer.BACKGROUND_TASK_SECONDS * 4L);
        String metrics = metrics();
        while (!(find(metrics, "machine_users_keys_expiring", fixture.realm()) == 1.0
                && find(metrics, "machine_users_suspended", fixture.realm()) == 1.0) && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            metrics = metrics();
        }

        assertThat(value(metrics, "machine_users_keys_expiring", fixture.realm())).as("keys expiring within 14 days").isEqualTo(1.0);
        assertThat(value(metrics, "machine_users_suspended", fixture.realm())).isEqualTo(1.0);
        assertThat(find(metrics, "machine_users_credentials_expiring", fixture.realm(), "access-key")).isEqualTo(1.0);
        assertThat(find(metrics, "machine_users_credentials_expiring", fixture.realm(), "public-key")).isEqualTo(0.0);
    }

    @Test
    void publicKeysExpiringSoonAndTokensPerKindAppearOnTheMetricsEndpoint() throws Exception {
        RealmFixture fixture = RealmFixture.create("gauges-kinds");
        MachineUserRepresentation mu = create(fixture, "Signer", null);
        fixture.admin().post("/" + fixture.realm() + "/machine-users/" + mu.id + "/public-keys", java.util.Map.of("generate", true,
                "algorithm", "ES256", "expiresAt", System.currentTimeMillis() + 3 * DAY)).expectStatus(201);
        fixture.tokens().clientCredentials(mu.clientId, mu.accessKey.secret, Method.BASIC);

        Instant deadline = Instant.now().plusSeconds(KeycloakTestServer.BACKGROUND_TASK_SECONDS * 4L);
        String metrics = metrics();
        while (find(metrics, "machine_users_credentials_expiring", fixture.realm(), "public-key") != 1.0 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            metrics = metrics();
        }

        assertThat(find(metrics, "machine_users_credentials_expiring", fixture.realm(), "public-key")).isEqualTo(1.0);
        assertThat(find(metrics, "machine_users_credentials_expiring", fixture.realm(), "federated")).isEqualTo(0.0);
        assertThat(find(metrics, "machine_users_keys_expiring", fixture.realm())).as("access keys only").isEqualTo(0.0);
        assertThat(find(metrics, "machine_users_tokens_issued_total", fixture.realm(), "access-key")).isEqualTo(1.0);
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

    /** The sample of one kind of credential, or NaN when the realm has none. */
    private static double find(String metrics, String name, String realm, String credentialType) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{(?=[^}]*credential_type=\"" + Pattern.quote(credentialType) + "\")"
                + "[^}]*realm=\"" + Pattern.quote(realm) + "\"[^}]*\\} ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** The sample's value, or NaN when the realm has none. */
    private static double find(String metrics, String name, String realm) {
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*realm=\"" + Pattern.quote(realm) + "\"[^}]*\\} ([0-9.eE+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }
}
