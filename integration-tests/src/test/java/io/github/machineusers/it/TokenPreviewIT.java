package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 23: the token preview shows what a real token of the machine user carries, to a viewer who holds
 * no secret and no stock client rights, and is never itself a token.
 */
class TokenPreviewIT {

    /** Claims that differ between any two tokens, or that only an authenticated key can give. */
    private static final Set<String> PER_TOKEN = Set.of("exp", "iat", "jti", "sid", "access_key_id", "credential_id", "credential_type");

    private static RealmFixture fixture;
    private static String realm;
    private static String siteId;

    @BeforeAll
    static void realm() {
        fixture = RealmFixture.create("preview");
        realm = fixture.realm();
        siteId = fixture.createPartition("Site", null);
        fixture.createRole("meters:read", false);
        fixture.admin().post("/" + realm + "/permission-sets", Map.of("name", "Meters", "roles", List.of("meters:read")))
                .expectStatus(201);
    }

    @Test
    void aPartitionViewerSeesTheClaimsOfARealTokenWithoutHoldingASecret() throws Exception {
        RealmFixture.ResourceServer api = fixture.resourceServer("meter-api");
        JsonNode mu = fixture.machineUsers().create(Map.of("name", "Meter gateway", "partition", "/Site",
                "permissionSets", List.of("Meters"))).expectStatus(201).json();
        String id = mu.path("id").asText();
        fixture.grant(id, api, "read");
        JWTClaimsSet real = fixture.tokens().verify(fixture.tokens()
                .clientCredentials(mu.path("clientId").asText(), mu.path("accessKey").path("secret").asText(), Method.BASIC).accessToken());

        // A viewer of the partition only: no realm-management role, so Keycloak's own example-token endpoint is closed to them.
        String viewerId = fixture.admin().createUser(realm, "meter-viewer", "meter-viewer-pass");
        fixture.admin().put("/" + realm + "/partitions/" + siteId + "/viewers/" + viewerId, Map.of()).expectStatus(204);
        AdminApi viewer = AdminApi.as(realm, "meter-viewer", "meter-viewer-pass");
        String serviceAccount = fixture.serviceAccountUserId(id);
        assertThat(viewer.get("/" + realm + "/clients/" + id + "/evaluate-scopes/generate-example-access-token?userId=" + serviceAccount)
                .status()).isEqualTo(403);

        JsonNode preview = viewer.get("/" + realm + "/machine-users/" + id + "/token-preview")
                .expectStatus(200).json();

        Map<String, Object> expected = new ObjectMapper().readValue(real.toString(), Map.class);
        Map<String, Object> shown = new ObjectMapper().convertValue(preview, Map.class);
        PER_TOKEN.forEach(expected::remove);
        PER_TOKEN.forEach(shown::remove);
        assertThat(shown).as("every claim of a real token, with the same values").isEqualTo(expected);
        assertThat(preview.path("permission_sets").toString()).contains("Meters");
        assertThat(preview.path("partitions").toString()).contains("/Site");
        assertThat(preview.path("resource_access").path("meter-api").path("roles").toString()).contains("read");
        assertThat(preview.path("exp").asLong() - preview.path("iat").asLong())
                .as("the lifetime a real token has").isEqualTo((real.getExpirationTime().getTime() - real.getIssueTime().getTime()) / 1000);
    }

    @Test
    void thePreviewIsNoTokenAndLeavesNoSession() {
        JsonNode mu = fixture.machineUsers().createWithKey("Quiet robot");
        String id = mu.path("id").asText();

        String body = fixture.admin().get("/" + realm + "/machine-users/" + id + "/token-preview").expectStatus(200).body();

        assertThat(body).as("a JSON payload, not a compact JWT").startsWith("{").doesNotContain(mu.path("accessKey").path("secret").asText());
        assertThat(fixture.admin().get("/" + realm + "/clients/" + id + "/session-count").json().path("count").asInt())
                .as("no session stays behind").isZero();
        assertThat(fixture.admin().get("/" + realm + "/machine-users/" + id + "/token-preview?scope=no-such-scope").status())
                .isEqualTo(400);
    }
}
