package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.KubernetesIssuer;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 24, federated credentials: a machine user authenticates with a token of an external issuer, verified by
 * Keycloak's own identity providers. Two real issuers: another realm of the same server (an OIDC identity provider
 * with client assertions), and a Kubernetes-shaped issuer this test starts (discovery, JWKS, service-account tokens)
 * behind Keycloak's Kubernetes identity provider. Every refusal is 401 invalid_client; the reason is in the event.
 */
class FederatedCredentialsIT {

    private static final String OIDC_ALIAS = "workloads";
    private static final String KUBERNETES_ALIAS = "cluster";

    private static RealmFixture fixture;
    private static String realm;
    private static String realmUrl;
    private static AdminApi admin;
    private static TokenClient tokens;
    private static RealmFixture.ResourceServer api;
    private static RealmFixture issuerRealm;
    private static KubernetesIssuer kubernetes;

    @BeforeAll
    static void realms() {
        fixture = RealmFixture.create("federated");
        realm = fixture.realm();
        realmUrl = KeycloakTestServer.get().baseUrl() + "/realms/" + realm;
        admin = fixture.admin();
        admin.put("/" + realm, Map.of("eventsEnabled", true)).expectStatus(204);
        tokens = fixture.tokens();
        api = fixture.resourceServer("telemetry-api");

        issuerRealm = RealmFixture.create("workloads");
        String issuerUrl = KeycloakTestServer.get().baseUrl() + "/realms/" + issuerRealm.realm();
        admin.post("/" + realm + "/identity-provider/instances", Map.of(
                "alias", OIDC_ALIAS,
                "providerId", "oidc",
                "enabled", true,
                "config", oidcConfig(issuerUrl, true))).expectStatus(201);

        kubernetes = KubernetesIssuer.start();
        admin.post("/" + realm + "/identity-provider/instances", Map.of(
                "alias", KUBERNETES_ALIAS,
                "providerId", "kubernetes",
                "enabled", true,
                "config", Map.of("issuer", kubernetes.issuer()))).expectStatus(201);
    }

    @AfterAll
    static void stopIssuer() {
        if (kubernetes != null) {
            kubernetes.close();
        }
    }

    private static Map<String, String> oidcConfig(String issuerUrl, boolean clientAssertions) {
        Map<String, String> config = new HashMap<>();
        config.put("issuer", issuerUrl);
        config.put("jwksUrl", issuerUrl + "/protocol/openid-connect/certs");
        config.put("useJwksUrl", "true");
        config.put("validateSignature", "true");
        config.put("supportsClientAssertions", Boolean.toString(clientAssertions));
        config.put("clientId", "unused");
        config.put("clientSecret", "unused");
        config.put("authorizationUrl", issuerUrl + "/protocol/openid-connect/auth");
        config.put("tokenUrl", issuerUrl + "/protocol/openid-connect/token");
        return config;
    }

    /** A workload of the issuer realm: a service-account client whose tokens name the target realm, and only it, as audience. */
    private record Workload(String clientId, String secret, String subject) {

        String token() {
            TokenClient.Result result = issuerRealm.tokens().clientCredentials(clientId, secret, TokenClient.Method.BASIC);
            assertThat(result.ok()).as(result.rawBody()).isTrue();
            return result.accessToken();
        }
    }

    private static Workload workload(String clientId, String audience) {
        String secret = "workload-" + clientId;
        AdminApi issuerAdmin = issuerRealm.admin();
        String id = issuerAdmin.post("/" + issuerRealm.realm() + "/clients", Map.of(
                "clientId", clientId,
                "publicClient", false,
                "secret", secret,
                "standardFlowEnabled", false,
                "serviceAccountsEnabled", true,
                "fullScopeAllowed", false,
                "protocolMappers", List.of(Map.of(
                        "name", "audience",
                        "protocol", "openid-connect",
                        "protocolMapper", "oidc-audience-mapper",
                        "config", Map.of("included.custom.audience", audience, "access.token.claim", "true"))))).expectStatus(201).idFromLocation();
        String subject = issuerAdmin.get("/" + issuerRealm.realm() + "/clients/" + id + "/service-account-user").expectStatus(200)
                .json().path("id").asText();
        return new Workload(clientId, secret, subject);
    }

    private static JsonNode machineUser(String name, boolean withAccessKey) {
        JsonNode mu = fixture.machineUsers().create(Map.of("name", name, "generateKey", withAccessKey)).expectStatus(201).json();
        fixture.grant(mu.path("id").asText(), api, "read");
        return mu;
    }

    private static String credentials(JsonNode mu) {
        return "/" + realm + "/machine-users/" + mu.path("id").asText() + "/federated-credentials";
    }

    private static JsonNode trust(JsonNode mu, String alias, String subject) {
        return admin.post(credentials(mu), Map.of("identityProvider", alias, "subject", subject, "description", "from " + alias))
                .expectStatus(201).json();
    }

    @Test
    void aTokenOfAnotherRealmAuthenticatesTheMachineUserBesideItsAccessKey() throws Exception {
        JsonNode mu = machineUser("Pipeline gateway", true);
        String clientId = mu.path("clientId").asText();
        Workload pipeline = workload("pipeline-" + System.nanoTime(), realmUrl);

        JsonNode credential = trust(mu, OIDC_ALIAS, pipeline.subject());
        String credentialId = credential.path("id").asText();
        assertThat(credentialId).startsWith("MUFC");
        assertThat(credential.path("status").asText()).isEqualTo("ACTIVE");
        assertThat(credential.path("identityProvider").asText()).isEqualTo(OIDC_ALIAS);
        assertThat(credential.path("subject").asText()).isEqualTo(pipeline.subject());

        String external = pipeline.token();
        TokenClient.Result result = tokens.clientCredentialsWithAssertion(external);

        assertThat(result.ok()).as(result.rawBody()).isTrue();
        JWTClaimsSet token = tokens.verify(result.accessToken());
        assertThat(token.getStringClaim("azp")).isEqualTo(clientId);
        assertThat(token.getStringClaim("credential_id")).isEqualTo(credentialId);
        assertThat(token.getStringClaim("credential_type")).isEqualTo("federated");
        assertThat(token.getClaim("access_key_id")).isNull();
        assertThat(tokens.introspect(result.accessToken(), api.clientId(), api.secret()).getStringParameter("credential_type"))
                .isEqualTo("federated");

        // The access key works beside it: an integration moves off its secret without downtime.
        String secret = mu.path("accessKey").path("secret").asText();
        assertThat(tokens.clientCredentials(clientId, secret, TokenClient.Method.BASIC).ok()).isTrue();

        // The OIDC provider's rule (supportsClientAssertionReuse off): one use per external token.
        TokenClient.Result replayed = tokens.clientCredentialsWithAssertion(external);
        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.error().getCode()).isEqualTo("invalid_client");

        admin.put(credentials(mu) + "/" + credentialId, Map.of("status", "INACTIVE")).expectStatus(200);

        assertThat(tokens.introspect(result.accessToken(), api.clientId(), api.secret()).isActive())
                .as("the token dies with its credential").isFalse();
        assertThat(tokens.clientCredentialsWithAssertion(pipeline.token()).status()).isEqualTo(401);
        JsonNode stored = admin.get(credentials(mu) + "/" + credentialId).expectStatus(200).json();
        assertThat(stored.path("lastUsedAt").isNumber()).isTrue();
        assertThat(stored.path("status").asText()).isEqualTo("INACTIVE");
        String history = admin.get("/" + realm + "/machine-users/" + mu.path("id").asText() + "/history").expectStatus(200).body();
        assertThat(history).contains("FEDERATED_CREDENTIAL_CREATED", "FEDERATED_CREDENTIAL_UPDATED");
        assertThat(history).doesNotContain(external.substring(external.length() - 40));
    }

    @Test
    void aKubernetesServiceAccountTokenAuthenticates() throws Exception {
        JsonNode mu = machineUser("Meter reader", false);
        String subject = "system:serviceaccount:billing:meter-reader";
        JsonNode credential = trust(mu, KUBERNETES_ALIAS, subject);

        String projected = kubernetes.sign(kubernetes.claims("billing", "meter-reader", realmUrl, 3600).build());
        TokenClient.Result result = tokens.clientCredentialsWithAssertion(projected);

        assertThat(result.ok()).as(result.rawBody()).isTrue();
        JWTClaimsSet token = tokens.verify(result.accessToken());
        assertThat(token.getStringClaim("azp")).isEqualTo(mu.path("clientId").asText());
        assertThat(token.getStringClaim("credential_id")).isEqualTo(credential.path("id").asText());
        // A pod presents its projected token until the kubelet rotates it: Keycloak's Kubernetes provider allows reuse.
        assertThat(tokens.clientCredentialsWithAssertion(projected).ok()).isTrue();
        assertThat(kubernetes.keyReads()).as("Keycloak caches the issuer's keys").isEqualTo(1);
    }

    @Test
    void everyRefusalIsInvalidClientAndTheReasonIsOnlyInTheEvent() throws Exception {
        JsonNode mu = machineUser("Refused pod", false);
        String clientId = mu.path("clientId").asText();
        JsonNode credential = trust(mu, KUBERNETES_ALIAS, "system:serviceaccount:billing:exporter");
        Workload wrongAudience = workload("elsewhere-" + System.nanoTime(), "https://elsewhere.example");
        JsonNode other = machineUser("Trusts the other workload", false);
        trust(other, OIDC_ALIAS, wrongAudience.subject());

        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("a subject no machine user trusts",
                kubernetes.sign(kubernetes.claims("billing", "intruder", realmUrl, 600).build()));
        refused.put("the wrong audience",
                kubernetes.sign(kubernetes.claims("billing", "exporter", "https://elsewhere.example", 600).build()));
        refused.put("two audiences",
                kubernetes.sign(kubernetes.claims("billing", "exporter", realmUrl, 600).audience(List.of(realmUrl, "kubernetes")).build()));
        refused.put("expired", kubernetes.sign(kubernetes.claims("billing", "exporter", realmUrl, 600)
                .expirationTime(new java.util.Date(System.currentTimeMillis() - 120_000)).build()));
        // Keycloak's Kubernetes provider takes a token only within an hour of its issue, as the kubelet rotates them.
        refused.put("issued more than an hour ago", kubernetes.sign(kubernetes.claims("billing", "exporter", realmUrl, 600)
                .issueTime(new java.util.Date(System.currentTimeMillis() - 3_700_000)).build()));
        refused.put("signed by a key the issuer does not publish",
                kubernetes.signWithForeignKey(kubernetes.claims("billing", "exporter", realmUrl, 600).build()));
        refused.put("another realm's token without this realm as audience", wrongAudience.token());
        refused.forEach((why, assertion) -> {
            TokenClient.Result result = tokens.clientCredentialsWithAssertion(assertion);
            assertThat(result.status()).as(why).isEqualTo(401);
            assertThat(result.error().getCode()).as(why).isEqualTo("invalid_client");
            assertThat(result.rawBody()).as(why).doesNotContain("audience", "expired", "signature");
        });

        String good = kubernetes.sign(kubernetes.claims("billing", "exporter", realmUrl, 600).build());
        fixture.machineUsers().suspend(mu.path("id").asText(), "paused").expectStatus(200);
        assertThat(tokens.clientCredentialsWithAssertion(good).status()).as("suspended").isEqualTo(401);
        fixture.machineUsers().resume(mu.path("id").asText()).expectStatus(200);
        assertThat(tokens.clientCredentialsWithAssertion(good).ok()).as("resumed").isTrue();
        admin.put(credentials(mu) + "/" + credential.path("id").asText(), Map.of("status", "INACTIVE")).expectStatus(200);
        assertThat(tokens.clientCredentialsWithAssertion(good).status()).as("inactive").isEqualTo(401);

        JsonNode events = admin.get("/" + realm + "/events?type=CLIENT_LOGIN_ERROR&client=" + clientId + "&max=50").expectStatus(200).json();
        assertThat(events.findValuesAsText("reason")).contains("assertion_invalid", "machine_user_suspended", "key_inactive");
        assertThat(events.toString()).contains("assertion_problem");
    }

    @Test
    void aSubjectWorksAsSoonAsACredentialTrustsItAndStockFederatedClientsKeepWorking() throws Exception {
        String token = kubernetes.sign(kubernetes.claims("reports", "nightly", realmUrl, 600).build());
        assertThat(tokens.clientCredentialsWithAssertion(token).status()).as("no machine user trusts it yet").isEqualTo(401);
        assertThat(tokens.clientCredentialsWithAssertion(token).status()).isEqualTo(401);

        JsonNode mu = machineUser("Nightly reports", false);
        trust(mu, KUBERNETES_ALIAS, "system:serviceaccount:reports:nightly");

        TokenClient.Result trusted = tokens.clientCredentialsWithAssertion(token);
        assertThat(trusted.ok()).as("a node that remembered the subject as untrusted forgets it: " + trusted.rawBody()).isTrue();

        // Keycloak's own federated clients, beside machine users, with the same identity provider.
        admin.post("/" + realm + "/clients", Map.of("clientId", "stock-federated", "publicClient", false,
                "clientAuthenticatorType", "federated-jwt", "serviceAccountsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("jwt.credential.issuer", KUBERNETES_ALIAS, "jwt.credential.sub", "system:serviceaccount:reports:stock")))
                .expectStatus(201);
        TokenClient.Result stock = tokens.clientCredentialsWithAssertion(
                kubernetes.sign(kubernetes.claims("reports", "stock", realmUrl, 600).build()));
        assertThat(stock.ok()).as(stock.rawBody()).isTrue();
        assertThat(tokens.verify(stock.accessToken()).getStringClaim("azp")).isEqualTo("stock-federated");

        // Ours runs right after Keycloak's client-secret authenticator, before those that read assertions: its federated
        // one reads the database for every subject it does not know.
        List<String> flow = admin.get("/" + realm + "/authentication/flows/clients/executions").expectStatus(200).json()
                .findValuesAsText("providerId");
        assertThat(flow.indexOf("machine-user-access-key")).isEqualTo(flow.indexOf("client-secret") + 1)
                .isLessThan(flow.indexOf("client-jwt")).isLessThan(flow.indexOf("federated-jwt"));
    }

    @Test
    void anExpiredCredentialNoLongerAuthenticates() throws Exception {
        JsonNode mu = machineUser("Short-lived trust", false);
        long expiresAt = System.currentTimeMillis() + 3_000;
        JsonNode credential = admin.post(credentials(mu), Map.of("identityProvider", KUBERNETES_ALIAS,
                "subject", "system:serviceaccount:batch:nightly", "expiresAt", expiresAt)).expectStatus(201).json();
        String token = kubernetes.sign(kubernetes.claims("batch", "nightly", realmUrl, 600).build());
        assertThat(tokens.clientCredentialsWithAssertion(token).ok()).isTrue();

        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 500);

        assertThat(tokens.clientCredentialsWithAssertion(token).status()).isEqualTo(401);
        assertThat(admin.get(credentials(mu) + "/" + credential.path("id").asText()).json().path("status").asText()).isEqualTo("EXPIRED");
    }

    @Test
    void aProviderRemovedAndMadeAgainUnderTheSameAliasIsNotTrusted() throws Exception {
        String alias = "rebuilt-" + System.nanoTime();
        KubernetesIssuer second = KubernetesIssuer.start();
        try {
            Map<String, Object> idp = Map.of("alias", alias, "providerId", "kubernetes", "enabled", true,
                    "config", Map.of("issuer", second.issuer()));
            admin.post("/" + realm + "/identity-provider/instances", idp).expectStatus(201);
            JsonNode mu = machineUser("Pinned trust", false);
            trust(mu, alias, "system:serviceaccount:ops:deployer");
            String token = second.sign(second.claims("ops", "deployer", realmUrl, 600).build());
            assertThat(tokens.clientCredentialsWithAssertion(token).ok()).isTrue();

            // Whoever manages identity providers removes it and makes another under the same alias and issuer.
            admin.delete("/" + realm + "/identity-provider/instances/" + alias).expectStatus(204);
            admin.post("/" + realm + "/identity-provider/instances", idp).expectStatus(201);

            TokenClient.Result result = tokens.clientCredentialsWithAssertion(second.sign(second.claims("ops", "deployer", realmUrl, 600).build()));
            assertThat(result.status()).as("the credential trusts the provider it was made for, not its alias").isEqualTo(401);
        } finally {
            second.close();
        }
    }

    @Test
    void badInputIsA400AndStoresNothing() {
        JsonNode mu = machineUser("Picky trust", false);
        String plainOidc = "no-assertions-" + System.nanoTime();
        String issuerUrl = KeycloakTestServer.get().baseUrl() + "/realms/" + issuerRealm.realm();
        admin.post("/" + realm + "/identity-provider/instances", Map.of("alias", plainOidc, "providerId", "oidc", "enabled", true,
                "config", oidcConfig(issuerUrl + "-login", false))).expectStatus(201);

        List<Map<String, Object>> bodies = List.of(
                Map.of("subject", "system:serviceaccount:a:b"),
                Map.of("identityProvider", KUBERNETES_ALIAS),
                Map.of("identityProvider", "no-such-provider", "subject", "x"),
                Map.of("identityProvider", plainOidc, "subject", "x"),
                Map.of("identityProvider", KUBERNETES_ALIAS, "subject", " padded"),
                Map.of("identityProvider", KUBERNETES_ALIAS, "subject", "s".repeat(256)),
                Map.of("identityProvider", KUBERNETES_ALIAS, "subject", "x", "expiresAt", 1000),
                Map.of("identityProvider", KUBERNETES_ALIAS, "subject", 42));
        for (Map<String, Object> body : bodies) {
            assertThat(admin.post(credentials(mu), body).status()).as(body.toString()).isEqualTo(400);
        }
        assertThat(admin.get(credentials(mu)).json()).as("nothing was stored").isEmpty();
        assertThat(admin.get(credentials(mu) + "/MUFCAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
    }

    @Test
    void oneExternalIdentityNamesOneMachineUserAndThePolicyCapsTheCount() {
        JsonNode first = machineUser("First claimant", false);
        JsonNode second = machineUser("Second claimant", false);
        String subject = "system:serviceaccount:shared:worker-" + System.nanoTime();
        trust(first, KUBERNETES_ALIAS, subject);

        assertThat(admin.post(credentials(second), Map.of("identityProvider", KUBERNETES_ALIAS, "subject", subject)).status())
                .as("the subject is taken").isEqualTo(409);
        assertThat(admin.post(credentials(first), Map.of("identityProvider", KUBERNETES_ALIAS, "subject", subject)).status())
                .as("also on the same machine user").isEqualTo(409);

        assertThat(admin.put("/" + realm + "/machine-users/policy", Map.of("maxFederatedCredentialsPerMachineUser", 21)).status())
                .isEqualTo(400);
        admin.put("/" + realm + "/machine-users/policy", Map.of("maxFederatedCredentialsPerMachineUser", 2)).expectStatus(200);
        try {
            trust(first, KUBERNETES_ALIAS, subject + "-2");
            assertThat(admin.post(credentials(first), Map.of("identityProvider", KUBERNETES_ALIAS, "subject", subject + "-3")).status())
                    .as("the policy's limit").isEqualTo(409);
            assertThat(admin.get(credentials(first)).json()).hasSize(2);
        } finally {
            admin.put("/" + realm + "/machine-users/policy", Map.of("maxFederatedCredentialsPerMachineUser", 5)).expectStatus(200);
        }
    }
}
