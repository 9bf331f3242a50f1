package io.github.machineusers.admin.client.resource;

import java.util.List;

import io.github.machineusers.representations.HistoryEntryRepresentation;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users/{id}/history}, newest first. */
public interface MachineUserHistoryResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<HistoryEntryRepresentation> list(@QueryParam("first") Integer first, @QueryParam("max") Integer max);

    default List<HistoryEntryRepresentation> list() {
        return list(null, null);
    }

    @GET
    @Path("count")
    @Produces(MediaType.APPLICATION_JSON)
    Long count();
}
