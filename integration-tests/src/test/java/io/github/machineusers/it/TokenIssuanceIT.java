package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Contract section 3: getting a token with an access key, as an OAuth2 client library does it. */
class TokenIssuanceIT {

    private static RealmFixture fixture;
    private static TokenClient tokens;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("tokens");
        tokens = fixture.tokens();
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void clientIdAndSecretGiveASignedTokenNamingTheKey(Method method) throws Exception {
        JsonNode created = fixture.machineUsers().createWithKey("Billing export " + method);
        String clientId = created.path("clientId").asText();
        String keyId = created.path("accessKey").path("id").asText();

        TokenClient.Result result = tokens.clientCredentials(clientId, created.path("accessKey").path("secret").asText(), method);

        assertThat(result.ok()).as(result.rawBody()).isTrue();
        JWTClaimsSet claims = tokens.verify(result.accessToken());
        assertThat(claims.getStringClaim("azp")).isEqualTo(clientId);
        assertThat(claims.getStringClaim("access_key_id")).isEqualTo(keyId);
        // The claims every kind of credential sets (contract section 6), so an API need not know the kinds.
        assertThat(claims.getStringClaim("credential_id")).isEqualTo(keyId);
        assertThat(claims.getStringClaim("credential_type")).isEqualTo("access-key");
    }

    @ParameterizedTest
    @EnumSource(Method.class)
    void keyIdWorksAsClientId(Method method) throws Exception {
        JsonNode created = fixture.machineUsers().createWithKey("Partner sync " + method);
        String keyId = created.path("accessKey").path("id").asText();

        TokenClient.Result result = tokens.clientCredentials(keyId, created.path("accessKey").path("secret").asText(), method);

        assertThat(result.ok()).as(result.rawBody()).isTrue();
        JWTClaimsSet claims = tokens.verify(result.accessToken());
        assertThat(claims.getStringClaim("azp")).isEqualTo(created.path("clientId").asText());
        assertThat(claims.getStringClaim("access_key_id")).isEqualTo(keyId);
    }

    @Test
    void tokenLifetimeIsTheMachineUsersLifespan() throws Exception {
        JsonNode created = fixture.machineUsers().create(Map.of("name", "Short lived", "accessTokenLifespan", 120))
                .expectStatus(201).json();

        TokenClient.Result result = tokens.clientCredentials(created.path("clientId").asText(),
                created.path("accessKey").path("secret").asText(), Method.BASIC);

        JWTClaimsSet claims = tokens.verify(result.accessToken());
        long lifetime = (claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()) / 1000;
        assertThat(lifetime).isEqualTo(120);
    }

    /** A stolen token must die with its lifetime: client credentials give nothing to renew it with. */
    @Test
    void noRefreshTokenIsIssued() throws Exception {
        JsonNode created = fixture.machineUsers().createWithKey("No refresh");
        TokenClient.Result result = tokens.clientCredentials(created.path("clientId").asText(),
                created.path("accessKey").path("secret").asText(), Method.BASIC);
        assertThat(result.ok()).isTrue();
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(result.rawBody());
        assertThat(body.has("access_token")).isTrue();
        assertThat(body.has("refresh_token")).isFalse();
    }

    @Test
    void theSecondKeyWorksAlongsideTheFirst() {
        JsonNode created = fixture.machineUsers().createWithKey("Two keys");
        String id = created.path("id").asText();
        JsonNode second = fixture.machineUsers().createKey(id, Map.of("description", "rotation")).expectStatus(201).json();

        assertThat(tokens.clientCredentials(created.path("clientId").asText(), created.path("accessKey").path("secret").asText(), Method.BASIC).ok()).isTrue();
        assertThat(tokens.clientCredentials(created.path("clientId").asText(), second.path("secret").asText(), Method.BASIC).ok()).isTrue();
        assertThat(tokens.clientCredentials(second.path("id").asText(), second.path("secret").asText(), Method.POST).ok()).isTrue();
        // A key id names one key: the other key's secret does not go with it.
        assertThat(tokens.clientCredentials(second.path("id").asText(), created.path("accessKey").path("secret").asText(), Method.POST).ok()).isFalse();
    }

    @Test
    void resourceServerInTheAudienceSeesTheTokenActiveWithItsClaims() {
        RealmFixture.ResourceServer api = fixture.resourceServer("inventory-api");
        JsonNode created = fixture.machineUsers().createWithKey("Inventory reader");
        fixture.grant(created.path("id").asText(), api, "read");

        TokenClient.Result result = tokens.clientCredentials(created.path("clientId").asText(),
                created.path("accessKey").path("secret").asText(), Method.BASIC);

        var introspection = tokens.introspect(result.accessToken(), api.clientId(), api.secret());
        assertThat(introspection.isActive()).isTrue();
        assertThat(introspection.getStringParameter("access_key_id")).isEqualTo(created.path("accessKey").path("id").asText());
        assertThat(introspection.getStringParameter("credential_id")).isEqualTo(created.path("accessKey").path("id").asText());
        assertThat(introspection.getStringParameter("credential_type")).isEqualTo("access-key");
        assertThat(introspection.getAudience()).extracting(Object::toString).contains("inventory-api");
    }

    @Test
    void plainClientsKeepTheirOwnSecrets() {
        RealmFixture.ResourceServer plain = fixture.resourceServer("plain-confidential");
        fixture.admin().put("/" + fixture.realm() + "/clients/" + plain.id(), Map.of("clientId", "plain-confidential", "serviceAccountsEnabled", true))
                .expectStatus(204);

        assertThat(tokens.clientCredentials("plain-confidential", plain.secret(), Method.BASIC).ok()).isTrue();
        assertThat(fixture.machineUsers().list("search=plain-confidential").json()).isEmpty();
    }
}
