package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Contract section 2: a ban blocks new tokens and kills issued ones for good. */
class SuspensionIT {

    private static RealmFixture fixture;
    private static RealmFixture.ResourceServer api;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("suspension");
        api = fixture.resourceServer("telemetry-api");
    }

    @Test
    void suspendingKillsIssuedTokensAndResumingDoesNotReviveThem() {
        JsonNode mu = fixture.machineUsers().createWithKey("Fleet gateway");
        String id = mu.path("id").asText();
        String clientId = mu.path("clientId").asText();
        String secret = mu.path("accessKey").path("secret").asText();
        fixture.grant(id, api, "read");
        TokenClient tokens = fixture.tokens();
        String before = tokens.clientCredentials(clientId, secret, Method.BASIC, "openid").accessToken();
        assertThat(tokens.introspect(before, api.clientId(), api.secret()).isActive()).isTrue();
        assertThat(tokens.userInfoStatus(before)).isEqualTo(200);

        JsonNode suspended = fixture.machineUsers().suspend(id, "secret found in a public repository").expectStatus(200).json();

        assertThat(suspended.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(suspended.path("suspendedReason").asText()).isEqualTo("secret found in a public repository");
        assertThat(tokens.clientCredentials(clientId, secret, Method.BASIC).ok()).isFalse();
        assertThat(tokens.introspect(before, api.clientId(), api.secret()).isActive()).isFalse();
        assertThat(tokens.userInfoStatus(before)).isEqualTo(401);

        JsonNode resumed = fixture.machineUsers().resume(id).expectStatus(200).json();

        assertThat(resumed.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(resumed.has("suspendedReason")).isFalse();
        String after = tokens.clientCredentials(clientId, secret, Method.BASIC, "openid").accessToken();
        assertThat(after).isNotNull();
        assertThat(tokens.introspect(after, api.clientId(), api.secret()).isActive()).isTrue();
        assertThat(tokens.userInfoStatus(after)).isEqualTo(200);
        assertThat(tokens.introspect(before, api.clientId(), api.secret()).isActive()).isFalse();
        assertThat(tokens.userInfoStatus(before)).isEqualTo(401);
    }

    @Test
    void suspensionShowsInListsAndHistory() {
        JsonNode mu = fixture.machineUsers().createWithKey("Listed while suspended");
        String id = mu.path("id").asText();
        fixture.machineUsers().suspend(id, "billing dispute").expectStatus(200);

        JsonNode suspended = fixture.machineUsers().list("status=SUSPENDED").expectStatus(200).json();
        assertThat(suspended.findValuesAsText("id")).contains(id);
        assertThat(fixture.machineUsers().list("status=ACTIVE").json().findValuesAsText("id")).doesNotContain(id);

        fixture.machineUsers().resume(id).expectStatus(200);
        JsonNode history = fixture.machineUsers().history(id).expectStatus(200).json();
        assertThat(history.get(0).path("action").asText()).isEqualTo("RESUMED");
        assertThat(history.get(1).path("action").asText()).isEqualTo("SUSPENDED");
        assertThat(history.get(1).path("details").path("reason").asText()).isEqualTo("billing dispute");
        assertThat(history.get(1).path("actorUsername").asText()).isEqualTo("admin");
    }
}
