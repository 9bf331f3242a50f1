package io.github.machineusers.admin.client.resource;

import java.util.List;

import io.github.machineusers.representations.AccessKeyRepresentation;
import io.github.machineusers.representations.CreateAccessKeyRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users/{id}/keys}. */
public interface AccessKeysResource {

    /** The machine user's keys, never with secrets. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<AccessKeyRepresentation> list();

    /**
     * Creates a key and returns it with its secret, shown this once. At the realm's key limit the
     * server answers 409 ({@link jakarta.ws.rs.ClientErrorException}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    AccessKeyRepresentation create(CreateAccessKeyRepresentation key);

    /** A key without description or expiry (the realm's lifetime cap still applies). */
    default AccessKeyRepresentation create() {
        return create(new CreateAccessKeyRepresentation());
    }

    default AccessKeyRepresentation create(String description, Long expiresAt) {
        CreateAccessKeyRepresentation key = new CreateAccessKeyRepresentation();
        key.description = description;
        key.expiresAt = expiresAt;
        return create(key);
    }

    /** One key by its key id. */
    @Path("{keyId}")
    AccessKeyResource get(@PathParam("keyId") String keyId);
}
