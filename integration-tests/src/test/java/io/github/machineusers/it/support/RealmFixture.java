package io.github.machineusers.it.support;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;

import com.fasterxml.jackson.databind.JsonNode;

/** A fresh realm per test class, with the helpers most machine-user tests need. */
public final class RealmFixture {

    /** A resource server: a confidential client that may introspect tokens issued for it. */
    public record ResourceServer(String id, String clientId, String secret) {
    }

    private final AdminApi admin;
    private final String realm;
    private final MachineUsersApi machineUsers;
    private final TokenClient tokens;
    /** How the server reaches a port opened on this machine. */
    private final IntFunction<String> hostForPort;

    private RealmFixture(AdminApi admin, String baseUrl, IntFunction<String> hostForPort, String prefix) {
        this.admin = admin;
        this.hostForPort = hostForPort;
        this.realm = admin.createRealm(prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        this.machineUsers = new MachineUsersApi(admin, realm);
        this.tokens = new TokenClient(baseUrl, realm);
    }

    /** A realm on the shared test server. */
    public static RealmFixture create(String prefix) {
        KeycloakTestServer server = KeycloakTestServer.get();
        return new RealmFixture(AdminApi.forMaster(), server.baseUrl(), server::hostAddressFor, prefix);
    }

    /** A realm on a node of its own, created through that node's master-realm administrator. */
    public static RealmFixture on(KeycloakNode node, String adminUsername, String adminPassword, String prefix) {
        return new RealmFixture(AdminApi.at(node.baseUrl(), "master", adminUsername, adminPassword), node.baseUrl(),
                port -> "127.0.0.1", prefix);
    }

    public String realm() {
        return realm;
    }

    public AdminApi admin() {
        return admin;
    }

    public MachineUsersApi machineUsers() {
        return machineUsers;
    }

    public TokenClient tokens() {
        return tokens;
    }

    /** A resource server with one client role, "read", which machine users can be granted. */
    public ResourceServer resourceServer(String clientId) {
        String secret = "rs-" + UUID.randomUUID();
        String id = admin.post("/" + realm + "/clients", Map.of(
                "clientId", clientId,
                "publicClient", false,
                "secret", secret,
                "standardFlowEnabled", false,
                "serviceAccountsEnabled", false)).expectStatus(201).idFromLocation();
        admin.post("/" + realm + "/clients/" + id + "/roles", Map.of("name", "read")).expectStatus(201);
        return new ResourceServer(id, clientId, secret);
    }

    /** Grants a client role to the service-account user of a machine user, so its tokens name that client in aud. */
    public void grant(String machineUserId, ResourceServer server, String role) {
        String userId = admin.get("/" + realm + "/clients/" + machineUserId + "/service-account-user").expectStatus(200).json().path("id").asText();
        JsonNode roleRep = admin.get("/" + realm + "/clients/" + server.id() + "/roles/" + role).expectStatus(200).json();
        admin.post("/" + realm + "/users/" + userId + "/role-mappings/clients/" + server.id(), List.of(roleRep)).expectStatus(204);
    }

    /** Creates a partition (top level when {@code parentId} is null) and returns its id. */
    public String createPartition(String name, String parentId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", name);
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        return admin.post("/" + realm + "/partitions", body).expectStatus(201).idFromLocation();
    }

    /** The id of the service-account user of a machine user (the user that holds its roles and groups). */
    public String serviceAccountUserId(String machineUserId) {
        return admin.get("/" + realm + "/clients/" + machineUserId + "/service-account-user").expectStatus(200).json().path("id").asText();
    }

    /** Creates a realm role, marked read-only when asked. */
    public void createRole(String name, boolean readOnly) {
        Map<String, Object> rep = readOnly
                ? Map.of("name", name, "attributes", Map.of("read-only", List.of("true")))
                : Map.of("name", name);
        admin.post("/" + realm + "/roles", rep).expectStatus(201);
    }

    /** Turns on admin events with representations, so tests can read what was recorded. */
    public void enableAdminEvents() {
        admin.put("/" + realm, Map.of("adminEventsEnabled", true, "adminEventsDetailsEnabled", true)).expectStatus(204);
    }

    /** Points the realm's SMTP settings at the SMTP test server, as an administrator would in the console. */
    public void sendMailThrough(SmtpTestServer smtp) {
        admin.put("/" + realm, Map.of("smtpServer", smtp.realmSmtpSettings(hostForPort.apply(smtp.smtpPort())))).expectStatus(204);
    }
}
