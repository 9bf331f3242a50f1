package io.github.machineusers.keys;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import org.keycloak.crypto.Algorithm;
import org.keycloak.jose.jwk.JWK;
import org.keycloak.jose.jwk.JWKBuilder;
import org.keycloak.jose.jwk.JWKParser;
import org.keycloak.util.JsonSerialization;

/**
 * The public keys a machine user may sign its token requests with: read from a JWK or an SPKI PEM, or
 * generated, and stored as a public JWK whose {@code kid} is the credential id. Only signing keys of
 * the asymmetric JWS algorithms pass; a private or symmetric key, {@code none}, an encryption key or an
 * RSA key under 2048 bits is refused with the reason.
 */
public final class PublicKeyMaterial {

    public static final String KEY_ID_PREFIX = "MUPK";
    /** What the server generates key pairs for. */
    public static final List<String> GENERATED = List.of(Algorithm.ES256, Algorithm.RS256, Algorithm.EdDSA);
    static final int MIN_RSA_BITS = 2048;
    /** Larger keys make every signature check slower for no gain in practice; the stored JWK stays under 4,000 characters. */
    static final int MAX_RSA_BITS = 8192;
    private static final int GENERATED_RSA_BITS = 3072;
    static final int MAX_INPUT_LENGTH = 16_384;

    private static final Set<String> RSA_ALGORITHMS = Set.of(Algorithm.RS256, Algorithm.RS384, Algorithm.RS512,
            Algorithm.PS256, Algorithm.PS384, Algorithm.PS512);
    private static final Map<String, String> EC_ALGORITHM_BY_CURVE = Map.of("P-256", Algorithm.ES256, "P-384", Algorithm.ES384,
            "P-521", Algorithm.ES512);
    /** Members of a JWK that belong to a private or symmetric key. */
    private static final List<String> PRIVATE_MEMBERS = List.of("d", "p", "q", "dp", "dq", "qi", "oth", "k");

    /** A checked public key: the JWK to store and the algorithm its signatures must use. */
    public record Checked(String jwk, String algorithm) {
    }

    /** A generated key pair: the public part to store, the private part for the one answer that carries it. */
    public record Generated(Checked publicKey, String privateKeyPem) {
    }

    private PublicKeyMaterial() {
    }

    public static String newKeyId() {
        return AccessKeySecrets.newId(KEY_ID_PREFIX);
    }

    public static boolean looksLikeKeyId(String value) {
        return AccessKeySecrets.looksLikeId(value, KEY_ID_PREFIX);
    }

    /** A public JWK as sent; {@code alg} may be absent, then it follows from the key type and curve. */
    public static Checked fromJwk(JsonNode jwk, String keyId) {
        if (jwk == null || !jwk.isObject()) {
            throw new PublicKeyException("Field 'jwk' must be a JSON object (a public JWK)");
        }
        if (jwk.toString().length() > MAX_INPUT_LENGTH) {
            throw new PublicKeyException("Field 'jwk' is longer than " + MAX_INPUT_LENGTH + " characters");
        }
        for (String member : PRIVATE_MEMBERS) {
            if (jwk.has(member)) {
                throw new PublicKeyException("Field 'jwk' holds private or symmetric key material ('" + member
                        + "'); send only the public key, and never a private key");
            }
        }
        String use = text(jwk, "use");
        if (use != null && !"sig".equals(use)) {
            throw new PublicKeyException("Field 'jwk' must be a signing key ('use' is '" + use + "', not 'sig')");
        }
        JsonNode operations = jwk.get("key_ops");
        if (operations != null && (!operations.isArray() || !operations.toString().contains("\"verify\""))) {
            throw new PublicKeyException("Field 'jwk' must be a signing key ('key_ops' must include 'verify')");
        }
        String type = text(jwk, "kty");
        if (type == null || !Set.of("RSA", "EC", "OKP").contains(type)) {
            throw new PublicKeyException("Field 'jwk' must have 'kty' RSA, EC or OKP (symmetric keys are refused)");
        }
        PublicKey key;
        try {
            key = JWKParser.create().parse(jwk.toString()).toPublicKey();
        } catch (RuntimeException e) {
            key = null;
        }
        if (key == null) {
            throw new PublicKeyException("Field 'jwk' is not a valid " + type + " public key");
        }
        return checked(key, text(jwk, "alg"), keyId);
    }

    /** An SPKI public key in PEM ("-----BEGIN PUBLIC KEY-----"), as openssl writes it. */
    public static Checked fromPem(String pem, String keyId) {
        if (pem.length() > MAX_INPUT_LENGTH) {
            throw new PublicKeyException("Field 'pem' is longer than " + MAX_INPUT_LENGTH + " characters");
        }
        if (pem.contains("PRIVATE KEY")) {
            throw new PublicKeyException("Field 'pem' holds a private key; send only the public key, and never a private key");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").trim());
        } catch (IllegalArgumentException e) {
            throw new PublicKeyException("Field 'pem' is not a PEM public key (\"-----BEGIN PUBLIC KEY-----\")");
        }
        for (String family : List.of("EC", "RSA", "Ed25519")) {
            try {
                return checked(KeyFactory.getInstance(family).generatePublic(new X509EncodedKeySpec(der)), null, keyId);
            } catch (GeneralSecurityException | RuntimeException e) {
                // not this family: try the next
            }
        }
        throw new PublicKeyException("Field 'pem' is not an RSA, EC or Ed25519 public key in SPKI PEM");
    }

    /** A new key pair; the private key leaves only as PKCS#8 PEM, for the one answer that carries it. */
    public static Generated generate(String algorithm, String keyId) {
        if (algorithm == null || !GENERATED.contains(algorithm)) {
            throw new PublicKeyException("Field 'algorithm' must be one of " + String.join(", ", GENERATED) + " to generate a key");
        }
        KeyPair pair;
        try {
            KeyPairGenerator generator;
            if (Algorithm.ES256.equals(algorithm)) {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            } else if (Algorithm.RS256.equals(algorithm)) {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(GENERATED_RSA_BITS);
            } else {
                generator = KeyPairGenerator.getInstance("Ed25519");
            }
            pair = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The JVM cannot generate " + algorithm + " keys", e);
        }
        String pem = "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(pair.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
        return new Generated(checked(pair.getPublic(), algorithm, keyId), pem);
    }

    /** A stored key ready for verifying: the key, and the curve EdDSA verifiers need (null for RSA and EC). */
    public record Stored(PublicKey key, String curve) {
    }

    /** Reads a stored JWK once, for the node's credential cache. */
    public static Stored stored(String storedJwk) {
        JWKParser parser = JWKParser.create().parse(storedJwk);
        JWK jwk = parser.getJwk();
        Object curve = jwk.getOtherClaims().get("crv");
        return new Stored(parser.toPublicKey(), "OKP".equals(jwk.getKeyType()) && curve instanceof String name ? name : null);
    }

    private static Checked checked(PublicKey key, String requestedAlgorithm, String keyId) {
        String algorithm;
        JWK jwk;
        if (key instanceof RSAPublicKey rsa) {
            int bits = rsa.getModulus().bitLength();
            if (bits < MIN_RSA_BITS || bits > MAX_RSA_BITS) {
                throw new PublicKeyException("RSA keys need " + MIN_RSA_BITS + " to " + MAX_RSA_BITS + " bits; this one has " + bits);
            }
            algorithm = requestedAlgorithm == null ? Algorithm.RS256 : requestedAlgorithm;
            if (!RSA_ALGORITHMS.contains(algorithm)) {
                throw refused(algorithm, "an RSA key", RSA_ALGORITHMS);
            }
            jwk = JWKBuilder.create().kid(keyId).algorithm(algorithm).rsa(key);
        } else if (key instanceof ECPublicKey ec) {
            String curve = curveName(ec);
            String expected = EC_ALGORITHM_BY_CURVE.get(curve);
            if (expected == null) {
                throw new PublicKeyException("EC keys must be on P-256, P-384 or P-521");
            }
            algorithm = requestedAlgorithm == null ? expected : requestedAlgorithm;
            if (!expected.equals(algorithm)) {
                throw refused(algorithm, "an EC key on " + curve, Set.of(expected));
            }
            jwk = JWKBuilder.create().kid(keyId).algorithm(algorithm).ec(key);
        } else if (key instanceof EdECPublicKey edec && "Ed25519".equals(edec.getParams().getName())) {
            algorithm = requestedAlgorithm == null ? Algorithm.EdDSA : requestedAlgorithm;
            if (!Algorithm.EdDSA.equals(algorithm)) {
                throw refused(algorithm, "an Ed25519 key", Set.of(Algorithm.EdDSA));
            }
            jwk = JWKBuilder.create().kid(keyId).algorithm(algorithm).okp(key);
        } else {
            throw new PublicKeyException("Only RSA, EC (P-256, P-384, P-521) and Ed25519 public keys are accepted");
        }
        try {
            return new Checked(JsonSerialization.writeValueAsString(jwk), algorithm);
        } catch (IOException e) {
            throw new IllegalStateException("A JWK Keycloak built could not be written", e);
        }
    }

    private static PublicKeyException refused(String algorithm, String what, Set<String> allowed) {
        return new PublicKeyException("Algorithm '" + algorithm + "' does not fit " + what + "; use "
                + String.join(", ", allowed.stream().sorted().toList()) + " ('none' and symmetric algorithms are refused)");
    }

    /** The NIST curve the key is on, or null: compared by curve and order, since other curves (secp256k1) share sizes. */
    private static String curveName(ECPublicKey key) {
        for (Map.Entry<String, String> named : Map.of("P-256", "secp256r1", "P-384", "secp384r1", "P-521", "secp521r1").entrySet()) {
            try {
                AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
                parameters.init(new ECGenParameterSpec(named.getValue()));
                ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
                if (spec.getCurve().equals(key.getParams().getCurve()) && spec.getOrder().equals(key.getParams().getOrder())) {
                    return named.getKey();
                }
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("Every Java platform knows " + named.getValue(), e);
            }
        }
        return null;
    }

    private static String text(JsonNode node, String member) {
        JsonNode value = node.get(member);
        return value == null || value.isNull() ? null : value.asText();
    }
}
