package io.github.machineusers.admin.client.resource;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/** {@code /admin/realms}: only the way in; use {@link io.github.machineusers.admin.client.MachineUsersAdminClient}. */
@Path("/admin/realms")
public interface MachineUsersRealmsResource {

    @Path("{realm}")
    MachineUsersRealmResource realm(@PathParam("realm") String realm);
}
