package io.github.machineusers.representations;

/**
 * Body of a federated-credential create: {@code identityProvider} (the alias of an identity provider of the realm
 * that verifies client assertions) and {@code subject} (the exact {@code sub} of its tokens) required;
 * {@code description} and {@code expiresAt} optional.
 */
public class CreateFederatedCredentialRepresentation {

    public String identityProvider;
    public String subject;
    public String description;
    public Long expiresAt;
}
