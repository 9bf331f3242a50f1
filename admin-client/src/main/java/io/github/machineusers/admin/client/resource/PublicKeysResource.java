package io.github.machineusers.admin.client.resource;

import java.util.List;

import io.github.machineusers.representations.CreatePublicKeyRepresentation;
import io.github.machineusers.representations.PublicKeyRepresentation;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code /admin/realms/{realm}/machine-users/{id}/public-keys}: the keys a machine user signs private_key_jwt assertions with. */
public interface PublicKeysResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<PublicKeyRepresentation> list();

    /**
     * Adds a key: exactly one of {@code jwk}, {@code pem} or {@code generate} with {@code algorithm}. A generated
     * key comes back with its private key in {@code privateKey}, this once. A key that is not a public signing key
     * answers 400, the realm's limit 409 ({@link jakarta.ws.rs.ClientErrorException}).
     */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    PublicKeyRepresentation create(CreatePublicKeyRepresentation key);

    /** A key pair the server generates (ES256, RS256 or EdDSA); keep the answer's {@code privateKey}, it is not shown again. */
    default PublicKeyRepresentation generate(String algorithm) {
        CreatePublicKeyRepresentation key = new CreatePublicKeyRepresentation();
        key.generate = true;
        key.algorithm = algorithm;
        return create(key);
    }

    /** Uploads a public key in SPKI PEM ("-----BEGIN PUBLIC KEY-----"). */
    default PublicKeyRepresentation uploadPem(String pem) {
        CreatePublicKeyRepresentation key = new CreatePublicKeyRepresentation();
        key.pem = pem;
        return create(key);
    }

    @Path("{keyId}")
    PublicKeyResource get(@PathParam("keyId") String keyId);
}
