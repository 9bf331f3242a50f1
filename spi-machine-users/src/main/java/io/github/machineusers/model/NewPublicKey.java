package io.github.machineusers.model;

/**
 * A public key to store, already checked and given its id by the service layer.
 *
 * @param jwk       the public JWK (JSON) with {@code kid} = {@code id}
 * @param expiresAt epoch milliseconds, or null
 */
public record NewPublicKey(String id, String jwk, String algorithm, String description, Long expiresAt, String createdBy) {
}
