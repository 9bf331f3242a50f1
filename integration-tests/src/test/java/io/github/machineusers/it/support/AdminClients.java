package io.github.machineusers.it.support;

import io.github.machineusers.admin.client.MachineUsersAdminClient;
import io.github.machineusers.admin.client.resource.MachineUsersRealmResource;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.KeycloakBuilder;

/**
 * Keycloak's Java admin client on the shared test server, with the project's typed machine-user
 * resources on top ({@link MachineUsersAdminClient}). Close what {@link #forMaster()} and
 * {@link #as} return when the test class is done.
 */
public final class AdminClients {

    private AdminClients() {
    }

    /** As the bootstrap admin of the shared test server. */
    public static Keycloak forMaster() {
        KeycloakTestServer server = KeycloakTestServer.get();
        return as("master", server.adminUsername(), server.adminPassword());
    }

    /** As any user of {@code realm} on the shared test server, through that realm's {@code admin-cli} client. */
    public static Keycloak as(String realm, String username, String password) {
        return KeycloakBuilder.builder()
                .serverUrl(KeycloakTestServer.get().baseUrl())
                .realm(realm)
                .clientId("admin-cli")
                .username(username)
                .password(password)
                .build();
    }

    /** The machine-user resources of {@code realm}, through {@code keycloak}. */
    public static MachineUsersRealmResource machineUsersOf(Keycloak keycloak, String realm) {
        return MachineUsersAdminClient.of(keycloak).realm(realm);
    }
}
