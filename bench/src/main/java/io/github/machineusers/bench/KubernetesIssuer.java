package io.github.machineusers.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Kubernetes API server's service-account issuer, as far as Keycloak's Kubernetes identity provider sees one, on
 * loopback: discovery at {@code /.well-known/openid-configuration}, the signing key at {@code /openid/v1/jwks}
 * (RS256, {@code use: sig}: Keycloak ignores JWKS keys without it). {@code GET /bench/token?subject=...} answers a
 * projected service-account token for that subject (iat now, exp an hour later, the one audience given at start),
 * so the benchmark can take a fresh one per load point: Keycloak accepts a Kubernetes token only within an hour of
 * its {@code iat}, and a run may last longer. Runs until killed.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.machineusers.bench.KubernetesIssuer port audience
 * </pre>
 */
public final class KubernetesIssuer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private KubernetesIssuer() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: port audience");
        }
        int port = Integer.parseInt(args[0]);
        String audience = args[1];
        String issuer = "http://127.0.0.1:" + port;
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String kid = UUID.randomUUID().toString();
        RSAPublicKey publicKey = (RSAPublicKey) keys.getPublic();

        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", kid);
        jwk.put("n", unsigned(publicKey.getModulus()));
        jwk.put("e", unsigned(publicKey.getPublicExponent()));
        byte[] jwks = JSON.writeValueAsBytes(Map.of("keys", List.of(jwk)));
        byte[] discovery = JSON.writeValueAsBytes(Map.of(
                "issuer", issuer,
                "jwks_uri", issuer + "/openid/v1/jwks",
                "response_types_supported", List.of("id_token"),
                "subject_types_supported", List.of("public"),
                "id_token_signing_alg_values_supported", List.of("RS256")));
        String header = BASE64URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)));

        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 16);
        server.createContext("/.well-known/openid-configuration", exchange -> send(exchange, 200, "application/json", discovery));
        server.createContext("/openid/v1/jwks", exchange -> send(exchange, 200, "application/json", jwks));
        server.createContext("/bench/token", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            if (query == null || !query.startsWith("subject=")) {
                send(exchange, 400, "text/plain", "subject=... required".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String subject = URLDecoder.decode(query.substring("subject=".length()), StandardCharsets.UTF_8);
            try {
                String token = sign(header, claims(issuer, audience, subject), keys);
                send(exchange, 200, "application/jwt", token.getBytes(StandardCharsets.US_ASCII));
            } catch (Exception e) {
                send(exchange, 500, "text/plain", String.valueOf(e).getBytes(StandardCharsets.UTF_8));
            }
        });
        server.start();
        System.out.println("Kubernetes-shaped issuer " + issuer + ", tokens for " + audience);
    }

    /** As a projected service-account token: sub system:serviceaccount:<namespace>:<name>, the kubernetes.io claim. */
    private static Map<String, Object> claims(String issuer, String audience, String subject) {
        String[] parts = subject.split(":");
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", subject);
        claims.put("aud", List.of(audience));
        claims.put("iat", now);
        claims.put("nbf", now);
        claims.put("exp", now + 3600);
        claims.put("jti", UUID.randomUUID().toString());
        if (parts.length == 4) {
            claims.put("kubernetes.io", Map.of(
                    "namespace", parts[2],
                    "serviceaccount", Map.of("name", parts[3], "uid", UUID.randomUUID().toString())));
        }
        return claims;
    }

    private static String sign(String header, Map<String, Object> claims, KeyPair keys) throws Exception {
        String signingInput = header + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(keys.getPrivate());
        signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + BASE64URL.encodeToString(signature.sign());
    }

    /** A JWK's big-endian unsigned integer: without the sign byte BigInteger adds. */
    private static String unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return BASE64URL.encodeToString(bytes);
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
