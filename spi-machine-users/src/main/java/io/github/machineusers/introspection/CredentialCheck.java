package io.github.machineusers.introspection;

import io.github.machineusers.authenticator.AccessKeyClientAuthenticator;
import io.github.machineusers.mapper.IntrospectedToken;
import io.github.machineusers.model.MachineUser;
import org.keycloak.authentication.ClientAuthenticator;
import org.keycloak.events.Details;
import org.keycloak.events.Errors;
import org.keycloak.events.EventBuilder;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.AccessToken;

/**
 * A machine user's token is alive only while the credential that minted it can still authenticate:
 * deactivating, deleting, replacing or the expiry of an access key kills the tokens it minted, at
 * once and on every node (the key cache follows every key change). Keycloak has verified the token's
 * signature, expiry, client and user before this runs; this adds the one check it cannot know.
 * Tokens minted before a deactivation stay dead when the key is activated again, as tokens issued
 * before a suspension stay dead after resume. A machine user's token that names no key (its claims scope was taken away) is dead too: nothing
 * would tie it to a credential.
 */
final class CredentialCheck {

    static final String REASON = "machine_user_credential_inactive";

    private CredentialCheck() {
    }

    static boolean alive(KeycloakSession session, ClientModel client, AccessToken token, EventBuilder event) {
        if (!MachineUser.isMachineUser(client)) {
            return true;
        }
        IntrospectedToken.remember(session, token);
        // The credential of any kind; a token of the first release names only its access key.
        String keyId = IntrospectedToken.claims(session, token).credentialId();
        AccessKeyClientAuthenticator keys = (AccessKeyClientAuthenticator) session.getKeycloakSessionFactory()
                .getProviderFactory(ClientAuthenticator.class, AccessKeyClientAuthenticator.PROVIDER_ID);
        long issuedAt = token.getIat() == null ? 0 : token.getIat();
        if (keyId != null && keys != null && keys.keepsTokenAlive(session, client.getRealm(), client, keyId, issuedAt)) {
            return true;
        }
        event.detail(Details.REASON, REASON).error(Errors.INVALID_TOKEN);
        return false;
    }
}
