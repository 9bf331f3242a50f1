package io.github.machineusers.admin;


import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.machineusers.authorization.MachineUserPermissions;
import io.github.machineusers.authorization.PartitionRight;
import io.github.machineusers.events.AdminEvents;
import io.github.machineusers.events.AdminResource;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.partitions.Partitions;
import io.github.machineusers.patch.Change;
import io.github.machineusers.representations.PartitionRepresentation;
import io.github.machineusers.representations.UserReferenceRepresentation;
import io.github.machineusers.rest.JsonBodies;
import io.github.machineusers.rest.Paging;
import io.github.machineusers.rest.PatchBody;
import io.github.machineusers.text.TextRules;
import io.github.machineusers.validation.Validation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/partitions} */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Partitions")
public class PartitionsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final MachineUserPermissions permissions;
    private final AdminEvents events;
    private final Partitions partitions;
    private final MachineUserProvider provider;

    public PartitionsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.permissions = new MachineUserPermissions(session, auth, realm);
        this.events = new AdminEvents(adminEvent);
        this.partitions = new Partitions(session, realm);
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    /** Realm-wide viewers see every partition; partition administrators and viewers their subtrees. */
    @Operation(summary = "All partitions, flat, ordered by path")
    @GET
    public List<PartitionRepresentation> list(@QueryParam("search") String search, @QueryParam("first") String first,
                                              @QueryParam("max") String max) {
        permissions.requireViewSome();
        Paging paging = Paging.of(first, max);
        return visible(search).skip(paging.first()).limit(paging.max()).map(this::toRepresentation).toList();
    }

    @Operation(summary = "Count partitions")
    @GET
    @Path("count")
    public long count(@QueryParam("search") String search) {
        permissions.requireViewSome();
        return visible(search).count();
    }

    private java.util.stream.Stream<GroupModel> visible(String search) {
        String text = Validation.optionalText("search", search, Validation.MAX_NAME);
        Set<String> scope = permissions.canView() ? null : permissions.scope().viewed();
        return partitions.search(text).filter(p -> scope == null || scope.contains(p.getId()));
    }

    @Operation(summary = "Create a partition, at the top or under a parent")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartitionRepresentation.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the partition", content = @Content(schema = @Schema(implementation = PartitionRepresentation.class)))
    @APIResponse(responseCode = "409", description = "A partition of that name exists under the same parent")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        permissions.requireManage();
        PartitionRepresentation rep = JsonBodies.read(body, PartitionRepresentation.class);
        GroupModel parent = rep.parentId == null ? null : partitions.require("parentId", rep.parentId);
        GroupModel created;
        try {
            created = partitions.create(rep.name, parent);
        } catch (ModelDuplicateException e) {
            throw ErrorResponse.exists(e.getMessage());
        }
        PartitionRepresentation answer = toRepresentation(created);
        events.send(OperationType.CREATE, AdminResource.MACHINE_USER_PARTITION, AdminResource.partition(created.getId()), answer);
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(created.getId()).build();
        return Response.created(location).entity(answer).build();
    }

    @Operation(summary = "One partition")
    @GET
    @Path("{id}")
    public PartitionRepresentation get(@PathParam("id") String id) {
        permissions.requireViewSome();
        GroupModel partition = existing(id);
        if (!permissions.canView() && !permissions.scope().viewed().contains(partition.getId())) {
            throw new jakarta.ws.rs.ForbiddenException();
        }
        return toRepresentation(partition);
    }

    /** Renames ({@code name}) and/or moves ({@code parentId}, null for the top level). */
    @Operation(summary = "Rename a partition or move it under another")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PartitionRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The partition as stored", content = @Content(schema = @Schema(implementation = PartitionRepresentation.class)))
    @APIResponse(responseCode = "409", description = "A partition of that name exists under the same parent")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PartitionRepresentation update(@PathParam("id") String id, String body) {
        permissions.requireManage();
        GroupModel partition = existing(id);
        PatchBody<PartitionRepresentation> patch = PatchBody.read(body, PartitionRepresentation.class);
        Change<String> name = patch.change("name", r -> r.name);
        Change<String> parentId = patch.change("parentId", r -> r.parentId);
        try {
            if (name.isSet()) {
                partitions.rename(partition, name.value());
            }
            if (parentId.isSet()) {
                partitions.move(partition, parentId.value() == null ? null : partitions.require("parentId", parentId.value()));
            }
        } catch (ModelDuplicateException e) {
            throw ErrorResponse.exists(e.getMessage());
        }
        PartitionRepresentation answer = toRepresentation(partition);
        events.send(OperationType.UPDATE, AdminResource.MACHINE_USER_PARTITION, AdminResource.partition(partition.getId()), answer);
        return answer;
    }

    @Operation(summary = "Delete a partition with its sub-partitions")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "The partition or a sub-partition still owns machine users")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        permissions.requireManage();
        GroupModel partition = existing(id);
        PartitionRepresentation before = toRepresentation(partition);
        partitions.delete(partition);
        events.send(OperationType.DELETE, AdminResource.MACHINE_USER_PARTITION, AdminResource.partition(before.id), before);
        return Response.noContent().build();
    }

    @Operation(summary = "The partition administrators")
    @GET
    @Path("{id}/administrators")
    public List<UserReferenceRepresentation> administrators(@PathParam("id") String id) {
        return rightHolders(id, PartitionRight.ADMINISTRATOR);
    }

    @Operation(summary = "The partition viewers")
    @GET
    @Path("{id}/viewers")
    public List<UserReferenceRepresentation> viewers(@PathParam("id") String id) {
        return rightHolders(id, PartitionRight.VIEWER);
    }

    @Operation(summary = "Make a user of the realm a partition administrator")
    @APIResponse(responseCode = "204", description = "Added")
    @PUT
    @Path("{id}/administrators/{userId}")
    public Response addAdministrator(@PathParam("id") String id, @PathParam("userId") String userId) {
        return grantRight(id, PartitionRight.ADMINISTRATOR, "administrators", userId);
    }

    @Operation(summary = "Remove a partition administrator")
    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @Path("{id}/administrators/{userId}")
    public Response removeAdministrator(@PathParam("id") String id, @PathParam("userId") String userId) {
        return revokeRight(id, PartitionRight.ADMINISTRATOR, "administrators", userId);
    }

    @Operation(summary = "Make a user of the realm a partition viewer")
    @APIResponse(responseCode = "204", description = "Added")
    @PUT
    @Path("{id}/viewers/{userId}")
    public Response addViewer(@PathParam("id") String id, @PathParam("userId") String userId) {
        return grantRight(id, PartitionRight.VIEWER, "viewers", userId);
    }

    @Operation(summary = "Remove a partition viewer")
    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @Path("{id}/viewers/{userId}")
    public Response removeViewer(@PathParam("id") String id, @PathParam("userId") String userId) {
        return revokeRight(id, PartitionRight.VIEWER, "viewers", userId);
    }

    private List<UserReferenceRepresentation> rightHolders(String id, PartitionRight right) {
        permissions.requireView();
        return partitions.members(existing(id), right).stream()
                .map(u -> new UserReferenceRepresentation(u.getId(), u.getUsername())).toList();
    }

    private Response grantRight(String id, PartitionRight right, String segment, String userId) {
        permissions.requireManage();
        GroupModel partition = existing(id);
        UserModel user = existingUser(userId);
        if (user.getServiceAccountClientLink() != null) {
            throw Validation.badRequest("Partition rights are for people, not for service accounts");
        }
        if (partitions.addTo(partition, right, user)) {
            events.send(OperationType.CREATE, AdminResource.MACHINE_USER_PARTITION_RIGHT,
                    AdminResource.partitionRight(partition.getId(), segment, user.getId()), Map.of("userId", user.getId(), "username", user.getUsername()));
        }
        return Response.noContent().build();
    }

    /**
     * Revoking from a user who holds no right is a no-op (204); naming a user who neither holds the
     * right nor exists is a 404, as for a grant. A right of a deleted user can still be revoked.
     */
    private Response revokeRight(String id, PartitionRight right, String segment, String userId) {
        permissions.requireManage();
        GroupModel partition = existing(id);
        if (!TextRules.lookupable(userId, 255)) {
            // No user has such an id, and PostgreSQL refuses some such text (a NUL) as a parameter outright.
            throw new NotFoundException("User not found");
        }
        if (partitions.removeFrom(partition, right, userId)) {
            events.send(OperationType.DELETE, AdminResource.MACHINE_USER_PARTITION_RIGHT,
                    AdminResource.partitionRight(partition.getId(), segment, userId), Map.of("userId", userId));
            return Response.noContent().build();
        }
        existingUser(userId);
        return Response.noContent().build();
    }

    private UserModel existingUser(String userId) {
        UserModel user = !TextRules.lookupable(userId, 36) ? null : session.users().getUserById(realm, userId);
        if (user == null) {
            throw new NotFoundException("User not found");
        }
        return user;
    }

    private GroupModel existing(String id) {
        GroupModel partition = partitions.byId(id);
        if (partition == null) {
            throw new NotFoundException("Partition not found");
        }
        return partition;
    }

    private PartitionRepresentation toRepresentation(GroupModel partition) {
        PartitionRepresentation rep = new PartitionRepresentation();
        rep.id = partition.getId();
        rep.name = partition.getName();
        rep.parentId = partition.getParentId();
        rep.path = Partitions.path(partition);
        rep.machineUsers = provider.countOwnedBy(realm, Set.of(partition.getId()));
        return rep;
    }
}
