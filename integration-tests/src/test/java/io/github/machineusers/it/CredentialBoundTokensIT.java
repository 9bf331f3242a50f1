package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 21, case 5 (contract section 6): a token dies with the credential that minted it, and its
 * lifetime never passes the credential's expiry nor the policy's maxAccessTokenLifespan.
 */
class CredentialBoundTokensIT {

    private static RealmFixture fixture;
    private static RealmFixture.ResourceServer api;
    private static TokenClient tokens;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("bound-tokens");
        api = fixture.resourceServer("bound-api");
        tokens = fixture.tokens();
    }

    private record Minted(String id, String clientId, String keyId, String secret) {
    }

    private static Minted machineUser(String name) {
        JsonNode mu = fixture.machineUsers().createWithKey(name);
        String id = mu.path("id").asText();
        fixture.grant(id, api, "read");
        return new Minted(id, mu.path("clientId").asText(), mu.path("accessKey").path("id").asText(),
                mu.path("accessKey").path("secret").asText());
    }

    private static String token(String id, String secret) {
        TokenClient.Result result = tokens.clientCredentials(id, secret, Method.BASIC);
        assertThat(result.ok()).as(result.rawBody()).isTrue();
        return result.accessToken();
    }

    private static boolean active(String token) {
        return tokens.introspect(token, api.clientId(), api.secret()).isActive();
    }

    @Test
    void deactivatingAKeyKillsItsTokensForGood() {
        Minted mu = machineUser("Deactivated");
        String before = token(mu.clientId(), mu.secret());
        assertThat(active(before)).isTrue();

        fixture.machineUsers().updateKey(mu.id(), mu.keyId(), Map.of("status", "INACTIVE")).expectStatus(200);
        assertThat(active(before)).isFalse();
        for (String hint : new String[]{"access_token", "requesting_party_token", "refresh_token"}) {
            assertThat(tokens.introspect(before, api.clientId(), api.secret(), hint).isActive()).as(hint).isFalse();
        }

        fixture.machineUsers().updateKey(mu.id(), mu.keyId(), Map.of("status", "ACTIVE")).expectStatus(200);
        assertThat(active(before)).as("a token minted before the deactivation").isFalse();
        assertThat(active(token(mu.clientId(), mu.secret()))).isTrue();
    }

    @Test
    void deletingOrReplacingAKeyKillsOnlyThatKeysTokens() {
        Minted mu = machineUser("Two keys");
        JsonNode second = fixture.machineUsers().createKey(mu.id(), Map.of()).expectStatus(201).json();
        String viaFirst = token(mu.clientId(), mu.secret());
        String viaSecond = token(second.path("id").asText(), second.path("secret").asText());

        fixture.machineUsers().deleteKey(mu.id(), second.path("id").asText()).expectStatus(204);
        assertThat(active(viaSecond)).isFalse();
        assertThat(active(viaFirst)).isTrue();

        JsonNode replacement = fixture.machineUsers().replaceKey(mu.id(), mu.keyId()).expectStatus(200).json();
        assertThat(active(viaFirst)).isFalse();
        assertThat(active(token(mu.clientId(), replacement.path("secret").asText()))).isTrue();
    }

    @Test
    void aKeysExpiryKillsItsTokensAndCapsTheirLifetime() throws Exception {
        Minted mu = machineUser("Expiring");
        String token = token(mu.clientId(), mu.secret());
        long expiresAt = System.currentTimeMillis() + 3_000;
        fixture.machineUsers().updateKey(mu.id(), mu.keyId(), Map.of("expiresAt", expiresAt)).expectStatus(200);
        assertThat(active(token)).isTrue();
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1_500);
        assertThat(active(token)).isFalse();

        // A key that expires in two minutes mints tokens that end with it, not after the five-minute default.
        long keyEnd = System.currentTimeMillis() + 120_000;
        JsonNode shortKey = fixture.machineUsers().createKey(mu.id(), Map.of("expiresAt", keyEnd)).expectStatus(201).json();
        TokenClient.Result result = tokens.clientCredentials(shortKey.path("id").asText(), shortKey.path("secret").asText(), Method.BASIC);
        JWTClaimsSet claims = tokens.verify(result.accessToken());
        assertThat(claims.getExpirationTime().getTime()).isLessThanOrEqualTo(keyEnd);
        assertThat(expiresIn(result.rawBody())).isLessThanOrEqualTo(120);
    }

    @Test
    void thePolicysMaxAccessTokenLifespanCapsLifespansAndEveryToken() throws Exception {
        RealmFixture own = RealmFixture.create("max-lifespan");
        JsonNode longLived = own.machineUsers().create(Map.of("name", "Long lived", "accessTokenLifespan", 3600)).expectStatus(201).json();

        own.machineUsers().updatePolicy(Map.of("maxAccessTokenLifespan", 60)).expectStatus(200);
        assertThat(own.machineUsers().policy().json().path("maxAccessTokenLifespan").asInt()).isEqualTo(60);
        assertThat(own.machineUsers().create(Map.of("name", "Too long", "accessTokenLifespan", 120)).status()).isEqualTo(400);
        assertThat(own.machineUsers().update(longLived.path("id").asText(), Map.of("accessTokenLifespan", 7200)).status()).isEqualTo(400);
        assertThat(own.machineUsers().create(Map.of("name", "Short enough", "accessTokenLifespan", 60)).status()).isEqualTo(201);

        // A lifespan set before the cap, and one set through the stock clients API afterwards, are both capped.
        AdminApi admin = own.admin();
        admin.put("/" + own.realm() + "/clients/" + longLived.path("id").asText(),
                Map.of("attributes", Map.of("access.token.lifespan", "31536000"))).expectStatus(204);
        TokenClient ownTokens = own.tokens();
        TokenClient.Result result = ownTokens.clientCredentials(longLived.path("clientId").asText(),
                longLived.path("accessKey").path("secret").asText(), Method.BASIC);
        JWTClaimsSet claims = ownTokens.verify(result.accessToken());
        long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertThat(lifetime).isEqualTo(60);
        assertThat(expiresIn(result.rawBody())).isLessThanOrEqualTo(60);
    }

    @Test
    void badMaxAccessTokenLifespansAreRefusedAndChangeNothing() {
        RealmFixture own = RealmFixture.create("max-lifespan-bad");
        own.machineUsers().updatePolicy(Map.of("defaultAccessTokenLifespan", 600)).expectStatus(200);
        assertThat(own.machineUsers().updatePolicy(Map.of("maxAccessTokenLifespan", 0)).status()).isEqualTo(400);
        assertThat(own.machineUsers().updatePolicy(Map.of("maxAccessTokenLifespan", 31_536_001)).status()).isEqualTo(400);
        assertThat(own.machineUsers().updatePolicy(Map.of("maxAccessTokenLifespan", "an hour")).status()).isEqualTo(400);
        assertThat(own.machineUsers().updatePolicy(Map.of("maxAccessTokenLifespan", 300)).status())
                .as("below the default lifespan").isEqualTo(400);
        JsonNode stored = own.machineUsers().policy().json().path("maxAccessTokenLifespan");
        assertThat(stored.isNull() || stored.isMissingNode()).as(stored.toString()).isTrue();
    }

    /** Reads {@code expires_in} from a token answer. */
    private static long expiresIn(String tokenAnswer) throws java.io.IOException {
        return new ObjectMapper().readTree(tokenAnswer).path("expires_in").asLong();
    }
}
