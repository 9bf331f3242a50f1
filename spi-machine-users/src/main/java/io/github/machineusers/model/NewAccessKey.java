package io.github.machineusers.model;

/**
 * An access key as the service layer made it, ready to be stored: its id and the hash of its
 * secret, never the secret.
 *
 * @param expiresAt epoch milliseconds, or null for a key that does not expire
 */
public record NewAccessKey(String id, String secretHash, String description, Long expiresAt, String createdBy) {
}
