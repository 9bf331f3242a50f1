package io.github.machineusers.admin.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.machineusers.admin.client.resource.MachineUsersRealmResource;
import io.github.machineusers.representations.AccessKeyRepresentation;
import io.github.machineusers.representations.CreateMachineUserRepresentation;
import io.github.machineusers.representations.HistoryEntryRepresentation;
import io.github.machineusers.representations.MachineUserPolicyRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * What goes over the wire for each typed call, against a loopback HTTP server that records the
 * request and plays back a canned answer. The real server is exercised by AdminClientIT.
 */
class MachineUsersAdminClientTest {

    /** One request as the server saw it. */
    record Seen(String method, String uri, String contentType, String authorization, String body) {
    }

    private HttpServer server;
    private Keycloak keycloak;
    private MachineUsersRealmResource realm;
    private volatile Seen seen;
    private volatile int status = 200;
    private volatile String answer = "{}";

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        keycloak = KeycloakBuilder.builder().serverUrl(url).realm("master").clientId("admin-cli")
                .authorization("test-token").build();
        realm = MachineUsersAdminClient.of(keycloak).realm("acme");
    }

    @AfterEach
    void stop() {
        keycloak.close();
        server.stop(0);
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        seen = new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath()
                + (exchange.getRequestURI().getRawQuery() == null ? "" : "?" + exchange.getRequestURI().getRawQuery()),
                exchange.getRequestHeaders().getFirst("Content-Type"), exchange.getRequestHeaders().getFirst("Authorization"), body);
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        if (status == 204) {
            exchange.sendResponseHeaders(204, -1);
        } else {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
        exchange.close();
    }

    private void answer(int status, String body) {
        this.status = status;
        this.answer = body;
    }

    @Test
    void listingsSendOnlyTheFiltersGiven() {
        answer(200, "[{\"id\":\"m1\",\"name\":\"Robot\",\"status\":\"ACTIVE\",\"someFutureField\":1}]");

        List<MachineUserRepresentation> all = realm.machineUsers().list();

        assertThat(seen.method()).isEqualTo("GET");
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users");
        assertThat(seen.authorization()).isEqualTo("Bearer test-token");
        assertThat(all).singleElement().satisfies(mu -> assertThat(mu.name).isEqualTo("Robot"));

        realm.machineUsers().list("rob", "SUSPENDED", "/Site A", true, 20, 10);
        // RESTEasy writes a space in a query as +, which the server reads back as a space.
        assertThat(seen.uri()).startsWith("/admin/realms/acme/machine-users?")
                .contains("search=rob", "status=SUSPENDED", "partition=%2FSite+A", "includeSubPartitions=true", "first=20", "max=10");

        answer(200, "7");
        assertThat(realm.machineUsers().count(null, "ACTIVE", null, null)).isEqualTo(7L);
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users/count?status=ACTIVE");
    }

    @Test
    void createSendsTheRepresentationWithoutNullsAndReturnsTheSecret() {
        answer(201, "{\"id\":\"m1\",\"clientId\":\"robot\",\"accessKey\":{\"id\":\"AK1\",\"secret\":\"kcmu_s\"}}");
        CreateMachineUserRepresentation request = new CreateMachineUserRepresentation();
        request.name = "Robot";
        request.permissionSets = List.of("Reader");

        MachineUserRepresentation created = realm.machineUsers().create(request);

        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users");
        assertThat(seen.contentType()).startsWith("application/json");
        assertThat(seen.body()).isEqualTo("{\"name\":\"Robot\",\"permissionSets\":[\"Reader\"]}");
        assertThat(created.accessKey.secret).isEqualTo("kcmu_s");
    }

    @Test
    void changesSendExplicitNulls() {
        answer(200, "{\"id\":\"m1\"}");

        realm.machineUsers().get("m1").update(Changes.of("partition", null, "description", "moved"));

        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users/m1");
        assertThat(seen.body()).isEqualTo("{\"partition\":null,\"description\":\"moved\"}");

        MachineUserRepresentation rename = new MachineUserRepresentation();
        rename.name = "Renamed";
        realm.machineUsers().get("m1").update(rename);
        assertThat(seen.body()).isEqualTo("{\"name\":\"Renamed\"}");
    }

    @Test
    void actionsUseTheServersPathsAndBodies() {
        answer(200, "{\"id\":\"m1\",\"status\":\"SUSPENDED\"}");
        realm.machineUsers().get("m1").suspend("unpaid");
        assertThat(seen).isEqualTo(new Seen("POST", "/admin/realms/acme/machine-users/m1/suspend", seen.contentType(),
                "Bearer test-token", "{\"reason\":\"unpaid\"}"));

        realm.machineUsers().get("m1").resume();
        assertThat(seen.method()).isEqualTo("POST");
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users/m1/resume");
        assertThat(seen.body()).isEmpty();

        answer(200, "{\"id\":\"AK2\",\"secret\":\"kcmu_new\"}");
        AccessKeyRepresentation replaced = realm.machineUsers().get("m1").keys().get("AK1").replace();
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users/m1/keys/AK1/replace");
        assertThat(seen.body()).isEqualTo("{}");
        assertThat(replaced.secret).isEqualTo("kcmu_new");

        realm.machineUsers().get("m1").keys().get("AK2").deactivate();
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.body()).isEqualTo("{\"status\":\"INACTIVE\"}");

        answer(204, "");
        realm.machineUsers().get("m1").grantPermissionSet("Fleet operator");
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users/m1/permission-sets/Fleet%20operator");

        realm.groups().get("g1").addMember("m1");
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-user-groups/g1/members/m1");
        realm.partitions().get("p1").removeViewer("u1");
        assertThat(seen.method()).isEqualTo("DELETE");
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/partitions/p1/viewers/u1");
        realm.permissionSets().get("Reader").remove(true);
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/permission-sets/Reader?force=true");

        answer(200, "[]");
        realm.machineUsers().get("m1").usage(7);
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users/m1/usage?days=7");
    }

    @Test
    void historyAndPolicy() {
        answer(200, "[{\"id\":\"h1\",\"time\":5,\"action\":\"CREATED\",\"details\":{\"name\":\"Robot\"}}]");
        List<HistoryEntryRepresentation> history = realm.machineUsers().get("m1").history().list(0, 5);
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users/m1/history?first=0&max=5");
        assertThat(history.get(0).details.path("name").asText()).isEqualTo("Robot");

        answer(200, "{\"maxKeysPerMachineUser\":3,\"keyExpiryWarningDays\":[14,7]}");
        MachineUserPolicyRepresentation policy = realm.policy().toRepresentation();
        assertThat(seen.uri()).isEqualTo("/admin/realms/acme/machine-users/policy");
        assertThat(policy.keyExpiryWarningDays).containsExactly(14, 7);

        MachineUserPolicyRepresentation change = new MachineUserPolicyRepresentation();
        change.maxKeysPerMachineUser = 4;
        realm.policy().update(change);
        assertThat(seen.method()).isEqualTo("PUT");
        assertThat(seen.body()).isEqualTo("{\"maxKeysPerMachineUser\":4}");
        realm.policy().update(Changes.of("maxKeyLifetimeDays", null));
        assertThat(seen.body()).isEqualTo("{\"maxKeyLifetimeDays\":null}");
    }

    @Test
    void errorsSurfaceAsTheJaxRsExceptionsOfTheirStatus() {
        answer(404, "{\"error\":\"Machine user not found\"}");
        assertThatThrownBy(() -> realm.machineUsers().get("nope").toRepresentation()).isInstanceOf(NotFoundException.class);

        answer(409, "{\"errorMessage\":\"A machine user may have at most 2 access keys\"}");
        assertThatThrownBy(() -> realm.machineUsers().get("m1").keys().create())
                .isInstanceOfSatisfying(ClientErrorException.class, e -> {
                    assertThat(e.getResponse().getStatus()).isEqualTo(409);
                    assertThat(e.getResponse().readEntity(String.class)).contains("at most 2");
                });
    }

    @Test
    void anotherBaseUrlKeepsTheInstancesToken() {
        answer(200, "[]");
        MachineUsersAdminClient.of(keycloak, "http://127.0.0.1:" + server.getAddress().getPort() + "/auth")
                .realm("acme").partitions().list();
        assertThat(seen.uri()).isEqualTo("/auth/admin/realms/acme/partitions");
        assertThat(seen.authorization()).isEqualTo("Bearer test-token");
    }
}
