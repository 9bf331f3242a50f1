package io.github.machineusers.admin.client.resource;

import jakarta.ws.rs.Path;

/** The resources the machine-users bundle adds under {@code /admin/realms/{realm}}. */
public interface MachineUsersRealmResource {

    /** {@code /machine-users}: machine users, their keys, history and usage. */
    @Path("machine-users")
    MachineUsersResource machineUsers();

    /** {@code /machine-users/policy}: the realm's key and token policy. */
    @Path("machine-users/policy")
    MachineUserPolicyResource policy();

    /** {@code /permission-sets}. */
    @Path("permission-sets")
    PermissionSetsResource permissionSets();

    /** {@code /partitions}: the partition tree and partition-scoped admin rights. */
    @Path("partitions")
    PartitionsResource partitions();

    /** {@code /machine-user-groups}: groups of machine users, their grants and members. */
    @Path("machine-user-groups")
    MachineUserGroupsResource groups();
}
