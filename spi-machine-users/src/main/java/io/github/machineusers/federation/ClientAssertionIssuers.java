package io.github.machineusers.federation;

import org.keycloak.broker.provider.ClientAssertionIdentityProvider;
import org.keycloak.broker.provider.IdentityProvider;
import org.keycloak.cache.AlternativeLookupProvider;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.IdentityProviderType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.IdentityBrokerService;

/**
 * The identity providers of the realm that Keycloak accepts client assertions from (OIDC with "Supports client
 * assertions", Kubernetes, SPIFFE), found the way Keycloak's own federated client authenticator finds them, so
 * that a federated credential trusts exactly what a stock federated client would.
 */
public final class ClientAssertionIssuers {

    private ClientAssertionIssuers() {
    }

    /** The enabled provider with this alias, if it verifies client assertions; else null. */
    public static IdentityProviderModel byAlias(KeycloakSession session, String alias) {
        IdentityProviderModel model = session.identityProviders().getByAlias(alias);
        return model != null && model.isEnabled() && verifierOf(session, model) != null ? model : null;
    }

    /** The enabled provider whose issuer this is, from Keycloak's own cached lookup; null when there is none. */
    public static IdentityProviderModel byIssuer(KeycloakSession session, String issuer) {
        if (issuer == null) {
            return null;
        }
        return session.getProvider(AlternativeLookupProvider.class)
                .lookupIdentityProviderFromIssuer(session, IdentityProviderType.CLIENT_ASSERTION, issuer);
    }

    /** The provider's own client-assertion verifier, or null when it has none. */
    public static ClientAssertionIdentityProvider<?> verifierOf(KeycloakSession session, IdentityProviderModel model) {
        try {
            IdentityProvider<?> provider = IdentityBrokerService.getIdentityProvider(session, model, IdentityProvider.class);
            return provider instanceof ClientAssertionIdentityProvider<?> verifier
                    && provider.isType(session, IdentityProviderType.CLIENT_ASSERTION) ? verifier : null;
        } catch (RuntimeException e) {
            // A provider whose factory is gone (a feature switched off) verifies nothing.
            return null;
        }
    }
}
