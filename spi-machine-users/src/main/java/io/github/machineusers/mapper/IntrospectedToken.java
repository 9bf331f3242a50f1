package io.github.machineusers.mapper;

import jakarta.ws.rs.core.MediaType;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.KeycloakSession;
import org.keycloak.representations.AccessToken;

/**
 * The token being introspected in this request. Keycloak hands introspection mappers a token
 * rebuilt from basic claims only, so claims fixed at issuance (the key that was used) must be read
 * from the original, decoded and verified by Keycloak's own token manager, once per request.
 */
final class IntrospectedToken {

    private static final String ATTRIBUTE = IntrospectedToken.class.getName();
    private static final AccessToken NONE = new AccessToken();

    private IntrospectedToken() {
    }

    static Object claim(KeycloakSession session, String name) {
        AccessToken token = session.getAttribute(ATTRIBUTE, AccessToken.class);
        if (token == null) {
            token = decode(session);
            session.setAttribute(ATTRIBUTE, token);
        }
        return token == NONE ? null : token.getOtherClaims().get(name);
    }

    private static AccessToken decode(KeycloakSession session) {
        HttpRequest request = session.getContext().getHttpRequest();
        MediaType type = request == null ? null : request.getHttpHeaders().getMediaType();
        if (type == null || !type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)) {
            return NONE;
        }
        String raw = request.getDecodedFormParameters().getFirst("token");
        AccessToken token = raw == null ? null : session.tokens().decode(raw, AccessToken.class);
        return token == null ? NONE : token;
    }
}
