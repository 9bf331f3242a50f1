package io.github.machineusers.admin.client.resource;

import io.github.machineusers.representations.PermissionSetRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/permission-sets/{name}}. */
public interface PermissionSetResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    PermissionSetRepresentation toRepresentation();

    /**
     * Replaces description, roles and read-only flag (a set cannot be renamed). A managed set
     * (from a realm template) answers 409.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    PermissionSetRepresentation update(PermissionSetRepresentation permissionSet);

    /**
     * Deletes the set. A set still granted answers 409 unless {@code force} is true, which
     * deletes it anyway and so takes it from its holders; a managed set always answers 409.
     */
    @DELETE
    void remove(@QueryParam("force") Boolean force);

    default void remove() {
        remove(null);
    }
}
