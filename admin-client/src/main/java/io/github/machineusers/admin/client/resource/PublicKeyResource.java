package io.github.machineusers.admin.client.resource;

import io.github.machineusers.representations.PublicKeyRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users/{id}/public-keys/{keyId}}. */
public interface PublicKeyResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    PublicKeyRepresentation toRepresentation();

    /** Sets {@code status} (ACTIVE, INACTIVE), {@code expiresAt} and {@code description}; null fields keep their value. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    PublicKeyRepresentation update(PublicKeyRepresentation changes);

    /** Deactivates the key; the tokens it minted die at once. */
    default PublicKeyRepresentation deactivate() {
        PublicKeyRepresentation changes = new PublicKeyRepresentation();
        changes.status = AccessKeyResource.INACTIVE;
        return update(changes);
    }

    @DELETE
    void remove();
}
