package io.github.machineusers.mapper;

import io.github.machineusers.authenticator.AccessKeyClientAuthenticator;
import io.github.machineusers.claims.MachineUserClaimMapper;
import io.github.machineusers.model.CredentialKind;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.ProviderIds;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/**
 * Puts the credential that authenticated the request into the access token: {@code credential_id} and
 * {@code credential_type}, which every kind of credential sets, and for access keys also {@code access_key_id},
 * the claim of the first release. The provider id keeps its first-release name, so that machine users made
 * then keep their mapper.
 */
public class AccessKeyIdMapper extends MachineUserClaimMapper {

    public static final String PROVIDER_ID = ProviderIds.ACCESS_KEY_ID_MAPPER;
    public static final String CLAIM = "access_key_id";
    public static final String CREDENTIAL_ID_CLAIM = "credential_id";
    public static final String CREDENTIAL_TYPE_CLAIM = "credential_type";

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        // Only the request that authenticated with the key knows which key it was.
        putCredentialClaims(token, keycloakSession.getAttribute(AccessKeyClientAuthenticator.CREDENTIAL_ID_ATTRIBUTE, String.class),
                keycloakSession.getAttribute(AccessKeyClientAuthenticator.CREDENTIAL_TYPE_ATTRIBUTE, String.class));
    }

    private static void putCredentialClaims(IDToken token, String credentialId, String credentialType) {
        if (credentialId == null || credentialType == null) {
            return;
        }
        token.getOtherClaims().put(CREDENTIAL_ID_CLAIM, credentialId);
        token.getOtherClaims().put(CREDENTIAL_TYPE_CLAIM, credentialType);
        if (CredentialKind.ACCESS_KEY.tokenValue().equals(credentialType)) {
            token.getOtherClaims().put(CLAIM, credentialId);
        }
    }

    /**
     * Whatever the mapper's settings say about the claim, the token never outlives the key that
     * minted it nor the realm policy's maxAccessTokenLifespan: a client's lifespan attribute can be
     * changed through the stock clients API, this cap cannot.
     */
    @Override
    public AccessToken transformAccessToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                            UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        AccessToken mapped = super.transformAccessToken(token, mappingModel, session, userSession, clientSessionCtx);
        if (session.getAttribute(AccessKeyClientAuthenticator.CREDENTIAL_ID_ATTRIBUTE) != null) {
            TokenLifetimeCap.apply(mapped, session.getAttribute(AccessKeyClientAuthenticator.CREDENTIAL_EXPIRES_AT_ATTRIBUTE, Long.class),
                    MachineUserPolicy.maxAccessTokenLifespanOf(session.getContext().getRealm()));
        }
        return mapped;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (OIDCAttributeMapperHelper.includeInIntrospection(mappingModel)) {
            IntrospectedToken.IssuanceClaims claims = IntrospectedToken.claims(session, token);
            putCredentialClaims(token, claims.credentialId(), claims.credentialType());
        }
        return token;
    }

    @Override
    public String getDisplayType() {
        return "Machine user credential";
    }

    @Override
    public String getHelpText() {
        return "Adds the credential a machine user authenticated with as claims '" + CREDENTIAL_ID_CLAIM + "' and '"
                + CREDENTIAL_TYPE_CLAIM + "', and for access keys '" + CLAIM + "'.";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
