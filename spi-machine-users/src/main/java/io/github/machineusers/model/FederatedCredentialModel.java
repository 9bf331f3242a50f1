package io.github.machineusers.model;

/**
 * A federated credential: trust in the tokens an identity provider of the realm issues for one exact subject
 * (a Kubernetes service account, a CI pipeline, a workload of another issuer). The external token is the
 * client assertion; nothing secret is stored.
 */
public interface FederatedCredentialModel extends MachineUserCredential {

    @Override
    default CredentialKind getKind() {
        return CredentialKind.FEDERATED;
    }

    /** The alias the identity provider had when the credential was made. */
    String getIdentityProviderAlias();

    /**
     * The identity provider's internal id: a provider removed and made again under the same alias is another
     * provider, and the credential does not trust it.
     */
    String getIdentityProviderId();

    /** The exact {@code sub} of the external tokens this credential accepts. */
    String getSubject();
}
