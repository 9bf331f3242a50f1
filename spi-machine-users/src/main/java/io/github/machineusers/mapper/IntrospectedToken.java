package io.github.machineusers.mapper;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.machineusers.model.CredentialKind;
import jakarta.ws.rs.core.MediaType;
import org.keycloak.http.HttpRequest;
import org.keycloak.jose.jws.JWSInput;
import org.keycloak.jose.jws.JWSInputException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.AccessToken;

/**
 * Claims fixed at issuance of the token being introspected in this request. Keycloak hands
 * introspection mappers a token rebuilt from basic claims only, so such claims (the key that was
 * used) must be read from the token the request carries.
 *
 * <p>Keycloak runs introspection mappers only once its own checks have passed, and they begin by
 * verifying this very token's signature. The bundle's introspection provider keeps the claims of the
 * token it verified; without it (another provider in its place) the raw token is read with Keycloak's
 * JWS parser, not verified a second time (that took 7 % of the server's CPU samples). Either way the
 * claims count only when their token id is the id of the token Keycloak verified.
 */
public final class IntrospectedToken {

    private static final IssuanceClaims NONE = new IssuanceClaims(null, null, null, null);
    /** Request-scoped session attribute: the claims of the token the bundle's introspection provider verified. */
    private static final String VERIFIED = "machine-users.introspected-token";

    /** The claims of the raw token this class reads; Jackson skips the rest. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IssuanceClaims(@JsonProperty("jti") String id,
                                 @JsonProperty(AccessKeyIdMapper.CLAIM) String accessKeyId,
                                 @JsonProperty(AccessKeyIdMapper.CREDENTIAL_ID_CLAIM) String credentialIdClaim,
                                 @JsonProperty(AccessKeyIdMapper.CREDENTIAL_TYPE_CLAIM) String credentialTypeClaim) {

        /** The credential that minted the token; a first-release token names only its access key. */
        public String credentialId() {
            return credentialIdClaim != null ? credentialIdClaim : accessKeyId;
        }

        public String credentialType() {
            return credentialTypeClaim != null ? credentialTypeClaim : accessKeyId != null ? CredentialKind.ACCESS_KEY.tokenValue() : null;
        }
    }

    private IntrospectedToken() {
    }

    /**
     * Kept by the bundle's introspection provider, which holds the whole token Keycloak has just verified, so
     * that the mappers need not read the raw token again (that read was 3 % of the server's CPU samples).
     */
    public static void remember(KeycloakSession session, AccessToken verified) {
        session.setAttribute(VERIFIED, new IssuanceClaims(verified.getId(), text(verified, AccessKeyIdMapper.CLAIM),
                text(verified, AccessKeyIdMapper.CREDENTIAL_ID_CLAIM), text(verified, AccessKeyIdMapper.CREDENTIAL_TYPE_CLAIM)));
    }

    private static String text(AccessToken token, String claim) {
        return token.getOtherClaims().get(claim) instanceof String value ? value : null;
    }

    /** The issuance claims of the token Keycloak verified and rebuilt as {@code verified}, or all null. */
    public static IssuanceClaims claims(KeycloakSession session, AccessToken verified) {
        IssuanceClaims claims = session.getAttribute(VERIFIED) instanceof IssuanceClaims kept ? kept : read(session);
        return claims.id() != null && claims.id().equals(verified.getId()) ? claims : NONE;
    }

    private static IssuanceClaims read(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        MediaType type = request == null ? null : request.getHttpHeaders().getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return NONE;
        }
        String raw = request.getDecodedFormParameters().getFirst("token");
        if (raw == null) {
            return NONE;
        }
        try {
            IssuanceClaims claims = new JWSInput(raw).readJsonContent(IssuanceClaims.class);
            return claims == null ? NONE : claims;
        } catch (JWSInputException e) {
            return NONE;
        }
    }
}
