package io.github.machineusers.admin.client.resource;

import java.util.List;

import io.github.machineusers.representations.CreateFederatedCredentialRepresentation;
import io.github.machineusers.representations.FederatedCredentialRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code /admin/realms/{realm}/machine-users/{id}/federated-credentials}: the external identities (a Kubernetes
 * service account, a CI job, another issuer's workload) whose tokens authenticate a machine user.
 */
public interface FederatedCredentialsResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<FederatedCredentialRepresentation> list();

    /**
     * Trusts the tokens of an identity provider of the realm for one exact subject. A provider that does not verify
     * client assertions answers 400; a subject another machine user already trusts, or the realm's limit, 409
     * ({@link jakarta.ws.rs.ClientErrorException}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    FederatedCredentialRepresentation create(CreateFederatedCredentialRepresentation credential);

    /** Trusts {@code subject} of the identity provider with alias {@code identityProvider}. */
    default FederatedCredentialRepresentation trust(String identityProvider, String subject) {
        CreateFederatedCredentialRepresentation credential = new CreateFederatedCredentialRepresentation();
        credential.identityProvider = identityProvider;
        credential.subject = subject;
        return create(credential);
    }

    @Path("{credentialId}")
    FederatedCredentialResource get(@PathParam("credentialId") String credentialId);
}
