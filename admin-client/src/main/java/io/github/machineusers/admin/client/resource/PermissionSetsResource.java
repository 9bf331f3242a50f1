package io.github.machineusers.admin.client.resource;

import java.util.List;

import io.github.machineusers.representations.PermissionSetRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/permission-sets}. */
public interface PermissionSetsResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<PermissionSetRepresentation> list(@QueryParam("search") String search,
                                           @QueryParam("first") Integer first,
                                           @QueryParam("max") Integer max);

    default List<PermissionSetRepresentation> list() {
        return list(null, null, null);
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    Long count(@QueryParam("search") String search);

    default Long count() {
        return count(null);
    }

    /**
     * Creates a custom set: {@code name}, {@code description}, {@code roles} (realm role names or
     * {@code clientId/role}), {@code readOnly}. Returns the created set; a taken name is a 409.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    PermissionSetRepresentation create(PermissionSetRepresentation permissionSet);

    /** One set by name. */
    @Path("{name}")
    PermissionSetResource get(@PathParam("name") String name);
}
