package io.github.machineusers.admin.client.resource;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.representations.AccessKeyRepresentation;
import io.github.machineusers.representations.CreateAccessKeyRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users/{id}/keys/{keyId}}. */
public interface AccessKeyResource {

    /** Key status values the server sets; {@code EXPIRED} is only ever read. */
    String ACTIVE = "ACTIVE";
    String INACTIVE = "INACTIVE";

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    AccessKeyRepresentation toRepresentation();

    /**
     * Sets {@code status} (ACTIVE, INACTIVE), {@code expiresAt} and {@code description}; null
     * fields are not sent and keep their value. Send only what changes: a representation read
     * back whole also carries read-only fields and, for an expired key, status EXPIRED, which
     * cannot be set. To clear the expiry use {@link #update(JsonNode)}.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    AccessKeyRepresentation update(AccessKeyRepresentation changes);

    /** Changes exactly the fields named; {@code Changes.of("expiresAt", null)} removes the expiry. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    AccessKeyRepresentation update(JsonNode changes);

    default AccessKeyRepresentation deactivate() {
        return update(status(INACTIVE));
    }

    default AccessKeyRepresentation activate() {
        return update(status(ACTIVE));
    }

    default AccessKeyRepresentation setExpiresAt(long expiresAt) {
        AccessKeyRepresentation changes = new AccessKeyRepresentation();
        changes.expiresAt = expiresAt;
        return update(changes);
    }

    @DELETE
    void remove();

    /**
     * Creates a new key in this key's place and returns it with its secret; this key stops
     * working when the call returns. Description and expiry of the new key are optional.
     */
    @POST
    @Path("replace")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    AccessKeyRepresentation replace(CreateAccessKeyRepresentation newKey);

    default AccessKeyRepresentation replace() {
        return replace(new CreateAccessKeyRepresentation());
    }

    private static AccessKeyRepresentation status(String status) {
        AccessKeyRepresentation changes = new AccessKeyRepresentation();
        changes.status = status;
        return changes;
    }
}
