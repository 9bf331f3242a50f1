package io.github.machineusers.introspection;

import org.keycloak.authorization.protection.introspect.RPTIntrospectionProvider;
import org.keycloak.models.KeycloakSession;

/**
 * Keycloak's introspection for {@code token_type_hint=requesting_party_token}, which accepts an ordinary
 * access token too, with the same credential check, so that no hint revives a machine user's dead token.
 */
public class MachineUserRptIntrospectionProvider extends RPTIntrospectionProvider {

    public MachineUserRptIntrospectionProvider(KeycloakSession session) {
        super(session);
    }

    @Override
    protected boolean introspectionChecks(String tokenString) {
        return super.introspectionChecks(tokenString) && CredentialCheck.alive(session, client, token, eventBuilder);
    }
}
