package io.github.machineusers.authenticator;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.machineusers.federation.ClientAssertionIssuers;
import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.keys.PublicKeyMaterial;
import io.github.machineusers.metrics.TokenMetrics;
import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.MachineUserProvider;
import io.github.machineusers.model.ProviderIds;
import jakarta.ws.rs.core.Response;
import org.keycloak.Config;
import org.keycloak.OAuthErrorException;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.AbstractClientAuthenticator;
import org.keycloak.authentication.authenticators.client.ClientAssertionState;
import org.keycloak.authentication.authenticators.client.ClientAuthUtil;
import org.keycloak.broker.provider.ClientAssertionIdentityProvider;
import org.keycloak.common.util.Time;
import org.keycloak.events.Details;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Authenticates machine users by access key. The id sent may be the machine user's client id or
 * one of its key ids; the secret must be that of an ACTIVE, unexpired key of a machine user that
 * is not suspended. Every failure gets the same answer as an unknown client, so a caller learns
 * nothing about which part was wrong.
 */
public class AccessKeyClientAuthenticator extends AbstractClientAuthenticator {

    public static final String PROVIDER_ID = ProviderIds.CLIENT_AUTHENTICATOR;
    /** Request-scoped session attributes: the credential of any kind that authenticated, and its kind's claim value. */
    public static final String CREDENTIAL_ID_ATTRIBUTE = "machine-users.credential-id";
    public static final String CREDENTIAL_TYPE_ATTRIBUTE = "machine-users.credential-type";
    /** Request-scoped session attribute: the used credential's expiry (epoch milliseconds), which caps the token's. */
    public static final String CREDENTIAL_EXPIRES_AT_ATTRIBUTE = "machine-users.access-key-expires-at";
    static final String DETAIL_ACCESS_KEY_ID = "access_key_id";
    static final String DETAIL_CREDENTIAL_ID = "credential_id";
    /** What Keycloak's assertion validator found wrong, beside the event's reason. */
    static final String DETAIL_ASSERTION = "assertion_problem";
    private static final String INVALID_CLIENT_DESCRIPTION = "Invalid client or Invalid client credentials";

    static final String CACHE_SIZE = "cacheSize";
    static final int DEFAULT_CACHE_SIZE = 10_000;

    private final TokenMetrics metrics = new TokenMetrics();
    private CredentialCache cache = new CredentialCache(DEFAULT_CACHE_SIZE);

    @Override
    public void init(Config.Scope config) {
        cache = new CredentialCache(Math.max(0, config.getInt(CACHE_SIZE, DEFAULT_CACHE_SIZE)));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof ClientModel.ClientRemovedEvent removed) {
                cache.forgetMachineUser(removed.getClient().getId());
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                cache.forgetRealm(removed.getRealm().getId());
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property()
                .name(CACHE_SIZE)
                .type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How many machine users' keys each node keeps in memory, so that a token request reads no database row;"
                        + " 0 reads the keys from the database on every request.")
                .defaultValue(DEFAULT_CACHE_SIZE)
                .add()
                .build();
    }

    @Override
    public void authenticateClient(ClientAuthenticationFlowContext context) {
        PresentedCredentials presented = PresentedCredentials.from(context.getHttpRequest());
        if (presented == null) {
            authenticateWithAssertion(context);
            return;
        }
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        long now = Time.currentTimeMillis();

        // A key id is never a client id (this API and Keycloak's clients API refuse such client ids), and Keycloak
        // does not cache a client-id miss, so a key id is looked up as a key only: from the key cache, it costs no
        // database read. A client given a key-shaped client id before that rule was found by Keycloak's own
        // client-secret authenticator, which runs before this one in the clients flow, and is taken from it.
        Match match;
        if (AccessKeySecrets.looksLikeKeyId(presented.id())) {
            match = byKeyId(session, realm, presented);
            if (match == null && context.getClient() != null && presented.id().equals(context.getClient().getClientId())) {
                match = byClient(session, realm, context.getClient(), presented);
            }
        } else {
            match = byClient(session, realm, session.clients().getClientByClientId(realm, presented.id()), presented);
        }
        if (match == null) {
            return;
        }
        ClientModel client = match.machineUser();
        KeyCredential key = match.key();

        context.setClient(client);
        context.getEvent().client(client);
        if (key == null || !key.canAuthenticate(now) || !client.isEnabled()) {
            if (key != null) {
                context.getEvent().detail(DETAIL_ACCESS_KEY_ID, key.id());
            }
            fail(context, client, FailureReason.of(key, now).code());
            return;
        }
        context.getEvent().detail(DETAIL_ACCESS_KEY_ID, key.id());
        succeed(context, client, key, CredentialKind.ACCESS_KEY, presented.clientCredentialsGrant());
    }

    /** Tells the token mappers which credential authenticated, counts its use, and lets the request through. */
    private void succeed(ClientAuthenticationFlowContext context, ClientModel client, CachedCredential credential, CredentialKind kind,
                         boolean clientCredentialsGrant) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        context.getEvent().detail(DETAIL_CREDENTIAL_ID, credential.id());
        session.setAttribute(CREDENTIAL_ID_ATTRIBUTE, credential.id());
        session.setAttribute(CREDENTIAL_TYPE_ATTRIBUTE, kind.tokenValue());
        if (credential.getExpiresAt() != null) {
            session.setAttribute(CREDENTIAL_EXPIRES_AT_ATTRIBUTE, credential.getExpiresAt());
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

    private void fail(ClientAuthenticationFlowContext context, ClientModel client, String reason) {
        context.getEvent().detail(Details.REASON, reason);
        context.getSession().getProvider(MachineUserProvider.class).usage().recordFailedAttempt(context.getRealm().getId(), client.getId());
        metrics.failure(context.getRealm().getName());
        context.failure(AuthenticationFlowError.INVALID_CLIENT_CREDENTIALS, invalidClient());
    }

    /**
     * private_key_jwt (RFC 7523): the assertion's header names one of the machine user's public keys by {@code kid},
     * its {@code sub} is the machine user's client id. An assertion that names no public key of a machine user is
     * left to the other authenticators of the flow (a stock client's own private_key_jwt, for one).
     */
    private void authenticateWithAssertion(ClientAuthenticationFlowContext context) {
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
        context.getEvent().client(client).detail(DETAIL_CREDENTIAL_ID, keyId);
        long now = Time.currentTimeMillis();
        if (key == null) {
            fail(context, client, FailureReason.UNKNOWN_KEY.code());
            return;
        }
        if (!key.canAuthenticate(now) || !client.isEnabled()) {
            fail(context, client, FailureReason.of(key, now).code());
            return;
        }
        state.setClient(client);
        String refusal = PublicKeyAssertion.refusalOf(context, key, PROVIDER_ID);
        if (refusal != null) {
            context.getEvent().detail(DETAIL_ASSERTION, refusal);
            fail(context, client, FailureReason.ASSERTION_INVALID.code());
            return;
        }
        succeed(context, client, key, CredentialKind.PUBLIC_KEY, PresentedCredentials.clientCredentialsGrant(context.getHttpRequest()));
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
        context.getEvent().client(client).detail(DETAIL_CREDENTIAL_ID, credential.id());
        long now = Time.currentTimeMillis();
        if (!credential.canAuthenticate(now) || !client.isEnabled()) {
            fail(context, client, FailureReason.of(credential, now).code());
            return;
        }
        ClientAssertionIdentityProvider<?> verifier = ClientAssertionIssuers.verifierOf(session, identityProvider);
        state.setClient(client);
        String refusal = verifier == null ? "identity provider verifies no client assertions" : FederatedAssertion.refusalOf(context, verifier);
        if (refusal != null) {
            context.getEvent().detail(DETAIL_ASSERTION, refusal);
            fail(context, client, FailureReason.ASSERTION_INVALID.code());
            return;
        }
        succeed(context, client, credential, CredentialKind.FEDERATED, PresentedCredentials.clientCredentialsGrant(context.getHttpRequest()));
    }

    /**
     * Whether a token the credential (of any kind) minted at {@code issuedAt} (epoch seconds) is still backed by it:
     * it exists, is ACTIVE, has not expired and was not deactivated after the token was issued. Asked at
     * token introspection, so that a token dies with the credential that minted it; served from the cache.
     */
    public boolean keepsTokenAlive(KeycloakSession session, RealmModel realm, ClientModel machineUser, String keyId, long issuedAt) {
        long now = Time.currentTimeMillis();
        return cache.credentialsOf(session, realm, machineUser).stream()
                .anyMatch(credential -> credential.id().equals(keyId) && credential.keepsAlive(issuedAt, now));
    }

    /** The machine user the presented id names, and the key whose secret was presented, null when it matches none. */
    private record Match(ClientModel machineUser, KeyCredential key) {
    }

    private Match byKeyId(KeycloakSession session, RealmModel realm, PresentedCredentials presented) {
        String owner = cache.ownerOf(session, realm, presented.id());
        ClientModel client = owner == null ? null : session.clients().getClientById(realm, owner);
        if (client == null || !MachineUser.isMachineUser(client)) {
            return null;
        }
        return accessKeys(session, realm, client)
                .filter(k -> k.id().equals(presented.id()))
                .findFirst()
                .map(named -> new Match(client, named.secretMatches(presented.secret()) ? named : null))
                .orElse(null);
    }

    private Match byClient(KeycloakSession session, RealmModel realm, ClientModel client, PresentedCredentials presented) {
        if (client == null || !MachineUser.isMachineUser(client)) {
            return null;
        }
        KeyCredential key = accessKeys(session, realm, client)
                .filter(k -> k.secretMatches(presented.secret()))
                .findFirst().orElse(null);
        return new Match(client, key);
    }

    private Stream<KeyCredential> accessKeys(KeycloakSession session, RealmModel realm, ClientModel client) {
        return cache.credentialsOf(session, realm, client).stream()
                .filter(KeyCredential.class::isInstance)
                .map(KeyCredential.class::cast);
    }

    /** The same answer Keycloak gives for an unknown client. */
    private static Response invalidClient() {
        return ClientAuthUtil.errorResponse(Response.Status.UNAUTHORIZED.getStatusCode(),
                OAuthErrorException.INVALID_CLIENT, INVALID_CLIENT_DESCRIPTION);
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getDisplayType() {
        return "Machine user access key";
    }

    @Override
    public boolean isConfigurable() {
        return false;
    }

    @Override
    public AuthenticationExecutionModel.Requirement[] getRequirementChoices() {
        return new AuthenticationExecutionModel.Requirement[]{
                AuthenticationExecutionModel.Requirement.ALTERNATIVE,
                AuthenticationExecutionModel.Requirement.DISABLED};
    }

    @Override
    public String getHelpText() {
        return "Authenticates machine users with an access key (the machine user's client id or a key id, and the key's secret,"
                + " by HTTP Basic or form fields), with a public key (a private_key_jwt client assertion whose kid names the key),"
                + " or with a federated credential (a token of an identity provider of the realm, for a subject the machine user trusts).";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return Collections.emptyList();
    }

    @Override
    public List<ProviderConfigProperty> getConfigPropertiesPerClient() {
        return Collections.emptyList();
    }

    @Override
    public Map<String, Object> getAdapterConfiguration(KeycloakSession session, ClientModel client) {
        return Collections.emptyMap();
    }

    @Override
    public Set<String> getProtocolAuthenticatorMethods(String loginProtocol) {
        return OIDCLoginProtocol.LOGIN_PROTOCOL.equals(loginProtocol)
                ? Set.of(OIDCLoginProtocol.CLIENT_SECRET_BASIC, OIDCLoginProtocol.CLIENT_SECRET_POST, OIDCLoginProtocol.PRIVATE_KEY_JWT)
                : Collections.emptySet();
    }
}
