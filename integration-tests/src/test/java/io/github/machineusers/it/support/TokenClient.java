package io.github.machineusers.it.support;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.text.ParseException;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionRequest;
import com.nimbusds.oauth2.sdk.TokenIntrospectionResponse;
import com.nimbusds.oauth2.sdk.TokenIntrospectionSuccessResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientAuthentication;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.token.BearerAccessToken;
import com.nimbusds.openid.connect.sdk.UserInfoRequest;

/**
 * An OAuth2 client as an integration would write it, on the Nimbus OAuth 2.0 SDK: client
 * credentials grant, token introspection, userinfo, and JWT validation against the realm's JWKS.
 */
public final class TokenClient {

    public enum Method { BASIC, POST }

    /** The answer of the token endpoint: a token, or an error with its HTTP status. */
    public record Result(int status, String accessToken, ErrorObject error, String rawBody) {

        public boolean ok() {
            return accessToken != null;
        }
    }

    private final String realmUrl;

    public TokenClient(String realm) {
        this(KeycloakTestServer.get().baseUrl(), realm);
    }

    /** For a realm of the server at {@code baseUrl} (a node of its own). */
    public TokenClient(String baseUrl, String realm) {
        this.realmUrl = baseUrl + "/realms/" + realm;
    }

    public Result clientCredentials(String id, String secret, Method method) {
        return clientCredentials(id, secret, method, null);
    }

    public Result clientCredentials(String id, String secret, Method method, String scope) {
        ClientAuthentication auth = method == Method.BASIC
                ? new ClientSecretBasic(new ClientID(id), new Secret(secret))
                : new ClientSecretPost(new ClientID(id), new Secret(secret));
        return clientCredentials(auth, scope);
    }

    /** The token endpoint, which is also the audience a client assertion names. */
    public java.net.URI tokenEndpoint() {
        return endpoint("/protocol/openid-connect/token");
    }

    /**
     * A client-credentials request with a client assertion as raw form fields, for an algorithm Nimbus's
     * PrivateKeyJWT does not take (EdDSA) or an assertion it would refuse to build.
     */
    public Result clientCredentialsWithAssertion(String assertion) {
        com.nimbusds.oauth2.sdk.http.HTTPRequest http = new com.nimbusds.oauth2.sdk.http.HTTPRequest(
                com.nimbusds.oauth2.sdk.http.HTTPRequest.Method.POST, tokenEndpoint());
        http.setEntityContentType(com.nimbusds.common.contenttype.ContentType.APPLICATION_URLENCODED);
        http.setBody(com.nimbusds.oauth2.sdk.util.URLUtils.serializeParameters(java.util.Map.of(
                "grant_type", java.util.List.of("client_credentials"),
                "client_assertion_type", java.util.List.of("urn:ietf:params:oauth:client-assertion-type:jwt-bearer"),
                "client_assertion", java.util.List.of(assertion))));
        return send(http);
    }

    /** A client-credentials request with any client authentication: private_key_jwt, a federated assertion, ... */
    public Result clientCredentials(ClientAuthentication auth, String scope) {
        TokenRequest request = new TokenRequest(tokenEndpoint(), auth,
                new ClientCredentialsGrant(), scope == null ? null : Scope.parse(scope));
        return send(request.toHTTPRequest());
    }

    private Result send(com.nimbusds.oauth2.sdk.http.HTTPRequest request) {
        try {
            HTTPResponse http = request.send();
            TokenResponse response = TokenResponse.parse(http);
            if (response.indicatesSuccess()) {
                return new Result(http.getStatusCode(), response.toSuccessResponse().getTokens().getAccessToken().getValue(), null, http.getBody());
            }
            TokenErrorResponse error = response.toErrorResponse();
            return new Result(http.getStatusCode(), null, error.getErrorObject(), http.getBody());
        } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Introspects as a resource server, which must be in the token's audience. */
    public TokenIntrospectionSuccessResponse introspect(String token, String resourceServerId, String resourceServerSecret) {
        return introspect(token, resourceServerId, resourceServerSecret, null);
    }

    /** Introspects with a {@code token_type_hint}, which picks the introspection provider Keycloak uses. */
    public TokenIntrospectionSuccessResponse introspect(String token, String resourceServerId, String resourceServerSecret, String typeHint) {
        java.util.Map<String, java.util.List<String>> hint = typeHint == null ? java.util.Map.of()
                : java.util.Map.of("token_type_hint", java.util.List.of(typeHint));
        TokenIntrospectionRequest request = new TokenIntrospectionRequest(endpoint("/protocol/openid-connect/token/introspect"),
                new ClientSecretBasic(new ClientID(resourceServerId), new Secret(resourceServerSecret)), new BearerAccessToken(token), hint);
        try {
            TokenIntrospectionResponse response = TokenIntrospectionResponse.parse(request.toHTTPRequest().send());
            if (!response.indicatesSuccess()) {
                throw new IllegalStateException("Introspection failed: " + response.toErrorResponse().getErrorObject());
            }
            return response.toSuccessResponse();
        } catch (IOException | com.nimbusds.oauth2.sdk.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HTTP status of a userinfo request with the token. */
    public int userInfoStatus(String token) {
        try {
            return new UserInfoRequest(endpoint("/protocol/openid-connect/userinfo"), new BearerAccessToken(token))
                    .toHTTPRequest().send().getStatusCode();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Verifies signature, issuer and expiry against the realm's published keys, and returns the claims. */
    public JWTClaimsSet verify(String token) {
        try {
            JWKSource<SecurityContext> keys = JWKSourceBuilder.create(new URL(realmUrl + "/protocol/openid-connect/certs")).build();
            DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
            processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
            processor.setJWTClaimsSetVerifier((claims, context) -> {
                if (!realmUrl.equals(claims.getIssuer())) {
                    throw new com.nimbusds.jwt.proc.BadJWTException("Wrong issuer " + claims.getIssuer());
                }
            });
            return processor.process(token, null);
        } catch (IOException | ParseException | BadJOSEException | JOSEException e) {
            throw new IllegalStateException("Token does not verify: " + e.getMessage(), e);
        }
    }

    private URI endpoint(String path) {
        return URI.create(realmUrl + path);
    }
}
