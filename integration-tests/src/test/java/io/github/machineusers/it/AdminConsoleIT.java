package io.github.machineusers.it;

import static io.github.machineusers.it.support.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.Browser;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Issue 5: the machine-user pages of the admin console, in a real browser against the real
 * console of the test server, with the master realm's admin theme set to "machine-users".
 */
class AdminConsoleIT {

    @Test
    void anAdministratorCreatesAMachineUserCopiesTheSecretOnceAddsAKeyAndSuspendsIt() {
        KeycloakTestServer server = KeycloakTestServer.get();
        RealmFixture fixture = RealmFixture.create("console");
        AdminApi.forMaster().put("/master", Map.of("adminTheme", "machine-users")).expectStatus(204);

        try (Browser browser = new Browser()) {
            browser.open(server.baseUrl() + "/admin/master/console/#/" + fixture.realm() + "/machine-users");
            browser.type(By.id("username"), server.adminUsername());
            browser.type(By.id("password"), server.adminPassword());
            browser.click(By.id("kc-login"));

            browser.visible(By.id("nav-item-machine-users"));
            browser.click(testId("create-machine-user"));
            browser.type(testId("create-name"), "Console robot");
            browser.type(testId("create-notificationEmail"), "robots@integrations.test");
            browser.click(testId("create-submit"));

            String clientId = browser.visible(By.cssSelector("[data-testid='secret-client-id'] input")).getDomProperty("value");
            String keyId = browser.visible(By.cssSelector("[data-testid='secret-key-id'] input")).getDomProperty("value");
            String secret = browser.visible(By.cssSelector("[data-testid='secret-value'] input")).getDomProperty("value");
            assertThat(secret).startsWith("kcmu_");
            assertThat(keyId).startsWith("MUAK");
            assertThat(browser.driver().getPageSource()).contains("shown only once");
            browser.screenshot("secret-dialog");
            assertThat(fixture.tokens().clientCredentials(clientId, secret, Method.BASIC).ok()).isTrue();

            browser.click(testId("secret-done"));
            browser.awaitGone(testId("secret-value"));
            assertThat(browser.driver().getPageSource()).as("the secret is gone with the dialog").doesNotContain(secret);
            By row = testId("row-" + clientId);
            browser.awaitText(row, "Active");
            browser.screenshot("machine-users-list");

            // The machine user's page: a second key, which is the limit of the default policy.
            browser.click(testId("open-" + clientId));
            browser.awaitText(testId("machine-user-title"), "Console robot");
            browser.click(By.xpath("//button[.//span[normalize-space(.)='Access keys']]"));
            browser.click(testId("add-key"));
            String secondSecret = browser.visible(By.cssSelector("[data-testid='secret-value'] input")).getDomProperty("value");
            assertThat(secondSecret).startsWith("kcmu_").isNotEqualTo(secret);
            browser.click(testId("secret-done"));
            browser.awaitGone(testId("secret-value"));
            browser.awaitText(testId("key-limit"), "2 of 2");
            assertThat(browser.visible(testId("add-key")).isEnabled()).as("the add button is off at the limit").isFalse();
            browser.screenshot("machine-user-keys");

            browser.click(By.xpath("//button[.//span[normalize-space(.)='History']]"));
            browser.awaitText(testId("history-table"), "KEY_CREATED");
            browser.screenshot("machine-user-history");

            browser.click(testId("suspend"));
            browser.type(testId("confirm-reason"), "console test");
            browser.click(testId("confirm"));
            browser.awaitText(testId("machine-user-status"), "Suspended");
            browser.screenshot("machine-user-suspended");
            assertThat(fixture.tokens().clientCredentials(clientId, secret, Method.BASIC).ok())
                    .as("a suspended machine user gets no token").isFalse();
        }

        JsonNode listed = fixture.machineUsers().list("search=Console").expectStatus(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(listed.get(0).path("suspendedReason").asText()).isEqualTo("console test");
        assertThat(listed.get(0).path("notificationEmail").asText()).isEqualTo("robots@integrations.test");
        assertThat(fixture.machineUsers().keys(listed.get(0).path("id").asText()).json()).hasSize(2);
    }

    @Test
    void aViewerSeesMachineUsersButNoButtonThatChangesThem() {
        KeycloakTestServer server = KeycloakTestServer.get();
        RealmFixture fixture = RealmFixture.create("console-viewer");
        JsonNode existing = fixture.machineUsers().createWithKey("Read only robot");
        String clientId = existing.path("clientId").asText();
        fixture.admin().put("/" + fixture.realm(), Map.of("adminTheme", "machine-users")).expectStatus(204);
        // The stock console opens only for users with one of Keycloak's own admin roles; query-clients is the least.
        fixture.admin().createUser(fixture.realm(), "auditor", "auditor-password", "view-machine-users", "query-clients");

        try (Browser browser = new Browser()) {
            browser.open(server.baseUrl() + "/admin/" + fixture.realm() + "/console/#/" + fixture.realm() + "/machine-users");
            browser.type(By.id("username"), "auditor");
            browser.type(By.id("password"), "auditor-password");
            browser.click(By.id("kc-login"));

            browser.awaitText(testId("row-" + clientId), "Active");
            assertThat(browser.driver().findElements(testId("create-machine-user"))).isEmpty();
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid='row-" + clientId + "'] button[aria-label='Kebab toggle']")))
                    .isEmpty();

            browser.click(testId("open-" + clientId));
            browser.awaitText(testId("machine-user-title"), "Read only robot");
            assertThat(browser.driver().findElements(testId("suspend"))).isEmpty();
            assertThat(browser.driver().findElements(testId("delete"))).isEmpty();
            browser.click(By.xpath("//button[.//span[normalize-space(.)='Access keys']]"));
            browser.visible(testId("key-limit"));
            assertThat(browser.driver().findElements(testId("add-key"))).isEmpty();
        }
    }
}
