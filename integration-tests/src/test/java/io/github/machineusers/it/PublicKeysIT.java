package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.auth.PrivateKeyJWT;
import com.nimbusds.oauth2.sdk.id.ClientID;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, public keys: a machine user authenticates with private_key_jwt (RFC 7523), signed by a key whose
 * public half the server holds, through a certified client library (Nimbus OAuth 2.0 SDK) where it signs the
 * algorithm; every refusal is 401 invalid_client, and bad keys are a 400 that stores nothing.
 */
class PublicKeysIT {

    private static RealmFixture fixture;
    private static String realm;
    private static AdminApi admin;
    private static TokenClient tokens;
    private static RealmFixture.ResourceServer api;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("public-keys");
        realm = fixture.realm();
        admin = fixture.admin();
        admin.put("/" + realm, Map.of("eventsEnabled", true)).expectStatus(204);
        tokens = fixture.tokens();
        api = fixture.resourceServer("meter-api");
    }

    private static JsonNode machineUserWithoutSecret(String name) {
        JsonNode mu = fixture.machineUsers().create(Map.of("name", name, "generateKey", false)).expectStatus(201).json();
        fixture.grant(mu.path("id").asText(), api, "read");
        return mu;
    }

    private static String keys(JsonNode mu) {
        return "/" + realm + "/machine-users/" + mu.path("id").asText() + "/public-keys";
    }

    private static PrivateKey privateKey(String pem, String family) throws Exception {
        String body = pem.replace("-----BEGIN PRIVATE KEY-----", "").replace("-----END PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance(family).generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    private static TokenClient.Result tokenWith(SignedJWT assertion) {
        return tokens.clientCredentials(new PrivateKeyJWT(assertion), null);
    }

    /** The assertion a client library builds: iss = sub = client id, aud = the token endpoint, a fresh jti, 60 s. */
    private static JWTClaimsSet.Builder claims(String clientId) {
        Date now = new Date();
        return new JWTClaimsSet.Builder().issuer(clientId).subject(clientId)
                .audience(tokens.tokenEndpoint().toString()).jwtID(UUID.randomUUID().toString())
                .issueTime(now).expirationTime(new Date(now.getTime() + 60_000));
    }

    private static SignedJWT es256(JWTClaimsSet claims, String keyId, PrivateKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256).keyID(keyId).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new ECDSASigner((java.security.interfaces.ECPrivateKey) key));
        return jwt;
    }

    @Test
    void aGeneratedKeyGetsTokensThatNameItAndDieWithIt() throws Exception {
        JsonNode mu = machineUserWithoutSecret("Signing gateway");
        String clientId = mu.path("clientId").asText();

        JsonNode created = admin.post(keys(mu), Map.of("generate", true, "algorithm", "ES256", "description", "ci")).expectStatus(201).json();

        String keyId = created.path("id").asText();
        assertThat(keyId).startsWith("MUPK");
        assertThat(created.path("algorithm").asText()).isEqualTo("ES256");
        assertThat(created.path("jwk").path("kid").asText()).isEqualTo(keyId);
        assertThat(created.path("jwk").has("d")).as("the stored key is public").isFalse();
        String pem = created.path("privateKey").asText();
        assertThat(pem).startsWith("-----BEGIN PRIVATE KEY-----");
        JsonNode listed = admin.get(keys(mu)).expectStatus(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).has("privateKey")).as("the private key is shown once").isFalse();
        assertThat(admin.get("/" + realm + "/machine-users/" + mu.path("id").asText() + "/history").body()).doesNotContain(pem.substring(40, 80));

        SignedJWT assertion = es256(claims(clientId).build(), keyId, privateKey(pem, "EC"));
        TokenClient.Result result = tokenWith(assertion);

        assertThat(result.ok()).as(result.rawBody()).isTrue();
        JWTClaimsSet token = tokens.verify(result.accessToken());
        assertThat(token.getStringClaim("azp")).isEqualTo(clientId);
        assertThat(token.getStringClaim("credential_id")).isEqualTo(keyId);
        assertThat(token.getStringClaim("credential_type")).isEqualTo("public-key");
        assertThat(token.getClaim("access_key_id")).isNull();
        var introspection = tokens.introspect(result.accessToken(), api.clientId(), api.secret());
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getStringParameter("credential_type")).isEqualTo("public-key");

        // Keycloak's own rules for client assertions: one use per jti.
        TokenClient.Result replayed = tokenWith(assertion);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.error().getCode()).isEqualTo("invalid_client");

        admin.put(keys(mu) + "/" + keyId, Map.of("status", "INACTIVE")).expectStatus(200);

        assertThat(tokens.introspect(result.accessToken(), api.clientId(), api.secret()).isActive())
                .as("the token dies with its key").isFalse();
        assertThat(tokenWith(es256(claims(clientId).build(), keyId, privateKey(pem, "EC"))).status()).isEqualTo(401);
        assertThat(admin.get(keys(mu) + "/" + keyId).json().path("lastUsedAt").isNumber()).isTrue();
    }

    @Test
    void uploadedRsaJwkAndEcPemAndGeneratedEd25519KeysAllAuthenticate() throws Exception {
        JsonNode mu = machineUserWithoutSecret("Three keys");
        String clientId = mu.path("clientId").asText();
        admin.put("/" + realm + "/machine-users/policy", Map.of("maxPublicKeysPerMachineUser", 3)).expectStatus(200);
        try {
            // RS256: a JWK made and signed by Nimbus, the public half uploaded.
            RSAKey rsa = new RSAKeyGenerator(2048).generate();
            JsonNode rsaKey = admin.post(keys(mu), Map.of("jwk", rsa.toPublicJWK().toJSONObject())).expectStatus(201).json();
            assertThat(rsaKey.path("algorithm").asText()).isEqualTo("RS256");
            SignedJWT rsaAssertion = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(rsaKey.path("id").asText()).build(),
                    claims(clientId).build());
            rsaAssertion.sign(new RSASSASigner(rsa));
            assertThat(tokenWith(rsaAssertion).ok()).isTrue();
            // The same assertion through Nimbus's own private_key_jwt builder.
            PrivateKeyJWT built = new PrivateKeyJWT(new ClientID(clientId), tokens.tokenEndpoint(), JWSAlgorithm.RS256,
                    rsa.toPrivateKey(), rsaKey.path("id").asText(), null);
            assertThat(tokens.clientCredentials(built, null).ok()).isTrue();

            // ES256: an SPKI PEM, as openssl writes it.
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair ecPair = ec.generateKeyPair();
            String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(ecPair.getPublic().getEncoded())
                    + "\n-----END PUBLIC KEY-----\n";
            JsonNode ecKey = admin.post(keys(mu), Map.of("pem", pem)).expectStatus(201).json();
            assertThat(ecKey.path("algorithm").asText()).isEqualTo("ES256");
            assertThat(tokenWith(es256(claims(clientId).build(), ecKey.path("id").asText(), ecPair.getPrivate())).ok()).isTrue();

            // EdDSA: generated by the server; signed with the JDK (Nimbus needs Tink for Ed25519).
            JsonNode edKey = admin.post(keys(mu), Map.of("generate", true, "algorithm", "EdDSA")).expectStatus(201).json();
            String edAssertion = signEd25519(edKey.path("id").asText(), claims(clientId).build(), privateKey(edKey.path("privateKey").asText(), "Ed25519"));
            TokenClient.Result ed = tokens.clientCredentialsWithAssertion(edAssertion);
            assertThat(ed.ok()).as(ed.rawBody()).isTrue();
            assertThat(tokens.verify(ed.accessToken()).getStringClaim("credential_id")).isEqualTo(edKey.path("id").asText());

            assertThat(admin.post(keys(mu), Map.of("generate", true, "algorithm", "ES256")).status())
                    .as("the policy's limit").isEqualTo(409);
        } finally {
            admin.put("/" + realm + "/machine-users/policy", Map.of("maxPublicKeysPerMachineUser", 2)).expectStatus(200);
        }
    }

    private static String signEd25519(String keyId, JWTClaimsSet claims, PrivateKey key) throws Exception {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        String input = url.encodeToString(("{\"alg\":\"EdDSA\",\"kid\":\"" + keyId + "\"}").getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.toString().getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("Ed25519");
        signature.initSign(key);
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + url.encodeToString(signature.sign());
    }

    @Test
    void everyRefusalIsInvalidClientAndTheReasonIsOnlyInTheEvent() throws Exception {
        JsonNode mu = machineUserWithoutSecret("Refused signer");
        String clientId = mu.path("clientId").asText();
        JsonNode key = admin.post(keys(mu), Map.of("generate", true, "algorithm", "ES256")).expectStatus(201).json();
        String keyId = key.path("id").asText();
        PrivateKey right = privateKey(key.path("privateKey").asText(), "EC");
        KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
        ec.initialize(new ECGenParameterSpec("secp256r1"));
        PrivateKey foreign = ec.generateKeyPair().getPrivate();
        JsonNode other = machineUserWithoutSecret("Other signer");
        JsonNode otherKey = admin.post(keys(other), Map.of("generate", true, "algorithm", "ES256")).expectStatus(201).json();

        Map<String, SignedJWT> refused = Map.of(
                "signed by another key", es256(claims(clientId).build(), keyId, foreign),
                "a kid that names no key", es256(claims(clientId).build(), "MUPKAAAAAAAAAAAAAAAA", right),
                "another machine user's key", es256(claims(clientId).build(), otherKey.path("id").asText(),
                        privateKey(otherKey.path("privateKey").asText(), "EC")),
                "the wrong audience", es256(claims(clientId).audience("https://elsewhere.example/token").build(), keyId, right),
                "expired", es256(claims(clientId).expirationTime(new Date(System.currentTimeMillis() - 120_000)).build(), keyId, right),
                "iss is not the client", es256(claims(clientId).issuer("someone-else").build(), keyId, right));
        refused.forEach((why, assertion) -> {
            TokenClient.Result result = tokenWith(assertion);
            assertThat(result.status()).as(why).isEqualTo(401);
            assertThat(result.error().getCode()).as(why).isEqualTo("invalid_client");
        });

        // The reasons are in the realm's events, for the administrator, never in the answer.
        JsonNode events = admin.get("/" + realm + "/events?type=CLIENT_LOGIN_ERROR&client=" + clientId + "&max=50").expectStatus(200).json();
        assertThat(events.findValuesAsText("reason")).contains("unknown_key", "assertion_invalid");
        assertThat(events.toString()).contains("assertion_problem");

        fixture.machineUsers().suspend(mu.path("id").asText(), "paused").expectStatus(200);
        assertThat(tokenWith(es256(claims(clientId).build(), keyId, right)).status()).as("suspended").isEqualTo(401);
        fixture.machineUsers().resume(mu.path("id").asText()).expectStatus(200);
        assertThat(tokenWith(es256(claims(clientId).build(), keyId, right)).ok()).as("resumed").isTrue();
    }

    @Test
    void badKeysAreA400AndStoreNothing() throws Exception {
        JsonNode mu = machineUserWithoutSecret("Picky signer");
        RSAKey rsa = new RSAKeyGenerator(2048).generate();
        Map<String, Object> rsaPublic = rsa.toPublicJWK().toJSONObject();
        KeyPairGenerator small = KeyPairGenerator.getInstance("RSA");
        small.initialize(1024);
        RSAKey tooSmall = new RSAKey.Builder((java.security.interfaces.RSAPublicKey) small.generateKeyPair().getPublic()).build();

        List<Map<String, Object>> bodies = List.of(
                Map.of("jwk", Map.of("kty", "oct", "k", "c2VjcmV0")),
                Map.of("jwk", tooSmall.toJSONObject()),
                Map.of("jwk", rsa.toJSONObject()),
                Map.of("jwk", with(rsaPublic, "alg", "none")),
                Map.of("jwk", with(rsaPublic, "alg", "HS256")),
                Map.of("jwk", with(rsaPublic, "use", "enc")),
                Map.of("jwk", Map.of("kty", "RSA", "n", "not-a-number", "e", "AQAB")),
                Map.of("pem", "-----BEGIN PUBLIC KEY-----\nnot base64 at all!\n-----END PUBLIC KEY-----"),
                Map.of("pem", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----"),
                Map.of("generate", true, "algorithm", "HS256"),
                Map.of("generate", true),
                Map.of("generate", true, "algorithm", "ES256", "jwk", rsaPublic),
                Map.of("description", "nothing to store"),
                Map.of("generate", true, "algorithm", "ES256", "expiresAt", 1000));
        for (Map<String, Object> body : bodies) {
            var answer = admin.post(keys(mu), body);
            assertThat(answer.status()).as(body.toString()).isEqualTo(400);
            assertThat(answer.body()).as("a secret never comes back").doesNotContain("\"d\"");
        }
        assertThat(admin.get(keys(mu)).json()).as("nothing was stored").isEmpty();
    }

    private static Map<String, Object> with(Map<String, Object> jwk, String member, String value) {
        Map<String, Object> copy = new java.util.HashMap<>(jwk);
        copy.put(member, value);
        return copy;
    }
}
