package io.github.machineusers.authenticator;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import org.keycloak.OAuth2Constants;
import org.keycloak.http.HttpRequest;
import org.keycloak.util.BasicAuthHelper;

/** The id and secret a client sent, by HTTP Basic (RFC 6749 2.3.1) or as form fields. */
record PresentedCredentials(String id, String secret, boolean clientCredentialsGrant) {

    static PresentedCredentials from(HttpRequest request) {
        String id = null;
        String secret = null;
        String authorization = request.getHttpHeaders().getRequestHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            String[] basic = BasicAuthHelper.RFC6749.parseHeader(authorization);
            if (basic != null) {
                id = basic[0];
                secret = basic[1];
            }
        }
        MediaType mediaType = request.getHttpHeaders().getMediaType();
        MultivaluedMap<String, String> form = mediaType != null && mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                ? request.getDecodedFormParameters() : null;
        boolean grant = false;
        if (form != null) {
            if (id == null) {
                id = form.getFirst(OAuth2Constants.CLIENT_ID);
                secret = form.getFirst(OAuth2Constants.CLIENT_SECRET);
            }
            grant = clientCredentialsGrant(request);
        }
        return id == null || secret == null ? null : new PresentedCredentials(id, secret, grant);
    }

    /** Whether the request asks for a token by the client-credentials grant (not introspection, not revocation). */
    static boolean clientCredentialsGrant(HttpRequest request) {
        MediaType mediaType = request.getHttpHeaders().getMediaType();
        return mediaType != null && mediaType.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                && OAuth2Constants.CLIENT_CREDENTIALS.equals(request.getDecodedFormParameters().getFirst(OAuth2Constants.GRANT_TYPE));
    }
}
