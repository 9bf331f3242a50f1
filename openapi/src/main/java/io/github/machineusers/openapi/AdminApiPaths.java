package io.github.machineusers.openapi;

import io.github.machineusers.admin.MachineUserGroupsResource;
import io.github.machineusers.admin.MachineUserResource;
import io.github.machineusers.admin.MachineUsersResource;
import io.github.machineusers.admin.PartitionsResource;
import io.github.machineusers.permissionsets.admin.PermissionSetsResource;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

/**
 * Where Keycloak mounts the extension's admin resources, for the document generator only. Keycloak
 * mounts them under {@code /admin/realms/{realm}/<provider id>} through
 * {@code AdminRealmResourceProvider}, which no annotation shows; this interface states it. It is
 * never deployed: a class with {@code @Path} in the bundle would become a root resource of its own,
 * outside the admin API's authentication.
 */
@Path("/admin/realms/{realm}")
public interface AdminApiPaths {

    @Path("machine-users")
    MachineUsersResource machineUsers();

    /** The machine-users resource finds a live or a deleted machine user at run time; the document shows the live one. */
    @Path("machine-users/{id}")
    MachineUserResource machineUser(@PathParam("id") String id);

    @Path("permission-sets")
    PermissionSetsResource permissionSets();

    @Path("partitions")
    PartitionsResource partitions();

    @Path("machine-user-groups")
    MachineUserGroupsResource groups();
}
