package io.github.machineusers.introspection;

import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.AccessTokenIntrospectionProvider;
import org.keycloak.representations.AccessToken;

/** Keycloak's access-token introspection, with the credential of a machine user's token checked too. */
public class MachineUserTokenIntrospectionProvider extends AccessTokenIntrospectionProvider<AccessToken> {

    public MachineUserTokenIntrospectionProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    protected boolean introspectionChecks(String tokenString) {
        return super.introspectionChecks(tokenString) && CredentialCheck.alive(session, client, token, eventBuilder);
    }
}
