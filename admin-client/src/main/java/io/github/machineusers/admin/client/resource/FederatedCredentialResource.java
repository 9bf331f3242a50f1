package io.github.machineusers.admin.client.resource;

import io.github.machineusers.representations.FederatedCredentialRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users/{id}/federated-credentials/{credentialId}}. */
public interface FederatedCredentialResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    FederatedCredentialRepresentation toRepresentation();

    /** Sets {@code status} (ACTIVE, INACTIVE), {@code expiresAt} and {@code description}; null fields keep their value. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    FederatedCredentialRepresentation update(FederatedCredentialRepresentation changes);

    /** Deactivates the credential; the tokens it minted die at once. */
    default FederatedCredentialRepresentation deactivate() {
        FederatedCredentialRepresentation changes = new FederatedCredentialRepresentation();
        changes.status = AccessKeyResource.INACTIVE;
        return update(changes);
    }

    @DELETE
    void remove();
}
