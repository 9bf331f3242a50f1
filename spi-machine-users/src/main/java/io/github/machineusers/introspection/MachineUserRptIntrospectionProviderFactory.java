package io.github.machineusers.introspection;

import org.keycloak.authorization.protection.introspect.RPTIntrospectionProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.TokenIntrospectionProvider;

/** Takes the place of Keycloak's {@code requesting_party_token} introspection provider (same id, higher order). */
public class MachineUserRptIntrospectionProviderFactory extends RPTIntrospectionProviderFactory {

    @Override
    public TokenIntrospectionProvider create(KeycloakSession session) {
        return new MachineUserRptIntrospectionProvider(session);
    }

    @Override
    public int order() {
        return 1;
    }
}
