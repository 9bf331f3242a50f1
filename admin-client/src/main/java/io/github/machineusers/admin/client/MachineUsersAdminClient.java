package io.github.machineusers.admin.client;

import java.net.URI;
import java.util.Objects;

import io.github.machineusers.admin.client.resource.MachineUsersRealmResource;
import io.github.machineusers.admin.client.resource.MachineUsersRealmsResource;
import org.keycloak.admin.client.Keycloak;

/**
 * The machine-user admin API of a Keycloak server with the machine-users bundle, reached from a
 * {@link Keycloak} admin client the way {@code keycloak.realm("r").clients()} reaches Keycloak's
 * own resources:
 *
 * <pre>{@code
 * Keycloak keycloak = KeycloakBuilder.builder().serverUrl(url).realm("master")
 *         .clientId("admin-cli").username("admin").password(password).build();
 * MachineUsersRealmResource realm = MachineUsersAdminClient.of(keycloak).realm("acme");
 * MachineUserRepresentation created = realm.machineUsers().create(request);
 * String secret = created.accessKey.secret; // shown once
 * }</pre>
 *
 * <p>Every call goes through the {@code Keycloak} instance's HTTP client and token manager, so
 * tokens are fetched and refreshed as for Keycloak's own resources, and errors surface the same
 * way: a 404 as {@link jakarta.ws.rs.NotFoundException}, a 409 as
 * {@link jakarta.ws.rs.ClientErrorException} with status 409, a 400 as
 * {@link jakarta.ws.rs.BadRequestException}, a 403 as {@link jakarta.ws.rs.ForbiddenException}.
 * The body of such an answer is Keycloak's error JSON ({@code errorMessage}).
 */
public final class MachineUsersAdminClient {

    private final MachineUsersRealmsResource realms;

    private MachineUsersAdminClient(MachineUsersRealmsResource realms) {
        this.realms = realms;
    }

    /** On the server the {@code Keycloak} instance was built for. */
    public static MachineUsersAdminClient of(Keycloak keycloak) {
        Objects.requireNonNull(keycloak, "keycloak");
        return new MachineUsersAdminClient(keycloak.proxy(MachineUsersRealmsResource.class));
    }

    /**
     * On another base URL than the one the {@code Keycloak} instance was built with (e.g. the
     * admin API behind its own host name), still with that instance's tokens. {@code serverUrl} is
     * the server's root, as given to {@code KeycloakBuilder.serverUrl}.
     */
    public static MachineUsersAdminClient of(Keycloak keycloak, String serverUrl) {
        Objects.requireNonNull(keycloak, "keycloak");
        URI root = URI.create(Objects.requireNonNull(serverUrl, "serverUrl"));
        return new MachineUsersAdminClient(keycloak.proxy(MachineUsersRealmsResource.class, root));
    }

    /** The machine-user resources of one realm. */
    public MachineUsersRealmResource realm(String realm) {
        return realms.realm(Objects.requireNonNull(realm, "realm"));
    }
}
