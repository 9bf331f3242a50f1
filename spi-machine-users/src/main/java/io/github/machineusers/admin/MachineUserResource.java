package io.github.machineusers.admin;


import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.machineusers.authorization.MachineUserPermissions;
import io.github.machineusers.authorization.RoleGrantGuard;
import io.github.machineusers.events.AdminEvents;
import io.github.machineusers.events.AdminResource;
import io.github.machineusers.manage.MachineUserChanges;
import io.github.machineusers.manage.MachineUserManager;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.UsageDay;
import io.github.machineusers.model.UsageDays;
import io.github.machineusers.partitions.Partitions;
import io.github.machineusers.patch.Change;
import io.github.machineusers.permissionsets.PermissionSet;
import io.github.machineusers.permissionsets.PermissionSetException;
import io.github.machineusers.permissionsets.PermissionSets;
import io.github.machineusers.permissionsets.admin.PermissionSetErrors;
import io.github.machineusers.representations.MachineUserRepresentation;
import io.github.machineusers.representations.SuspensionRepresentation;
import io.github.machineusers.representations.UsageDayRepresentation;
import io.github.machineusers.rest.JsonBodies;
import io.github.machineusers.rest.Paging;
import io.github.machineusers.rest.PatchBody;
import io.github.machineusers.validation.Validation;
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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keycloak.common.util.Time;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/machine-users/{id}} */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Machine users")
public class MachineUserResource {

    public static final int DEFAULT_USAGE_DAYS = 30;
    public static final int MAX_USAGE_DAYS = 366;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final MachineUserPermissions permissions;
    private final AdminEvents events;
    private final MachineUser machineUser;
    private final MachineUserProvider provider;

    MachineUserResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, MachineUserPermissions permissions,
                        AdminEvents events, MachineUser machineUser) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.permissions = permissions;
        this.events = events;
        this.machineUser = machineUser;
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    @Operation(summary = "One machine user")
    @GET
    public MachineUserRepresentation get() {
        return Representations.withAccess(representation(), permissions, machineUser);
    }

    @Operation(summary = "Change a machine user (fields left out keep their value, null clears)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MachineUserRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The machine user as stored", content = @Content(schema = @Schema(implementation = MachineUserRepresentation.class)))
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public MachineUserRepresentation update(String body) {
        PatchBody<MachineUserRepresentation> patch = PatchBody.read(body, MachineUserRepresentation.class);
        Change<String> partitionChange = patch.change("partition", r -> r.partition);
        if (partitionChange.isSet()) {
            String target = partitionChange.value() == null || partitionChange.value().isBlank() ? null : partitionChange.value();
            GroupModel partition = target == null ? null : new Partitions(session, realm).require("partition", target);
            // Moving needs manage rights where the machine user goes, not only where it is.
            permissions.requireManage(partition == null ? null : partition.getId());
            manager().moveTo(machineUser, partition, AdminActors.of(auth));
        }
        manager().update(machineUser, new MachineUserChanges(
                patch.change("name", r -> r.name),
                patch.change("description", r -> r.description),
                patch.change("notificationEmail", r -> r.notificationEmail),
                patch.change("accessTokenLifespan", r -> r.accessTokenLifespan)), AdminActors.of(auth));
        MachineUserRepresentation answer = representation();
        events.send(OperationType.UPDATE, AdminResource.MACHINE_USER, AdminResource.machineUser(machineUser.id()), answer);
        return answer;
    }

    @Operation(summary = "Delete a machine user with its keys; its history stays")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    public Response delete() {
        MachineUserRepresentation before = representation();
        manager().delete(machineUser, AdminActors.of(auth));
        events.send(OperationType.DELETE, AdminResource.MACHINE_USER, AdminResource.machineUser(before.id), before);
        return Response.noContent().build();
    }

    @Operation(summary = "Suspend: no new tokens, and tokens already issued stop working")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuspensionRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The suspended machine user", content = @Content(schema = @Schema(implementation = MachineUserRepresentation.class)))
    @POST
    @Path("suspend")
    public MachineUserRepresentation suspend(String body) {
        SuspensionRepresentation rep = JsonBodies.readOptional(body, SuspensionRepresentation.class);
        manager().suspend(machineUser, rep.reason, AdminActors.of(auth));
        MachineUserRepresentation answer = representation();
        events.send(OperationType.ACTION, AdminResource.MACHINE_USER, AdminResource.machineUserAction(machineUser.id(), "suspend"), answer);
        return answer;
    }

    @Operation(summary = "Resume a suspended machine user")
    @POST
    @Path("resume")
    public MachineUserRepresentation resume() {
        manager().resume(machineUser, AdminActors.of(auth));
        MachineUserRepresentation answer = representation();
        events.send(OperationType.ACTION, AdminResource.MACHINE_USER, AdminResource.machineUserAction(machineUser.id(), "resume"), answer);
        return answer;
    }

    @Path("history")
    public HistoryResource history() {
        return new HistoryResource(provider, realm, machineUser.id());
    }

    /** One entry per UTC day, oldest first, days without traffic included as zeros for charts. */
    @Operation(summary = "Tokens issued and failed attempts per UTC day, oldest first")
    @GET
    @Path("usage")
    public List<UsageDayRepresentation> usage(@QueryParam("days") String days) {
        int span = Paging.integer("days", days, DEFAULT_USAGE_DAYS);
        if (span < 1 || span > MAX_USAGE_DAYS) {
            throw Validation.badRequest("Query parameter 'days' must be between 1 and " + MAX_USAGE_DAYS);
        }
        long today = UsageDays.epochDay(Time.currentTimeMillis());
        long from = today - span + 1;
        Map<Long, UsageDay> counted = provider.usage().daily(realm, machineUser.id(), from).stream()
                .collect(Collectors.toMap(UsageDay::epochDay, Function.identity()));
        List<UsageDayRepresentation> result = new ArrayList<>(span);
        for (long day = from; day <= today; day++) {
            UsageDay usage = counted.getOrDefault(day, new UsageDay(day, 0, 0));
            result.add(new UsageDayRepresentation(LocalDate.ofEpochDay(day).toString(), usage.tokensIssued(), usage.failedAttempts()));
        }
        return result;
    }

    /**
     * What a token of this machine user carries now, for administrators who hold no secret of it: its
     * payload only, unsigned, so it can be shown to viewers and cannot be replayed.
     */
    @Operation(summary = "The claims of a token this machine user would get now (unsigned payload, not a usable token)")
    @APIResponse(responseCode = "200", description = "The access token's payload, as the client-credentials grant would build it now",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "JWT claims: iss, aud, azp, exp, iat, scope, realm_access, resource_access, permission_sets, partitions, ...")))
    @APIResponse(responseCode = "400", description = "'scope' names a scope the machine user may not request")
    @GET
    @Path("token-preview")
    public AccessToken tokenPreview(@QueryParam("scope") String scope) {
        return new TokenPreview(session, realm, realm.getClientById(machineUser.id())).build(scope);
    }

    @Operation(summary = "Grant a permission set (idempotent)")
    @APIResponse(responseCode = "204", description = "Granted")
    @PUT
    @Path("permission-sets/{name}")
    public Response grant(@PathParam("name") String name) {
        PermissionSet set = permissionSet(name);
        new RoleGrantGuard(permissions, realm).requireMayGrant(set.role());
        if (manager().grant(machineUser, set, AdminActors.of(auth))) {
            events.send(OperationType.CREATE, AdminResource.MACHINE_USER_PERMISSION_SET_GRANT,
                    AdminResource.permissionSetGrant(machineUser.id(), set.name()), Map.of("permissionSet", set.name()));
        }
        return Response.noContent().build();
    }

    @Operation(summary = "Revoke a permission set (idempotent)")
    @APIResponse(responseCode = "204", description = "Revoked")
    @DELETE
    @Path("permission-sets/{name}")
    public Response revoke(@PathParam("name") String name) {
        PermissionSet set = permissionSet(name);
        if (manager().revoke(machineUser, set, AdminActors.of(auth))) {
            events.send(OperationType.DELETE, AdminResource.MACHINE_USER_PERMISSION_SET_GRANT,
                    AdminResource.permissionSetGrant(machineUser.id(), set.name()), Map.of("permissionSet", set.name()));
        }
        return Response.noContent().build();
    }

    private PermissionSet permissionSet(String name) {
        try {
            return new PermissionSets(session, realm).require(name);
        } catch (PermissionSetException e) {
            throw PermissionSetErrors.toResponse(e);
        }
    }

    @Path("keys")
    public AccessKeysResource keys() {
        return new AccessKeysResource(session, realm, auth, events, machineUser);
    }

    @Path("public-keys")
    public PublicKeysResource publicKeys() {
        return new PublicKeysResource(session, realm, auth, events, machineUser);
    }

    @Path("federated-credentials")
    public FederatedCredentialsResource federatedCredentials() {
        return new FederatedCredentialsResource(session, realm, auth, events, machineUser);
    }

    private MachineUserManager manager() {
        return new MachineUserManager(session, realm);
    }

    private MachineUserRepresentation representation() {
        return Representations.toRepresentation(session, provider, realm, machineUser);
    }
}
