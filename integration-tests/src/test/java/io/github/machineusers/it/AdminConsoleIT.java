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
    void anAdministratorCreatesAMachineUserCopiesTheSecretOnceAndSuspendsIt() {
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

            browser.click(By.cssSelector("[data-testid='row-" + clientId + "'] button[aria-label='Kebab toggle']"));
            browser.click(By.xpath("//*[@role='menuitem'][contains(normalize-space(.), 'Suspend')]"));
            browser.type(testId("confirm-reason"), "console test");
            browser.click(testId("confirm"));
            browser.awaitText(row, "Suspended");
            browser.screenshot("machine-user-suspended");
            assertThat(fixture.tokens().clientCredentials(clientId, secret, Method.BASIC).ok())
                    .as("a suspended machine user gets no token").isFalse();
        }

        JsonNode listed = fixture.machineUsers().list("search=Console").expectStatus(200).json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(listed.get(0).path("suspendedReason").asText()).isEqualTo("console test");
        assertThat(listed.get(0).path("notificationEmail").asText()).isEqualTo("robots@integrations.test");
    }
}
