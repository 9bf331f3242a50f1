package io.github.machineusers.representations;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A public key of a machine user (private_key_jwt). {@code privateKey} is only in the answer that generated
 * the key pair: PKCS#8 PEM, shown once; the server does not keep it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublicKeyRepresentation {

    /** Also the JWK's {@code kid}: the client puts it in its assertion's header. */
    public String id;
    /** ACTIVE, INACTIVE, or EXPIRED once the expiry has passed. */
    public String status;
    /** The JWS algorithm of its signatures: RS256, ES256, EdDSA, ... */
    public String algorithm;
    /** The public JWK, with {@code kid} and {@code alg}. */
    public Map<String, Object> jwk;
    public String description;
    public Long createdAt;
    public String createdBy;
    public Long expiresAt;
    public Long lastUsedAt;
    public String privateKey;
}
