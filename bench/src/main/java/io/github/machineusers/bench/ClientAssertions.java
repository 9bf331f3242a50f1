package io.github.machineusers.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Client assertions (RFC 7523, {@code private_key_jwt}) signed with the JDK alone: ES256 for a P-256 key, RS256 for
 * an RSA key, from a PKCS#8 PEM file such as the one {@code POST /machine-users/{id}/public-keys} with
 * {@code "generate": true} answers. Each {@link #next()} is a new assertion: new {@code jti}, {@code iat} now,
 * {@code exp} 60 s later, {@code iss} = {@code sub} = the client id, {@code aud} = the token endpoint. One instance
 * per thread ({@link Signature} is not thread-safe).
 *
 * <pre>
 * java -cp benchmarks.jar io.github.machineusers.bench.ClientAssertions key.pem kid clientId audience   # prints one
 * </pre>
 */
public final class ClientAssertions {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /** jti only has to be unique (Keycloak refuses a replayed one), not secret: a run prefix and a counter. */
    private static final String JTI_PREFIX = Long.toHexString(ThreadLocalRandom.current().nextLong());
    private static final AtomicLong JTI_COUNTER = new AtomicLong();

    private final Signature signature;
    private final String encodedHeader;
    private final String clientId;
    private final String audience;

    ClientAssertions(PrivateKey key, String kid, String clientId, String audience) throws GeneralSecurityException {
        String alg;
        if (key instanceof ECPrivateKey ec && ec.getParams().getCurve().getField().getFieldSize() == 256) {
            alg = "ES256";
            // JWS wants R || S, 32 bytes each (RFC 7518, 3.4); the P1363 variant writes exactly that, where plain
            // SHA256withECDSA writes the DER sequence Keycloak would refuse.
            signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        } else if ("RSA".equals(key.getAlgorithm())) {
            alg = "RS256";
            signature = Signature.getInstance("SHA256withRSA");
        } else {
            throw new IllegalArgumentException("Only P-256 (ES256) and RSA (RS256) keys, not " + key.getAlgorithm());
        }
        signature.initSign(key);
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", alg);
        header.put("typ", "JWT");
        header.put("kid", kid);
        this.encodedHeader = encode(header);
        this.clientId = clientId;
        this.audience = audience;
    }

    /** A fresh signed assertion. */
    String next() {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", clientId);
        claims.put("aud", audience);
        claims.put("jti", JTI_PREFIX + "-" + JTI_COUNTER.incrementAndGet());
        claims.put("iat", now);
        claims.put("exp", now + 60);
        String signingInput = encodedHeader + "." + encode(claims);
        try {
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----}), EC or RSA. */
    static PrivateKey readPrivateKey(Path pem) throws IOException, GeneralSecurityException {
        String text = Files.readString(pem);
        if (!text.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException(pem + " is not a PKCS#8 PEM private key");
        }
        byte[] der = Base64.getMimeDecoder().decode(text.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").trim());
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        try {
            return KeyFactory.getInstance("EC").generatePrivate(spec);
        } catch (GeneralSecurityException notEc) {
            return KeyFactory.getInstance("RSA").generatePrivate(spec);
        }
    }

    private static String encode(Map<String, Object> json) {
        try {
            return BASE64URL.encodeToString(JSON.writeValueAsBytes(json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            throw new IllegalArgumentException("usage: key.pem kid clientId audience");
        }
        System.out.println(new ClientAssertions(readPrivateKey(Path.of(args[0])), args[1], args[2], args[3]).next());
    }
}
