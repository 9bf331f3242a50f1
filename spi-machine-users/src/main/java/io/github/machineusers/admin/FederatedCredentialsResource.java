package io.github.machineusers.admin;

import java.net.URI;
import java.util.List;

import io.github.machineusers.events.AdminEvents;
import io.github.machineusers.events.AdminResource;
import io.github.machineusers.manage.CredentialChanges;
import io.github.machineusers.manage.FederatedCredentialManager;
import io.github.machineusers.model.CredentialLimitReachedException;
import io.github.machineusers.model.FederatedCredentialModel;
import io.github.machineusers.model.FederatedSubjectTakenException;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.representations.CreateFederatedCredentialRepresentation;
import io.github.machineusers.representations.FederatedCredentialRepresentation;
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

/**
 * {@code /admin/realms/{realm}/machine-users/{id}/federated-credentials}: the external identities (a Kubernetes
 * service account, a CI pipeline, a workload of another issuer) whose tokens authenticate a machine user.
 */
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Federated credentials")
public class FederatedCredentialsResource {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AdminPermissionEvaluator auth;
    private final AdminEvents events;
    private final MachineUser machineUser;
    private final MachineUserProvider provider;

    FederatedCredentialsResource(KeycloakSession session, RealmModel realm, AdminPermissionEvaluator auth, AdminEvents events,
                                 MachineUser machineUser) {
        this.session = session;
        this.realm = realm;
        this.auth = auth;
        this.events = events;
        this.machineUser = machineUser;
        this.provider = session.getProvider(MachineUserProvider.class);
    }

    @Operation(summary = "The federated credentials of a machine user")
    @GET
    public List<FederatedCredentialRepresentation> list() {
        return provider.federatedCredentials().getByMachineUser(realm, machineUser.id())
                .map(credential -> Representations.toRepresentation(provider, credential))
                .toList();
    }

    @Operation(summary = "Trust the tokens an identity provider of the realm issues for one subject")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CreateFederatedCredentialRepresentation.class)))
    @APIResponse(responseCode = "201", description = "Created; Location names the credential",
            content = @Content(schema = @Schema(implementation = FederatedCredentialRepresentation.class)))
    @APIResponse(responseCode = "400", description = "No identityProvider or subject; an identity provider that is not an enabled one"
            + " of this realm verifying client assertions; or an expiry the policy does not allow")
    @APIResponse(responseCode = "409", description = "The machine user already has the most federated credentials the policy allows,"
            + " or a machine user of the realm already trusts this subject of this identity provider")
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        CreateFederatedCredentialRepresentation rep = JsonBodies.read(body, CreateFederatedCredentialRepresentation.class);
        FederatedCredentialModel credential;
        try {
            credential = manager().add(machineUser,
                    new FederatedCredentialManager.Request(rep.identityProvider, rep.subject, rep.description, rep.expiresAt),
                    AdminActors.of(auth));
        } catch (CredentialLimitReachedException | FederatedSubjectTakenException e) {
            throw ErrorResponse.exists(e.getMessage());
        }
        FederatedCredentialRepresentation answer = Representations.toRepresentation(provider, credential);
        events.send(OperationType.CREATE, AdminResource.MACHINE_USER_FEDERATED_CREDENTIAL,
                AdminResource.federatedCredential(machineUser.id(), answer.id), answer);
        URI location = session.getContext().getUri().getAbsolutePathBuilder().path(answer.id).build();
        return Response.created(location).entity(answer).build();
    }

    @Operation(summary = "One federated credential")
    @GET
    @Path("{credentialId}")
    public FederatedCredentialRepresentation get(@PathParam("credentialId") String credentialId) {
        return Representations.toRepresentation(provider, credential(credentialId));
    }

    @Operation(summary = "Activate or deactivate a federated credential, or change its expiry or description")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FederatedCredentialRepresentation.class)))
    @APIResponse(responseCode = "200", description = "The credential as stored",
            content = @Content(schema = @Schema(implementation = FederatedCredentialRepresentation.class)))
    @PUT
    @Path("{credentialId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public FederatedCredentialRepresentation update(@PathParam("credentialId") String credentialId, String body) {
        FederatedCredentialModel credential = credential(credentialId);
        PatchBody<FederatedCredentialRepresentation> patch = PatchBody.read(body, FederatedCredentialRepresentation.class);
        CredentialChanges changes = new CredentialChanges(
                patch.change("status", r -> r.status).map(AccessKeysResource::settableStatus),
                patch.change("expiresAt", r -> r.expiresAt),
                patch.change("description", r -> r.description));
        manager().update(machineUser, credential, changes, AdminActors.of(auth));
        FederatedCredentialRepresentation answer = Representations.toRepresentation(provider, credential);
        events.send(OperationType.UPDATE, AdminResource.MACHINE_USER_FEDERATED_CREDENTIAL,
                AdminResource.federatedCredential(machineUser.id(), credential.getId()), answer);
        return answer;
    }

    @Operation(summary = "Delete a federated credential; it stops working at once, and the tokens it minted die")
    @APIResponse(responseCode = "204", description = "Deleted")
    @DELETE
    @Path("{credentialId}")
    public Response delete(@PathParam("credentialId") String credentialId) {
        FederatedCredentialModel credential = credential(credentialId);
        FederatedCredentialRepresentation before = Representations.toRepresentation(provider, credential);
        manager().delete(machineUser, credential, AdminActors.of(auth));
        events.send(OperationType.DELETE, AdminResource.MACHINE_USER_FEDERATED_CREDENTIAL,
                AdminResource.federatedCredential(machineUser.id(), before.id), before);
        return Response.noContent().build();
    }

    private FederatedCredentialModel credential(String credentialId) {
        FederatedCredentialModel credential = provider.federatedCredentials().getById(realm, credentialId);
        if (credential == null || !credential.getMachineUserId().equals(machineUser.id())) {
            throw new NotFoundException(FederatedCredentialManager.NOT_FOUND);
        }
        return credential;
    }

    private FederatedCredentialManager manager() {
        return new FederatedCredentialManager(session, realm);
    }
}
