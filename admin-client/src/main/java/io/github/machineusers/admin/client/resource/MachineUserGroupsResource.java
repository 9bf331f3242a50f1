package io.github.machineusers.admin.client.resource;

import java.util.List;

import io.github.machineusers.representations.MachineUserGroupRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-user-groups}. */
public interface MachineUserGroupsResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<MachineUserGroupRepresentation> list(@QueryParam("search") String search,
                                              @QueryParam("first") Integer first,
                                              @QueryParam("max") Integer max);

    default List<MachineUserGroupRepresentation> list() {
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
     * Creates a group: {@code name}, {@code description}, {@code permissionSets} (names) and
     * {@code partitions} (paths or ids). A taken name is a 409.
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserGroupRepresentation create(MachineUserGroupRepresentation group);

    @Path("{id}")
    MachineUserGroupResource get(@PathParam("id") String id);
}
