package io.github.machineusers.admin;


import java.net.URI;
import java.util.List;

import io.github.machineusers.events.AdminEvents;
import io.github.machineusers.events.AdminResource;
import io.github.machineusers.manage.AccessKeyManager;
import io.github.machineusers.manage.CredentialChanges;
import io.github.machineusers.model.AccessKeyLimitReachedException;
import io.github.machineusers.model.AccessKeyModel;
import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.IssuedAccessKey;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.representations.AccessKeyRepresentation;
import io.github.machineusers.representations.CreateAccessKeyRepresentation;
import io.github.machineusers.rest.JsonBodies;
import io.github.machineusers.rest.PatchBody;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.ErrorResponse;
import org.keycloak.services.resources.admin.fgap.AdminPermissionEvaluator;

/** {@code /admin/realms/{realm}/machine-users/{id}/keys} */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Access keys")
public class AccessKeysResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEvents events;
    private final MachineUser machineUser;
    private final MachineUserProvider provider;

    AccessKeysResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth,
                       AdminEvents events, MachineUser machineUser) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.events = events;
        this.machineUser = machineUser;
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    @Operation(summary = "The keys of a machine user, never their secrets")
    @GET
    public List<AccessKeyRepresentation> list() {
        return provider.keys().getByMachineUser(realm, machineUser.id())
                .map(key -> Representations.toRepresentation(provider, key))
                .toList();
    }

    @Operation(summary = "Create a key; the answer holds the secret, shown only here")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateAccessKeyRepresentation.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the key", content = @Content(schema = @Schema(implementation = AccessKeyRepresentation.class)))
    @APIResponse(responseCode = "409", description = "The machine user already has the most keys the policy allows")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        CreateAccessKeyRepresentation rep = JsonBodies.readOptional(body, CreateAccessKeyRepresentation.class);
        IssuedAccessKey issued;
        try {
            issued = manager().issue(machineUser, rep.description, rep.expiresAt, AdminActors.of(auth));
        } catch (AccessKeyLimitReachedException e) {
            throw ErrorResponse.exists(e.getMessage());
        }
        AccessKeyRepresentation answer = announce(OperationType.CREATE, issued);
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(answer.id).build();
        return Response.created(location).entity(answer).build();
    }

    @Operation(summary = "One key")
    @GET
    @Path("{keyId}")
    public AccessKeyRepresentation get(@PathParam("keyId") String keyId) {
        return Representations.toRepresentation(provider, key(keyId));
    }

    @Operation(summary = "Activate or deactivate a key, or change its expiry or description")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AccessKeyRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The key as stored", content = @Content(schema = @Schema(implementation = AccessKeyRepresentation.class)))
    @PUT
    @Path("{keyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessKeyRepresentation update(@PathParam("keyId") String keyId, String body) {
        AccessKeyModel key = key(keyId);
        PatchBody<AccessKeyRepresentation> patch = PatchBody.read(body, AccessKeyRepresentation.class);
        CredentialChanges changes = new CredentialChanges(
                patch.change("status", r -> r.status).map(AccessKeysResource::settableStatus),
                patch.change("expiresAt", r -> r.expiresAt),
                patch.change("description", r -> r.description));
        manager().update(machineUser, key, changes, AdminActors.of(auth));
        AccessKeyRepresentation answer = Representations.toRepresentation(provider, key);
        events.send(OperationType.UPDATE, AdminResource.MACHINE_USER_ACCESS_KEY, AdminResource.accessKey(machineUser.id(), key.getId()), answer);
        return answer;
    }

    @Operation(summary = "Delete a key; it stops working at once")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{keyId}")
    public Response delete(@PathParam("keyId") String keyId) {
        AccessKeyModel key = key(keyId);
        AccessKeyRepresentation before = Representations.toRepresentation(provider, key);
        manager().delete(machineUser, key, AdminActors.of(auth));
        events.send(OperationType.DELETE, AdminResource.MACHINE_USER_ACCESS_KEY, AdminResource.accessKey(machineUser.id(), before.id), before);
        return Response.noContent().build();
    }

    /** The new key takes the old one's place; the old one stops working when this returns. */
    @Operation(summary = "Replace a key in one step: a new key with its secret in the same place; the old one stops at once")
    @RequestBody(required = false, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateAccessKeyRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The new key with its secret", content = @Content(schema = @Schema(implementation = AccessKeyRepresentation.class)))
    @POST
    @Path("{keyId}/replace")
    @Consumes(MediaType.APPLICATION_JSON)
    public AccessKeyRepresentation replace(@PathParam("keyId") String keyId, String body) {
        AccessKeyModel old = key(keyId);
        CreateAccessKeyRepresentation rep = JsonBodies.readOptional(body, CreateAccessKeyRepresentation.class);
        String oldId = old.getId();
        IssuedAccessKey issued = manager().replace(machineUser, old, rep.description, rep.expiresAt, AdminActors.of(auth));
        events.send(OperationType.DELETE, AdminResource.MACHINE_USER_ACCESS_KEY, AdminResource.accessKey(machineUser.id(), oldId), null);
        return announce(OperationType.CREATE, issued);
    }

    /** EXPIRED is shown, never set: it follows from the expiry. */
    static CredentialStatus settableStatus(String status) {
        for (CredentialStatus settable : CredentialStatus.values()) {
            if (settable.name().equals(status)) {
                return settable;
            }
        }
        throw Validation.badRequest("Field 'status' must be ACTIVE or INACTIVE");
    }

    private AccessKeyRepresentation announce(OperationType operation, IssuedAccessKey issued) {
        AccessKeyRepresentation answer = Representations.toRepresentation(provider, issued.key());
        events.send(operation, AdminResource.MACHINE_USER_ACCESS_KEY, AdminResource.accessKey(machineUser.id(), answer.id), answer);
        answer.secret = issued.secret();
        return answer;
    }

    private AccessKeyModel key(String keyId) {
        AccessKeyModel key = provider.keys().getById(realm, keyId);
        if (key == null || !key.getMachineUserId().equals(machineUser.id())) {
            throw new NotFoundException(AccessKeyManager.KEY_NOT_FOUND);
        }
        return key;
    }

    private AccessKeyManager manager() {
        return new AccessKeyManager(session, realm);
    }
}
