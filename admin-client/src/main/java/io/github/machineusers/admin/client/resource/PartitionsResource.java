package io.github.machineusers.admin.client.resource;

import java.util.List;

import io.github.machineusers.representations.PartitionRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /admin/realms/{realm}/partitions}: the partition tree as a flat list, each partition
 * with its {@code parentId} and {@code path}.
 */
public interface PartitionsResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<PartitionRepresentation> list(@QueryParam("search") String search,
                                       @QueryParam("first") Integer first,
                                       @QueryParam("max") Integer max);

    default List<PartitionRepresentation> list() {
        return list(null, null, null);
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    Long count(@QueryParam("search") String search);

    default Long count() {
        return count(null);
    }

    /** Creates a partition: {@code name}, and {@code parentId} for a sub-partition. A taken name is a 409. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    PartitionRepresentation create(PartitionRepresentation partition);

    default PartitionRepresentation create(String name, String parentId) {
        PartitionRepresentation partition = new PartitionRepresentation();
        partition.name = name;
        partition.parentId = parentId;
        return create(partition);
    }

    @Path("{id}")
    PartitionResource get(@PathParam("id") String id);
}
