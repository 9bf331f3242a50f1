package io.github.machineusers.admin.client.resource;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.representations.PartitionRepresentation;
import io.github.machineusers.representations.UserReferenceRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/partitions/{id}}. */
public interface PartitionResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    PartitionRepresentation toRepresentation();

    /**
     * Renames ({@code name}) and/or moves under another partition ({@code parentId}); null fields
     * are not sent. To move to the top level use {@link #update(JsonNode)} with
     * {@code Changes.of("parentId", null)}.
     */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    PartitionRepresentation update(PartitionRepresentation changes);

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    PartitionRepresentation update(JsonNode changes);

    /** Deletes the partition; one that owns machine users, itself or below, answers 409. */
    @DELETE
    void remove();

    /** People with partition-scoped manage rights here. */
    @GET
    @Path("administrators")
    @Produces(MediaType.APPLICATION_JSON)
    List<UserReferenceRepresentation> administrators();

    @PUT
    @Path("administrators/{userId}")
    void addAdministrator(@PathParam("userId") String userId);

    @DELETE
    @Path("administrators/{userId}")
    void removeAdministrator(@PathParam("userId") String userId);

    /** People with partition-scoped view rights here. */
    @GET
    @Path("viewers")
    @Produces(MediaType.APPLICATION_JSON)
    List<UserReferenceRepresentation> viewers();

    @PUT
    @Path("viewers/{userId}")
    void addViewer(@PathParam("userId") String userId);

    @DELETE
    @Path("viewers/{userId}")
    void removeViewer(@PathParam("userId") String userId);
}
