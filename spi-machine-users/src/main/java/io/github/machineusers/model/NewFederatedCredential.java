package io.github.machineusers.model;

/**
 * A federated credential to store, already checked and given its id by the service layer.
 *
 * @param expiresAt epoch milliseconds, or null
 */
public record NewFederatedCredential(String id, String identityProviderAlias, String identityProviderId, String subject,
                                     String description, Long expiresAt, String createdBy) {
}
