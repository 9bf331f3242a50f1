package io.github.machineusers.admin;

import io.github.machineusers.validation.Validation;
import org.keycloak.OAuth2Constants;
import org.keycloak.common.constants.ServiceAccountConstants;
import org.keycloak.models.Constants;
import org.keycloak.models.ClientModel;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.representations.AccessToken;
import org.keycloak.services.Urls;
import org.keycloak.services.managers.AuthenticationManager;
import org.keycloak.services.managers.AuthenticationSessionManager;
import org.keycloak.services.managers.UserSessionManager;
import org.keycloak.sessions.AuthenticationSessionModel;

/**
 * The claims a token of a machine user carries now, built the way Keycloak's own "Evaluate" tab builds its
 * example access token ({@code ClientScopeEvaluateResource}), but with the transient session of the
 * client-credentials grant, so nothing is stored. The answer is the token's payload only: never signed, so
 * it cannot be used, and it needs no secret to produce. That stock evaluation asks for view-clients and
 * view-users, which a partition viewer does not hold; the caller here has been checked by the machine-user
 * locator instead.
 */
final class TokenPreview {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ClientModel client;

    TokenPreview(KeycloakSession session, RealmModel realm, ClientModel client) {
        this.session = session;
        this.realm = realm;
        this.client = client;
    }

    AccessToken build(String scope) {
        if (scope != null && !scope.isBlank() && !TokenManager.isValidScope(session, scope, client)) {
            throw Validation.badRequest("Query parameter 'scope' names a scope this machine user may not request: " + scope);
        }
        UserModel serviceAccount = session.users().getServiceAccount(client);
        if (serviceAccount == null) {
            throw Validation.badRequest("The machine user has no service account");
        }
        // At the token endpoint the context's client is the machine user; here it is the console, whose
        // lightweight-token setting would make every mapper leave its claim out.
        ClientModel caller = session.getContext().getClient();
        AuthenticationSessionManager authSessions = new AuthenticationSessionManager(session);
        AuthenticationSessionModel authSession = null;
        try {
            // Inside the try: whatever fails from here on, the request's own client comes back.
            session.getContext().setClient(client);
            authSession = authSessions.createAuthenticationSession(realm, false).createAuthenticationSession(client);
            authSession.setAuthenticatedUser(serviceAccount);
            authSession.setProtocol(OIDCLoginProtocol.LOGIN_PROTOCOL);
            authSession.setClientNote(OIDCLoginProtocol.ISSUER,
                    Urls.realmIssuer(session.getContext().getUri().getBaseUri(), realm.getName()));
            authSession.setClientNote(OIDCLoginProtocol.SCOPE_PARAM, scope);
            String remoteHost = session.getContext().getConnection().getRemoteHost();
            UserSessionModel userSession = new UserSessionManager(session).createUserSession(authSession.getParentSession().getId(), realm,
                    serviceAccount, serviceAccount.getUsername(), remoteHost, ServiceAccountConstants.CLIENT_AUTH,
                    false, null, null, UserSessionModel.SessionPersistenceState.TRANSIENT);
            AuthenticationManager.setClientScopesInSession(session, authSession);
            ClientSessionContext context = TokenManager.attachAuthenticationSession(session, userSession, authSession);
            // What ClientCredentialsGrantType adds, so that the mappers of the service_account scope see the same.
            context.setAttribute(Constants.GRANT_TYPE, OAuth2Constants.CLIENT_CREDENTIALS);
            userSession.setNote(ServiceAccountConstants.CLIENT_ID_SESSION_NOTE, client.getClientId());
            userSession.setNote(ServiceAccountConstants.CLIENT_ID, client.getClientId());
            userSession.setNote(ServiceAccountConstants.CLIENT_HOST, remoteHost);
            userSession.setNote(ServiceAccountConstants.CLIENT_ADDRESS, remoteHost);
            return new TokenManager().responseBuilder(realm, client, null, session, userSession, context)
                    .generateAccessToken()
                    .getAccessToken();
        } finally {
            if (authSession != null) {
                authSessions.removeAuthenticationSession(realm, authSession, false);
            }
            session.getContext().setClient(caller);
        }
    }
}
