package io.github.machineusers.authenticator;

import io.github.machineusers.federation.ClientAssertionIssuers;
import io.github.machineusers.keys.PublicKeyMaterial;
import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.MachineUser;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.ClientAssertionState;
import org.keycloak.broker.provider.ClientAssertionIdentityProvider;
import org.keycloak.common.util.Time;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

/**
 * A machine user's token request without a secret: a client assertion, either signed with one of its public keys
 * (private_key_jwt) or an external token that one of its federated credentials trusts. An assertion that is
 * neither is left to the other authenticators of the flow.
 */
final class ClientAssertionAuthentication {

    private final CredentialCache cache;
    private final AuthenticationOutcome outcome;
    private final String authenticatorId;

    ClientAssertionAuthentication(CredentialCache cache, AuthenticationOutcome outcome, String authenticatorId) {
        this.cache = cache;
        this.outcome = outcome;
        this.authenticatorId = authenticatorId;
    }

    /**
     * private_key_jwt (RFC 7523): the assertion's header names one of the machine user's public keys by {@code kid},
     * its {@code sub} is the machine user's client id. An assertion that names no public key of a machine user is
     * left to the other authenticators of the flow (a stock client's own private_key_jwt, for one).
     */
    void authenticate(ClientAuthenticationFlowContext context) {
        ClientAssertionState state;
        try {
            state = context.getState(ClientAssertionState.class, ClientAssertionState.supplier());
        } catch (Exception e) {
            return;
        }
        if (state == null || state.getToken() == null || state.getJws() == null) {
            return;
        }
        if (!PublicKeyMaterial.looksLikeKeyId(state.getJws().getHeader().getKeyId())) {
            authenticateFederated(context, state);
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String subject = state.getToken().getSubject();
        ClientModel client = subject == null ? null : session.clients().getClientByClientId(realm, subject);
        if (client == null || !MachineUser.isMachineUser(client)) {
            return;
        }
        String keyId = state.getJws().getHeader().getKeyId();
        PublicKeyCredential key = cache.credentialsOf(session, realm, client).stream()
                .filter(PublicKeyCredential.class::isInstance)
                .map(PublicKeyCredential.class::cast)
                .filter(k -> k.id().equals(keyId))
                .findFirst().orElse(null);
        context.setClient(client);
        context.getEvent().client(client).detail(AccessKeyClientAuthenticator.DETAIL_CREDENTIAL_ID, keyId);
        long now = Time.currentTimeMillis();
        if (key == null) {
            outcome.fail(context, client, FailureReason.UNKNOWN_KEY.code());
            return;
        }
        if (!key.canAuthenticate(now) || !client.isEnabled()) {
            outcome.fail(context, client, FailureReason.of(key, now).code());
            return;
        }
        state.setClient(client);
        String refusal = PublicKeyAssertion.refusalOf(context, key, authenticatorId);
        if (refusal != null) {
            context.getEvent().detail(AccessKeyClientAuthenticator.DETAIL_ASSERTION, refusal);
            outcome.fail(context, client, FailureReason.ASSERTION_INVALID.code());
            return;
        }
        outcome.succeed(context, client, key, CredentialKind.PUBLIC_KEY, PresentedCredentials.clientCredentialsGrant(context.getHttpRequest()));
    }

    /**
     * A federated credential: the client assertion is a token of an identity provider of the realm (found by its
     * issuer, as Keycloak's own federated authenticator finds it), and a machine user trusts its subject. The
     * provider's own verifier checks it. An assertion of no such provider, or whose subject no machine user trusts,
     * is left to the other authenticators of the flow.
     */
    private void authenticateFederated(ClientAuthenticationFlowContext context, ClientAssertionState state) {
        String issuer = state.getToken().getIssuer();
        String subject = state.getToken().getSubject();
        if (subject == null || issuer == null || issuer.equals(subject)) {
            // iss = sub is a client's own signed assertion, never an external token.
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        IdentityProviderModel identityProvider = ClientAssertionIssuers.byIssuer(session, issuer);
        if (identityProvider == null) {
            return;
        }
        ClientModel client = null;
        FederatedCredential credential = null;
        // Twice at most: a remembered owner that no longer trusts the subject is forgotten and the owner read again.
        for (int lookup = 0; lookup < 2 && credential == null; lookup++) {
            String owner = cache.ownerOfSubject(session, realm, identityProvider.getInternalId(), subject);
            client = owner == null ? null : session.clients().getClientById(realm, owner);
            if (client == null || !MachineUser.isMachineUser(client)) {
                return;
            }
            credential = cache.credentialsOf(session, realm, client).stream()
                    .filter(FederatedCredential.class::isInstance)
                    .map(FederatedCredential.class::cast)
                    .filter(c -> c.trusts(identityProvider.getInternalId(), subject))
                    .findFirst().orElse(null);
            if (credential == null) {
                cache.forgetSubject(realm.getId(), identityProvider.getInternalId(), subject);
            }
        }
        if (credential == null) {
            return;
        }
        context.setClient(client);
        context.getEvent().client(client).detail(AccessKeyClientAuthenticator.DETAIL_CREDENTIAL_ID, credential.id());
        long now = Time.currentTimeMillis();
        if (!credential.canAuthenticate(now) || !client.isEnabled()) {
            outcome.fail(context, client, FailureReason.of(credential, now).code());
            return;
        }
        ClientAssertionIdentityProvider<?> verifier = ClientAssertionIssuers.verifierOf(session, identityProvider);
        state.setClient(client);
        String refusal = verifier == null ? "identity provider verifies no client assertions" : FederatedAssertion.refusalOf(context, verifier);
        if (refusal != null) {
            context.getEvent().detail(AccessKeyClientAuthenticator.DETAIL_ASSERTION, refusal);
            outcome.fail(context, client, FailureReason.ASSERTION_INVALID.code());
            return;
        }
        outcome.succeed(context, client, credential, CredentialKind.FEDERATED, PresentedCredentials.clientCredentialsGrant(context.getHttpRequest()));
    }

}
