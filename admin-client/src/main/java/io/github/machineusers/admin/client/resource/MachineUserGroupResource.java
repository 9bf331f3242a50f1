package io.github.machineusers.admin.client.resource;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.representations.MachineUserGroupRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-user-groups/{id}}. */
public interface MachineUserGroupResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserGroupRepresentation toRepresentation();

    /**
     * Changes name, description, and replaces the lists {@code permissionSets} and
     * {@code partitions} (an empty list removes every grant); null fields are not sent and keep
     * their value.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserGroupRepresentation update(MachineUserGroupRepresentation changes);

    /** Changes exactly the fields named, e.g. {@code Changes.of("description", null)}. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    MachineUserGroupRepresentation update(JsonNode changes);

    /** Deletes the group; its members leave it first, so its grants end with it. */
    @DELETE
    void remove();

    @GET
    @Path("members")
    @Produces(MediaType.APPLICATION_JSON)
    List<MachineUserRepresentation> members(@QueryParam("first") Integer first, @QueryParam("max") Integer max);

    default List<MachineUserRepresentation> members() {
        return members(null, null);
    }

    /** Adds a machine user (idempotent). */
    @PUT
    @Path("members/{machineUserId}")
    void addMember(@PathParam("machineUserId") String machineUserId);

    /** Removes a machine user (idempotent). */
    @DELETE
    @Path("members/{machineUserId}")
    void removeMember(@PathParam("machineUserId") String machineUserId);
}
