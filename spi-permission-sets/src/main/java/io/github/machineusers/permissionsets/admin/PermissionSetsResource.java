package io.github.machineusers.permissionsets.admin;

import java.net.URI;
import java.util.List;

import io.github.machineusers.authorization.MachineUserPermissions;
import io.github.machineusers.authorization.RoleGrantGuard;
import io.github.machineusers.events.AdminEvents;
import io.github.machineusers.events.AdminResource;
import io.github.machineusers.permissionsets.PermissionSet;
import io.github.machineusers.permissionsets.PermissionSetException;
import io.github.machineusers.permissionsets.PermissionSets;
import io.github.machineusers.representations.PermissionSetRepresentation;
import io.github.machineusers.rest.JsonBodies;
import io.github.machineusers.rest.Paging;
import io.github.machineusers.rest.QueryFlag;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.services.resources.admin.AdminEventBuilder;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/permission-sets} */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Permission sets")
public class PermissionSetsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final MachineUserPermissions permissions;
    private final RoleGrantGuard guard;
    private final AdminEvents events;
    private final PermissionSets sets;

    public PermissionSetsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEventBuilder adminEvent) {
        this.session = session;
        this.realm = realm;
        this.permissions = new MachineUserPermissions(session, auth, realm);
        this.guard = new RoleGrantGuard(permissions, realm);
        this.events = new AdminEvents(adminEvent);
        this.sets = new PermissionSets(session, realm);
    }

    @Operation(summary = "Permission sets by name")
    @GET
    public List<PermissionSetRepresentation> list(@QueryParam("search") String search, @QueryParam("first") String first,
                                                  @QueryParam("max") String max) {
        permissions.requireViewSome();
        Paging paging = Paging.of(first, max);
        return sets.list(search).skip(paging.first()).limit(paging.max())
                .map(PermissionSetsResource::toRepresentation).toList();
    }

    @Operation(summary = "Count permission sets")
    @GET
    @Path("count")
    public long count(@QueryParam("search") String search) {
        permissions.requireViewSome();
        return sets.list(search).count();
    }

    @Operation(summary = "Create a custom permission set")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermissionSetRepresentation.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the set", content = @Content(schema = @Schema(implementation = PermissionSetRepresentation.class)))
    @APIResponse(responseCode = "409", description = "A permission set of that name exists")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        permissions.requireManage();
        PermissionSetRepresentation rep = JsonBodies.read(body, PermissionSetRepresentation.class);
        if (Boolean.TRUE.equals(rep.managed)) {
            throw PermissionSetErrors.toResponse(new PermissionSetException(PermissionSetException.Kind.INVALID,
                    "Managed permission sets come from realm templates, not from the API"));
        }
        PermissionSet created;
        try {
            requireMayGrantAll(rep.roles);
            created = sets.create(rep.name, rep.description, rep.roles, Boolean.TRUE.equals(rep.readOnly));
        } catch (PermissionSetException e) {
            throw PermissionSetErrors.toResponse(e);
        }
        PermissionSetRepresentation answer = toRepresentation(created);
        event(OperationType.CREATE, answer);
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(created.name()).build();
        return Response.created(location).entity(answer).build();
    }

    @Operation(summary = "One permission set")
    @GET
    @Path("{name}")
    public PermissionSetRepresentation get(@PathParam("name") String name) {
        permissions.requireViewSome();
        try {
            return toRepresentation(sets.require(name));
        } catch (PermissionSetException e) {
            throw PermissionSetErrors.toResponse(e);
        }
    }

    /** Replaces description, roles and read-only flag; the name cannot change. */
    @Operation(summary = "Replace the description, roles and read-only flag of a custom set")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = PermissionSetRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The set as stored", content = @Content(schema = @Schema(implementation = PermissionSetRepresentation.class)))
    @APIResponse(responseCode = "409", description = "Managed sets cannot change")
    @PUT
    @Path("{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PermissionSetRepresentation update(@PathParam("name") String name, String body) {
        permissions.requireManage();
        PermissionSetRepresentation rep = JsonBodies.read(body, PermissionSetRepresentation.class);
        try {
            PermissionSet set = sets.require(name);
            sets.requireCustom(set);
            if (rep.name != null && !rep.name.equals(name)) {
                throw new PermissionSetException(PermissionSetException.Kind.INVALID, "A permission set cannot be renamed");
            }
            requireMayGrantAll(rep.roles);
            sets.update(set, rep.description, rep.roles, Boolean.TRUE.equals(rep.readOnly));
            PermissionSetRepresentation answer = toRepresentation(set);
            event(OperationType.UPDATE, answer);
            return answer;
        } catch (PermissionSetException e) {
            throw PermissionSetErrors.toResponse(e);
        }
    }

    @Operation(summary = "Delete a custom set; with force=true also while it is granted")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "A managed set, or still granted without force=true")
    @DELETE
    @Path("{name}")
    public Response delete(@PathParam("name") String name,
                           @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) @QueryParam("force") String forceParameter) {
        permissions.requireManage();
        boolean force = QueryFlag.of("force", forceParameter);
        try {
            PermissionSet set = sets.require(name);
            PermissionSetRepresentation before = toRepresentation(set);
            sets.delete(set, force);
            event(OperationType.DELETE, before);
            return Response.noContent().build();
        } catch (PermissionSetException e) {
            throw PermissionSetErrors.toResponse(e);
        }
    }

    private void requireMayGrantAll(List<String> roleNames) {
        if (roleNames == null) {
            return;
        }
        for (String reference : roleNames) {
            RoleModel role = sets.findRole(reference);
            if (role != null) {
                guard.requireMayGrant(role);
            }
        }
    }

    private void event(OperationType operation, PermissionSetRepresentation rep) {
        events.send(operation, AdminResource.MACHINE_USER_PERMISSION_SET, AdminResource.permissionSet(rep.name), rep);
    }

    public static PermissionSetRepresentation toRepresentation(PermissionSet set) {
        PermissionSetRepresentation rep = new PermissionSetRepresentation();
        rep.name = set.name();
        rep.description = set.description();
        rep.roles = set.roleNames();
        rep.managed = set.isManaged();
        rep.readOnly = set.isReadOnly();
        return rep;
    }
}
