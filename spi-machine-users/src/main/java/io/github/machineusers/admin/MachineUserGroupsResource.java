package io.github.machineusers.admin;


import java.net.URI;
import java.util.List;
import java.util.Map;

import io.github.machineusers.authorization.MachineUserPermissions;
import io.github.machineusers.authorization.RoleGrantGuard;
import io.github.machineusers.events.AdminEvents;
import io.github.machineusers.events.AdminResource;
import io.github.machineusers.groups.MachineUserGroups;
import io.github.machineusers.manage.MachineUserManager;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.partitions.Partitions;
import io.github.machineusers.patch.Change;
import io.github.machineusers.permissionsets.PermissionSet;
import io.github.machineusers.permissionsets.admin.GrantablePermissionSets;
import io.github.machineusers.representations.MachineUserGroupRepresentation;
import io.github.machineusers.representations.MachineUserRepresentation;
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
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/**
 * {@code /admin/realms/{realm}/machine-user-groups}. Groups carry partition grants and permission
 * sets, so only realm-wide machine-user administrators change them.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Machine-user groups")
public class MachineUserGroupsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final MachineUserPermissions permissions;
    private final AdminEvents events;
    private final MachineUserGroups groups;
    private final MachineUserProvider provider;

    public MachineUserGroupsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.permissions = new MachineUserPermissions(session, auth, realm);
        this.events = new AdminEvents(adminEvent);
        this.groups = new MachineUserGroups(session, realm);
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    @Operation(summary = "Machine-user groups by name")
    @GET
    public List<MachineUserGroupRepresentation> list(@QueryParam("search") String search, @QueryParam("first") String first,
                                                     @QueryParam("max") String max) {
        permissions.requireView();
        Paging paging = Paging.of(first, max);
        return groups.search(search).skip(paging.first()).limit(paging.max()).map(this::toRepresentation).toList();
    }

    @Operation(summary = "Count machine-user groups")
    @GET
    @Path("count")
    public long count(@QueryParam("search") String search) {
        permissions.requireView();
        return groups.search(search).count();
    }

    @Operation(summary = "Create a machine-user group with permission sets and partition grants")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MachineUserGroupRepresentation.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the group", content = @Content(schema = @Schema(implementation = MachineUserGroupRepresentation.class)))
    @APIResponse(responseCode = "409", description = "A machine-user group of that name exists")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        permissions.requireManage();
        MachineUserGroupRepresentation rep = JsonBodies.read(body, MachineUserGroupRepresentation.class);
        List<PermissionSet> sets = GrantablePermissionSets.resolve(session, realm, permissions, rep.permissionSets);
        List<GroupModel> partitions = partitions(rep.partitions);
        GroupModel group;
        try {
            group = groups.create(rep.name, rep.description);
        } catch (ModelDuplicateException e) {
            throw ErrorResponse.exists(e.getMessage());
        }
        groups.setPermissionSets(group, sets);
        groups.setPartitions(group, partitions);
        MachineUserGroupRepresentation answer = toRepresentation(group);
        events.send(OperationType.CREATE, AdminResource.MACHINE_USER_GROUP, AdminResource.group(group.getId()), answer);
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(group.getId()).build();
        return Response.created(location).entity(answer).build();
    }

    @Operation(summary = "One machine-user group")
    @GET
    @Path("{id}")
    public MachineUserGroupRepresentation get(@PathParam("id") String id) {
        permissions.requireView();
        return toRepresentation(existing(id));
    }

    /** Fields left out keep their value. */
    @Operation(summary = "Change a machine-user group (fields left out keep their value)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MachineUserGroupRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The group as stored", content = @Content(schema = @Schema(implementation = MachineUserGroupRepresentation.class)))
    @APIResponse(responseCode = "409", description = "A machine-user group of that name exists")
    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MachineUserGroupRepresentation update(@PathParam("id") String id, String body) {
        permissions.requireManage();
        GroupModel group = existing(id);
        PatchBody<MachineUserGroupRepresentation> patch = PatchBody.read(body, MachineUserGroupRepresentation.class);
        // Everything is resolved and checked before anything changes.
        Change<List<PermissionSet>> sets = patch.change("permissionSets", r -> r.permissionSets)
                .map(names -> GrantablePermissionSets.resolve(session, realm, permissions, names));
        Change<List<GroupModel>> partitions = patch.change("partitions", r -> r.partitions).map(this::partitions);
        Change<String> name = patch.change("name", r -> r.name);
        Change<String> description = patch.change("description", r -> r.description)
                .map(text -> Validation.optionalText("description", text, Validation.MAX_DESCRIPTION));
        try {
            if (name.isSet()) {
                groups.rename(group, name.value());
            }
        } catch (ModelDuplicateException e) {
            throw ErrorResponse.exists(e.getMessage());
        }
        if (description.isSet()) {
            group.setDescription(description.value());
        }
        if (sets.isSet()) {
            groups.setPermissionSets(group, sets.value());
        }
        if (partitions.isSet()) {
            groups.setPartitions(group, partitions.value());
        }
        MachineUserGroupRepresentation answer = toRepresentation(group);
        events.send(OperationType.UPDATE, AdminResource.MACHINE_USER_GROUP, AdminResource.group(group.getId()), answer);
        return answer;
    }

    @Operation(summary = "Delete a machine-user group; its members stay")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        permissions.requireManage();
        GroupModel group = existing(id);
        MachineUserGroupRepresentation before = toRepresentation(group);
        MachineUserManager manager = new MachineUserManager(session, realm);
        groups.members(group).toList().forEach(member -> manager.leave(member, group, AdminActors.of(auth)));
        session.groups().removeGroup(realm, group);
        events.send(OperationType.DELETE, AdminResource.MACHINE_USER_GROUP, AdminResource.group(before.id), before);
        return Response.noContent().build();
    }

    @Operation(summary = "The members of a group")
    @GET
    @Path("{id}/members")
    public List<MachineUserRepresentation> members(@PathParam("id") String id, @QueryParam("first") String first,
                                                   @QueryParam("max") String max) {
        permissions.requireView();
        Paging paging = Paging.of(first, max);
        return groups.members(existing(id)).skip(paging.first()).limit(paging.max())
                .map(mu -> Representations.toRepresentation(session, provider, realm, mu)).toList();
    }

    @Operation(summary = "Add a machine user to a group (idempotent)")
    @APIResponse(responseCode = "204", description = "Added")
    @PUT
    @Path("{id}/members/{machineUserId}")
    public Response addMember(@PathParam("id") String id, @PathParam("machineUserId") String machineUserId) {
        permissions.requireManage();
        GroupModel group = existing(id);
        MachineUser member = machineUser(machineUserId);
        // Joining grants whatever the group holds, so it needs the same right as granting those sets one by one.
        new RoleGrantGuard(permissions, realm).requireMayGrantAll(group.getRoleMappingsStream());
        if (new MachineUserManager(session, realm).join(member, group, AdminActors.of(auth))) {
            events.send(OperationType.CREATE, AdminResource.MACHINE_USER_GROUP_MEMBER,
                    AdminResource.groupMember(group.getId(), member.id()), Map.of("machineUserId", member.id(), "clientId", member.clientId()));
        }
        return Response.noContent().build();
    }

    @Operation(summary = "Remove a machine user from a group (idempotent)")
    @APIResponse(responseCode = "204", description = "Removed")
    @DELETE
    @Path("{id}/members/{machineUserId}")
    public Response removeMember(@PathParam("id") String id, @PathParam("machineUserId") String machineUserId) {
        permissions.requireManage();
        GroupModel group = existing(id);
        MachineUser member = machineUser(machineUserId);
        if (new MachineUserManager(session, realm).leave(member, group, AdminActors.of(auth))) {
            events.send(OperationType.DELETE, AdminResource.MACHINE_USER_GROUP_MEMBER,
                    AdminResource.groupMember(group.getId(), member.id()), Map.of("machineUserId", member.id(), "clientId", member.clientId()));
        }
        return Response.noContent().build();
    }

    private List<GroupModel> partitions(List<String> pathsOrIds) {
        Partitions partitions = new Partitions(session, realm);
        return pathsOrIds == null ? List.of() : pathsOrIds.stream().map(p -> partitions.require("partitions", p)).toList();
    }

    private MachineUser machineUser(String id) {
        MachineUser machineUser = !TextRules.lookupable(id, 36) ? null : MachineUser.of(session.clients().getClientById(realm, id));
        if (machineUser == null) {
            throw new NotFoundException("Machine user not found");
        }
        return machineUser;
    }

    private GroupModel existing(String id) {
        GroupModel group = groups.byId(id);
        if (group == null) {
            throw new NotFoundException("Machine-user group not found");
        }
        return group;
    }

    private MachineUserGroupRepresentation toRepresentation(GroupModel group) {
        MachineUserGroupRepresentation rep = new MachineUserGroupRepresentation();
        rep.id = group.getId();
        rep.name = group.getName();
        rep.description = group.getDescription();
        rep.permissionSets = MachineUserGroups.permissionSetNames(group);
        rep.partitions = groups.partitionPaths(group);
        rep.members = groups.memberCount(group);
        return rep;
    }
}
