package io.github.machineusers.authenticator;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.github.machineusers.keys.AccessKeySecrets;
import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.MachineUser;
import io.github.machineusers.model.ProviderIds;
import org.keycloak.Config;
import org.keycloak.authentication.ClientAuthenticationFlowContext;
import org.keycloak.authentication.authenticators.client.AbstractClientAuthenticator;
import org.keycloak.common.util.Time;
import org.keycloak.models.AuthenticationExecutionModel;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.oidc.OIDCLoginProtocol;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * Authenticates machine users by access key. The id sent may be the machine user's client id or
 * one of its key ids; the secret must be that of an ACTIVE, unexpired key of a machine user that
 * is not suspended. A request without a secret is a client assertion, which
 * {@link ClientAssertionAuthentication} takes (public keys, federated credentials). Every failure gets the same
 * answer as an unknown client ({@link AuthenticationOutcome}), so a caller learns nothing about which part was wrong.
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

    static final String CACHE_SIZE = "cacheSize";
    static final int DEFAULT_CACHE_SIZE = 10_000;

    private final AuthenticationOutcome outcome = new AuthenticationOutcome();
    private CredentialCache cache = new CredentialCache(DEFAULT_CACHE_SIZE);
    private ClientAssertionAuthentication assertions = new ClientAssertionAuthentication(cache, outcome, PROVIDER_ID);

    @Override
    public void init(Config.Scope config) {
        cache = new CredentialCache(Math.max(0, config.getInt(CACHE_SIZE, DEFAULT_CACHE_SIZE)));
        assertions = new ClientAssertionAuthentication(cache, outcome, PROVIDER_ID);
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
            assertions.authenticate(context);
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
            outcome.fail(context, client, FailureReason.of(key, now).code());
            return;
        }
        context.getEvent().detail(DETAIL_ACCESS_KEY_ID, key.id());
        outcome.succeed(context, client, key, CredentialKind.ACCESS_KEY, presented.clientCredentialsGrant());
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
