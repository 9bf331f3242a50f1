package io.github.machineusers.it.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Kubernetes API server's service-account issuer, as far as Keycloak's Kubernetes identity provider sees one:
 * OIDC discovery at {@code /.well-known/openid-configuration}, the signing keys at {@code /openid/v1/jwks}, and
 * projected service-account tokens (RS256, {@code sub = system:serviceaccount:<namespace>:<name>}, the
 * {@code kubernetes.io} claim) for the audience the pod's volume names.
 */
public final class KubernetesIssuer implements AutoCloseable {

    private final HttpServer server;
    private final String issuer;
    private final RSAKey signingKey;
    private final AtomicInteger keyReads = new AtomicInteger();

    private KubernetesIssuer(KeycloakTestServer keycloak) throws IOException, JOSEException {
        signingKey = newKey(UUID.randomUUID().toString());
        int port = LoopbackPorts.free();
        server = HttpServer.create(new InetSocketAddress("0.0.0.0", port), 16);
        issuer = "http://" + keycloak.hostAddressFor(port) + ":" + port;
        server.createContext("/.well-known/openid-configuration", exchange -> json(exchange, Map.of(
                "issuer", issuer,
                "jwks_uri", issuer + "/openid/v1/jwks",
                "response_types_supported", List.of("id_token"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256"))));
        server.createContext("/openid/v1/jwks", exchange -> {
            keyReads.incrementAndGet();
            json(exchange, new JWKSet(signingKey.toPublicJWK()).toJSONObject());
        });
        server.start();
    }

    /** Starts an issuer that Keycloak reaches at the address the test server uses for this machine. */
    public static KubernetesIssuer start() {
        try {
            return new KubernetesIssuer(KeycloakTestServer.get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String issuer() {
        return issuer;
    }

    /** How often Keycloak fetched the keys: it caches them, as it does a realm's. */
    public int keyReads() {
        return keyReads.get();
    }

    /** The claims of a projected service-account token, valid for {@code seconds} from now. */
    public JWTClaimsSet.Builder claims(String namespace, String serviceAccount, String audience, int seconds) {
        Date now = new Date();
        return new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject("system:serviceaccount:" + namespace + ":" + serviceAccount)
                .audience(audience)
                .issueTime(now)
                .notBeforeTime(now)
                .expirationTime(new Date(now.getTime() + seconds * 1000L))
                .jwtID(UUID.randomUUID().toString())
                .claim("kubernetes.io", Map.of(
                        "namespace", namespace,
                        "serviceaccount", Map.of("name", serviceAccount, "uid", UUID.randomUUID().toString()),
                        "pod", Map.of("name", serviceAccount + "-7d4b9c", "uid", UUID.randomUUID().toString())));
    }

    /** A token signed with the issuer's key. */
    public String sign(JWTClaimsSet claims) {
        return sign(claims, signingKey);
    }

    /** A token of the right shape and key id, signed by a key the issuer does not publish. */
    public String signWithForeignKey(JWTClaimsSet claims) {
        try {
            return sign(claims, newKey(signingKey.getKeyID()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As the API server publishes its keys: RS256, use "sig" (Keycloak takes only signing keys from a JWKS). */
    private static RSAKey newKey(String keyId) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(keyId).keyUse(KeyUse.SIGNATURE).algorithm(JWSAlgorithm.RS256).generate();
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void json(HttpExchange exchange, Map<String, Object> body) throws IOException {
        byte[] bytes = com.nimbusds.jose.util.JSONObjectUtils.toJSONString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
