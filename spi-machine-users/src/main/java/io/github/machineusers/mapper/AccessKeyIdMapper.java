package io.github.machineusers.mapper;

import io.github.machineusers.authenticator.AccessKeyClientAuthenticator;
import io.github.machineusers.claims.MachineUserClaimMapper;
import io.github.machineusers.model.MachineUserPolicy;
import io.github.machineusers.model.ProviderIds;
import org.keycloak.models.ClientSessionContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ProtocolMapperModel;
import org.keycloak.models.UserSessionModel;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.representations.AccessToken;
import org.keycloak.representations.IDToken;

/** Puts the id of the access key that authenticated the request into the access token. */
public class AccessKeyIdMapper extends MachineUserClaimMapper {

    public static final String PROVIDER_ID = ProviderIds.ACCESS_KEY_ID_MAPPER;
    public static final String CLAIM = "access_key_id";

    @Override
    protected void setClaim(IDToken token, ProtocolMapperModel mappingModel, UserSessionModel userSession,
                            KeycloakSession keycloakSession, ClientSessionContext clientSessionCtx) {
        // Only the request that authenticated with the key knows which key it was.
        String keyId = keycloakSession.getAttribute(AccessKeyClientAuthenticator.ACCESS_KEY_ID_ATTRIBUTE, String.class);
        if (keyId != null) {
            token.getOtherClaims().put(CLAIM, keyId);
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
        if (session.getAttribute(AccessKeyClientAuthenticator.ACCESS_KEY_ID_ATTRIBUTE) != null) {
            TokenLifetimeCap.apply(mapped, session.getAttribute(AccessKeyClientAuthenticator.ACCESS_KEY_EXPIRES_AT_ATTRIBUTE, Long.class),
                    MachineUserPolicy.maxAccessTokenLifespanOf(session.getContext().getRealm()));
        }
        return mapped;
    }

    @Override
    public AccessToken transformIntrospectionToken(AccessToken token, ProtocolMapperModel mappingModel, KeycloakSession session,
                                                   UserSessionModel userSession, ClientSessionContext clientSessionCtx) {
        if (OIDCAttributeMapperHelper.includeInIntrospection(mappingModel)) {
            String keyId = IntrospectedToken.claims(session, token).accessKeyId();
            if (keyId != null) {
                token.getOtherClaims().put(CLAIM, keyId);
            }
        }
        return token;
    }

    @Override
    public String getDisplayType() {
        return "Machine user access key id";
    }

    @Override
    public String getHelpText() {
        return "Adds the id of the access key a machine user authenticated with as claim '" + CLAIM + "'.";
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
