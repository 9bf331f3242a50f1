package io.github.machineusers.introspection;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProviderFactory;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;

/**
 * Takes the place of Keycloak's {@code access_token} introspection provider (same id, higher order:
 * Keycloak picks the factory of the highest order among those of one id), which is also what a request
 * without {@code token_type_hint} gets.
 */
public class MachineUserTokenIntrospectionProviderFactory extends AccessTokenIntrospectionProviderFactory {

    @Override
    public TokenIntrospectionProvider create(KeycloakSession session) {
        return new MachineUserTokenIntrospectionProvider(session);
    }

    @Override
    public int order() {
        return 1;
    }
}
