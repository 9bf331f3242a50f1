package io.github.machineusers.authenticator;

import io.github.machineusers.model.CredentialStatus;
import io.github.machineusers.model.FederatedCredentialModel;

/** What the token path needs of a federated credential, copied out of its row so that a node can keep it between requests. */
record FederatedCredential(String id, String identityProviderId, String subject, CredentialStatus status, Long expiresAt,
                           int tokensNotBefore) implements CachedCredential {

    static FederatedCredential of(FederatedCredentialModel model) {
        return new FederatedCredential(model.getId(), model.getIdentityProviderId(), model.getSubject(), model.getStatus(),
                model.getExpiresAt(), model.getTokensNotBefore());
    }

    boolean trusts(String identityProviderId, String subject) {
        return this.identityProviderId.equals(identityProviderId) && this.subject.equals(subject);
    }

    @Override
    public CredentialStatus getStatus() {
        return status;
    }

    @Override
    public Long getExpiresAt() {
        return expiresAt;
    }
}
