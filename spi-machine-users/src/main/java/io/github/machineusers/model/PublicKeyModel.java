package io.github.machineusers.model;

/** A credential of a public key: the client signs its token request with the private key, which the server never holds. */
public interface PublicKeyModel extends MachineUserCredential {

    @Override
    default CredentialKind getKind() {
        return CredentialKind.PUBLIC_KEY;
    }

    /** The public key as a JWK (JSON), with {@code kid} = the credential id and {@code alg}. */
    String getJwk();

    /** The JWS algorithm its signatures must use: RS256, ES256, EdDSA, ... */
    String getAlgorithm();
}
