package io.github.machineusers.admin;

import java.net.URI;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.events.AdminEvents;
import io.github.machineusers.events.AdminResource;
import io.github.machineusers.manage.CredentialChanges;
import io.github.machineusers.manage.PublicKeyManager;
import io.github.machineusers.model.CredentialLimitReachedException;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.PublicKeyModel;
import io.github.machineusers.representations.CreatePublicKeyRepresentation;
import io.github.machineusers.representations.PublicKeyRepresentation;
import io.github.machineusers.rest.JsonBodies;
import io.github.machineusers.rest.PatchBody;
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
import org.keycloak.util.JsonSerialization;

/** {@code /admin/realms/{realm}/machine-users/{id}/public-keys}: the keys a machine user signs its token requests with. */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Public keys")
public class PublicKeysResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEvents events;
    private final MachineUser machineUser;
    private final MachineUserProvider provider;

    PublicKeysResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEvents events,
                       MachineUser machineUser) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.events = events;
        this.machineUser = machineUser;
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    @Operation(summary = "The public keys of a machine user")
    @GET
    public List<PublicKeyRepresentation> list() {
        return provider.publicKeys().getByMachineUser(realm, machineUser.id())
                .map(key -> Representations.toRepresentation(provider, key))
                .toList();
    }

    @Operation(summary = "Add a public key: upload a JWK or an SPKI PEM, or have a key pair generated"
            + " (the answer then holds the private key, shown only here)")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreatePublicKeyRepresentation.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the key",
            content = @Content(schema = @Schema(implementation = PublicKeyRepresentation.class)))
    @APIResponse(responseCode = "400", description = "Not exactly one of jwk, pem and generate; not a public signing key"
            + " of an accepted type and size; or an expiry the policy does not allow")
    @APIResponse(responseCode = "409", description = "The machine user already has the most public keys the policy allows")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        CreatePublicKeyRepresentation rep = JsonBodies.read(body, CreatePublicKeyRepresentation.class);
        JsonNode jwk = rep.jwk == null ? null : JsonSerialization.mapper.valueToTree(rep.jwk);
        PublicKeyManager.Issued issued;
        try {
            issued = manager().add(machineUser,
                    new PublicKeyManager.Request(jwk, rep.pem, rep.generate, rep.algorithm, rep.description, rep.expiresAt),
                    AdminActors.of(auth));
        } catch (CredentialLimitReachedException e) {
            throw ErrorResponse.exists(e.getMessage());
        }
        PublicKeyRepresentation answer = Representations.toRepresentation(provider, issued.key());
        events.send(OperationType.CREATE, AdminResource.MACHINE_USER_PUBLIC_KEY, AdminResource.publicKey(machineUser.id(), answer.id), answer);
        answer.privateKey = issued.privateKeyPem();
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(answer.id).build();
        return Response.created(location).entity(answer).build();
    }

    @Operation(summary = "One public key")
    @GET
    @Path("{keyId}")
    public PublicKeyRepresentation get(@PathParam("keyId") String keyId) {
        return Representations.toRepresentation(provider, key(keyId));
    }

    @Operation(summary = "Activate or deactivate a public key, or change its expiry or description")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublicKeyRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The key as stored", content = @Content(schema = @Schema(implementation = PublicKeyRepresentation.class)))
    @PUT
    @Path("{keyId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PublicKeyRepresentation update(@PathParam("keyId") String keyId, String body) {
        PublicKeyModel key = key(keyId);
        PatchBody<PublicKeyRepresentation> patch = PatchBody.read(body, PublicKeyRepresentation.class);
        CredentialChanges changes = new CredentialChanges(
                patch.change("status", r -> r.status).map(AccessKeysResource::settableStatus),
                patch.change("expiresAt", r -> r.expiresAt),
                patch.change("description", r -> r.description));
        manager().update(machineUser, key, changes, AdminActors.of(auth));
        PublicKeyRepresentation answer = Representations.toRepresentation(provider, key);
        events.send(OperationType.UPDATE, AdminResource.MACHINE_USER_PUBLIC_KEY, AdminResource.publicKey(machineUser.id(), key.getId()), answer);
        return answer;
    }

    @Operation(summary = "Delete a public key; it stops working at once, and the tokens it signed for die")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{keyId}")
    public Response delete(@PathParam("keyId") String keyId) {
        PublicKeyModel key = key(keyId);
        PublicKeyRepresentation before = Representations.toRepresentation(provider, key);
        manager().delete(machineUser, key, AdminActors.of(auth));
        events.send(OperationType.DELETE, AdminResource.MACHINE_USER_PUBLIC_KEY, AdminResource.publicKey(machineUser.id(), before.id), before);
        return Response.noContent().build();
    }

    private PublicKeyModel key(String keyId) {
        PublicKeyModel key = provider.publicKeys().getById(realm, keyId);
        if (key == null || !key.getMachineUserId().equals(machineUser.id())) {
            throw new NotFoundException(PublicKeyManager.KEY_NOT_FOUND);
        }
        return key;
    }

    private PublicKeyManager manager() {
        return new PublicKeyManager(session, realm);
    }
}
