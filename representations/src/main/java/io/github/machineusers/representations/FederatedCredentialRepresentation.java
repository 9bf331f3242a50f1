package io.github.machineusers.representations;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A federated credential of a machine user: the tokens {@code identityProvider} issues with {@code sub} =
 * {@code subject} authenticate the machine user, sent as the client assertion of its token request.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class FederatedCredentialRepresentation {

    /** Tokens the credential minted carry it as {@code credential_id}. */
    public String id;
    /** ACTIVE, INACTIVE, or EXPIRED once the expiry has passed. */
    public String status;
    /** The alias of the identity provider the credential trusts, as it was when the credential was made. */
    public String identityProvider;
    /** The exact {@code sub} of the external tokens it accepts. */
    public String subject;
    public String description;
    public Long createdAt;
    public String createdBy;
    public Long expiresAt;
    public Long lastUsedAt;
}
