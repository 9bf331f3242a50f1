package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.ApiResponse;
import io.github.machineusers.it.support.KeycloakTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Proves the harness itself: if this fails, every other IT would fail for the same reason. */
class ServerStartsIT {

    private final KeycloakTestServer server = KeycloakTestServer.get();

    @Test
    void serverIsReady() throws Exception {
        assertThat(httpGet(server.managementUrl() + "/health/ready").statusCode()).isEqualTo(200);
    }

    @Test
    void bundleIsLoaded() throws Exception {
        // Asks the server rather than looking for the JAR, so it holds for every kind of server.
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/admin/serverinfo"))
                        .header("Authorization", "Bearer " + AdminApi.forMaster().accessToken())
                        .GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);

        JsonNode providers = new ObjectMapper().readTree(response.body()).path("providers");
        assertThat(providerIds(providers, "machine-users")).contains("jpa");
        assertThat(providerIds(providers, "client-authenticator")).contains("machine-user-access-key");
    }

    @Test
    void masterRealmDiscoveryAnswers() throws Exception {
        HttpResponse<String> response = httpGet(server.baseUrl() + "/realms/master/.well-known/openid-configuration");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"issuer\":\"" + server.baseUrl() + "/realms/master\"");
    }

    @Test
    void adminCanCreateRealm() {
        AdminApi admin = AdminApi.forMaster();
        String realm = admin.createRealm(uniqueName("smoke"));

        ApiResponse realms = admin.get("").expectStatus(200);
        assertThat(realms.json().findValuesAsText("realm")).contains(realm);
    }

    @Test
    void createdUserGetsAdminTokenForTheirRealm() {
        AdminApi admin = AdminApi.forMaster();
        String realm = admin.createRealm(uniqueName("users"));
        String userId = admin.createUser(realm, "alice", "alice-secret-1", "view-users");

        AdminApi alice = AdminApi.as(realm, "alice", "alice-secret-1");
        assertThat(alice.accessToken()).isNotBlank();
        ApiResponse self = alice.get("/" + realm + "/users/" + userId).expectStatus(200);
        assertThat(self.json().path("username").asText()).isEqualTo("alice");
        // view-users must not grant more than it says.
        assertThat(alice.get("/" + realm + "/clients").status()).isEqualTo(403);
    }

    /** Server info lists each SPI as {@code providers.<spi>.providers.<provider id>}. */
    private static List<String> providerIds(JsonNode providers, String spi) {
        List<String> ids = new ArrayList<>();
        providers.path(spi).path("providers").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static HttpResponse<String> httpGet(String url) throws Exception {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
