package io.github.machineusers.authenticator;

import io.github.machineusers.metrics.TokenMetrics;
import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.MachineUserProvider;
import jakarta.ws.rs.core.Response;
import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.ClientAuthUtil;
import org.keycloak.events.Details;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * How a machine user's client authentication ends, whatever the kind of credential: on success the token mappers
 * learn which credential authenticated and its use is counted; on failure the reason goes to the event only, and the
 * caller gets the answer Keycloak gives for an unknown client.
 */
final class AuthenticationOutcome {

    private static final String INVALID_CLIENT_DESCRIPTION = "Invalid client or Invalid client credentials";

    private final TokenMetrics metrics = new TokenMetrics();

    /** Tells the token mappers which credential authenticated, counts its use, and lets the request through. */
    void succeed(ClientAuthenticationFlowContext context, ClientModel client, CachedCredential credential, CredentialKind kind,
                         boolean clientCredentialsGrant) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        context.getEvent().detail(AccessKeyClientAuthenticator.DETAIL_CREDENTIAL_ID, credential.id());
        session.setAttribute(AccessKeyClientAuthenticator.CREDENTIAL_ID_ATTRIBUTE, credential.id());
        session.setAttribute(AccessKeyClientAuthenticator.CREDENTIAL_TYPE_ATTRIBUTE, kind.tokenValue());
        if (credential.getExpiresAt() != null) {
            session.setAttribute(AccessKeyClientAuthenticator.CREDENTIAL_EXPIRES_AT_ATTRIBUTE, credential.getExpiresAt());
        }
        MachineUserProvider machineUsers = session.getProvider(MachineUserProvider.class);
        if (clientCredentialsGrant) {
            machineUsers.usage().recordTokenIssued(realm.getId(), client.getId(), credential.id());
            metrics.tokenIssued(realm.getName(), kind.tokenValue());
        } else {
            machineUsers.usage().recordKeyUsed(credential.id());
        }
        context.success();
    }

    void fail(ClientAuthenticationFlowContext context, ClientModel client, String reason) {
        context.getEvent().detail(Details.REASON, reason);
        context.getSession().getProvider(MachineUserProvider.class).usage().recordFailedAttempt(context.getRealm().getId(), client.getId());
        metrics.failure(context.getRealm().getName());
        context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, invalidClient());
    }

    /** The same answer Keycloak gives for an unknown client. */
    private static Response invalidClient() {
        return ClientAuthUtil.errorResponse(Response.Status.UNAUTHORIZED.getStatusCode(),
                OAuthErrorException.INVALID_CLIENT, INVALID_CLIENT_DESCRIPTION);
    }

}
