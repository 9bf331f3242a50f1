package io.github.machineusers.representations;

import java.util.Map;

/**
 * Body of a public-key create: exactly one of {@code jwk} (a public JWK), {@code pem} (an SPKI public key in
 * PEM) or {@code generate: true} with {@code algorithm} (ES256, RS256 or EdDSA); {@code description} and
 * {@code expiresAt} optional.
 */
public class CreatePublicKeyRepresentation {

    public Map<String, Object> jwk;
    public String pem;
    public Boolean generate;
    public String algorithm;
    public String description;
    public Long expiresAt;
}
