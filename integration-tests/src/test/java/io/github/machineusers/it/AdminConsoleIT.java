package io.github.machineusers.it;

import static io.github.machineusers.it.support.Browser.testId;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.Browser;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.RealmFixture;
import io.github.machineusers.it.support.TokenClient.Method;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

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
            // Each entry is a sentence: key ids and dates as words, no stored JSON, no action codes, no epoch numbers.
            browser.awaitText(testId("history-table"), "Added key MUAK");
            String history = browser.visible(testId("history-table")).getText();
            assertThat(history).contains("Created as " + clientId);
            assertThat(history).doesNotContain("{", "}", "\"keyId\"", "KEY_CREATED").doesNotContainPattern("\\d{13}");
            browser.screenshot("machine-user-history");

            // What a token carries, without a secret: the claims of this machine user, never a signed token.
            browser.click(By.xpath("//button[.//span[normalize-space(.)='Token preview']]"));
            browser.awaitText(testId("preview-payload"), "\"azp\": \"" + clientId + "\"");
            assertThat(browser.visible(testId("preview-lifetime")).getText()).matches("\\d+ seconds");
            assertThat(browser.visible(testId("preview-payload")).getText()).doesNotContain(secret, secondSecret).doesNotContainPattern("eyJ\\w+\\.");
            browser.screenshot("machine-user-token-preview");

            // Usage: a chart with dates along one axis, counts up the other, and a legend naming both series.
            browser.click(By.xpath("//button[.//span[normalize-space(.)='Usage']]"));
            String chart = browser.visible(By.cssSelector("[data-testid='usage-chart'] svg")).getText();
            String today = java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                    .format(java.time.format.DateTimeFormatter.ofPattern("MMM d", java.util.Locale.ENGLISH));
            assertThat(chart).contains("Tokens issued", "Failed attempts", "Requests", today);
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid='usage-chart'] svg path[role='presentation']")))
                    .as("one bar per day and series").hasSizeGreaterThanOrEqualTo(60);
            browser.screenshot("machine-user-usage");

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
    void anAdministratorBuildsPartitionsSetsAndGroupsAndPicksThemForANewMachineUser() throws Exception {
        KeycloakTestServer server = KeycloakTestServer.get();
        RealmFixture fixture = RealmFixture.create("console-model");
        String realm = fixture.realm();
        AdminApi admin = fixture.admin();
        admin.put("/master", Map.of("adminTheme", "machine-users")).expectStatus(204);
        fixture.createRole("meters:read", false);
        admin.post("/" + realm + "/roles", Map.of("name", "ReadOnly",
                "attributes", Map.of("permission-set", List.of("true"), "permission-set.managed", List.of("true")))).expectStatus(201);
        String siteLead = admin.createUser(realm, "site-lead", "site-lead-password");
        admin.post("/" + realm + "/machine-user-groups", Map.of("name", "Night shift")).expectStatus(201);
        String clientId;
        String secret;

        try (Browser browser = new Browser()) {
            browser.open(server.baseUrl() + "/admin/master/console/#/" + realm + "/machine-users/partitions");
            browser.type(By.id("username"), server.adminUsername());
            browser.type(By.id("password"), server.adminPassword());
            browser.click(By.id("kc-login"));

            // Partitions: a site and a building in it, and a partition administrator picked by username.
            browser.click(testId("add-partition"));
            browser.type(testId("name-value"), "Site North");
            browser.click(testId("name-save"));
            browser.click(testId("partition-node-/Site North"));
            browser.awaitText(testId("partition-path"), "/Site North");
            browser.click(testId("add-child-partition"));
            browser.type(testId("name-value"), "Building A");
            browser.click(testId("name-save"));
            browser.click(testId("partition-node-/Site North/Building A"));
            browser.awaitText(testId("partition-path"), "/Site North/Building A");
            // The badge counts the machine users a partition owns, not its sub-partitions.
            assertThat(partitionBadge(browser, "/Site North")).isEqualTo("0");
            browser.type(testId("administrators-username"), "site-lead");
            browser.click(testId("administrators-add"));
            browser.visible(testId("administrators-site-lead"));
            browser.screenshot("partitions-tree");

            // Permission sets: the managed one offers no change; a custom one is made, and a bad role is refused.
            browser.click(sectionTab("Permission sets"));
            By managed = testId("permission-set-ReadOnly");
            browser.awaitText(managed, "managed");
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid='permission-set-ReadOnly'] button"))).isEmpty();
            browser.click(testId("create-set"));
            browser.type(testId("set-name"), "Broken");
            browser.type(testId("set-roles"), "no-such-role");
            browser.click(testId("set-save"));
            browser.awaitText(testId("set-error"), "no-such-role");
            browser.type(testId("set-name"), "Meter reader");
            browser.type(testId("set-description"), "Reads meters");
            browser.type(testId("set-roles"), "meters:read");
            browser.click(testId("set-save"));
            browser.awaitText(testId("permission-set-Meter reader"), "meters:read");
            browser.screenshot("permission-sets");

            // A group that carries the set and a grant of the whole site.
            browser.click(sectionTab("Machine-user groups"));
            browser.click(testId("create-group"));
            browser.type(testId("group-name"), "Meter fleet");
            browser.click(testId("group-sets-Meter reader"));
            browser.click(testId("group-partitions-/Site North"));
            browser.click(testId("group-save"));
            browser.awaitText(testId("group-Meter fleet"), "/Site North");
            browser.screenshot("machine-user-groups");

            // A machine user placed and granted with the pickers, then put in the group.
            browser.click(sectionTab("Machine users"));
            browser.click(testId("create-machine-user"));
            browser.type(testId("create-name"), "Meter gateway");
            new Select(browser.visible(testId("create-partition"))).selectByVisibleText("/Site North/Building A");
            browser.click(testId("create-sets-Meter reader"));
            browser.click(testId("create-groups-Meter fleet"));
            browser.screenshot("create-dialog");
            browser.click(testId("create-submit"));
            clientId = browser.visible(By.cssSelector("[data-testid='secret-client-id'] input")).getDomProperty("value");
            secret = browser.visible(By.cssSelector("[data-testid='secret-value'] input")).getDomProperty("value");
            browser.click(testId("secret-done"));
            browser.awaitGone(testId("secret-value"));

            new Select(browser.visible(testId("partition-filter"))).selectByVisibleText("/Site North");
            browser.awaitText(testId("row-" + clientId), "/Site North/Building A");

            browser.click(testId("open-" + clientId));
            browser.click(By.xpath("//button[.//span[normalize-space(.)='Partition and groups']]"));
            browser.awaitText(testId("member-of-Meter fleet"), "Meter reader");
            new Select(browser.visible(testId("join-choice"))).selectByVisibleText("Night shift");
            browser.click(testId("join"));
            browser.visible(testId("member-of-Night shift"));

            // A partition that owns a machine user below it is not deleted; the console says why.
            browser.open(server.baseUrl() + "/admin/master/console/#/" + realm + "/machine-users/partitions");
            browser.click(testId("partition-node-/Site North"));
            browser.click(testId("delete-partition"));
            browser.click(testId("confirm"));
            browser.awaitText(testId("page-error"), "still owns");
        }

        JsonNode machineUser = fixture.machineUsers().list("search=Meter%20gateway").expectStatus(200).json().get(0);
        assertThat(machineUser.path("partition").asText()).isEqualTo("/Site North/Building A");
        assertThat(machineUser.path("permissionSets").toString()).contains("Meter reader");
        assertThat(machineUser.path("groups").toString()).contains("Meter fleet", "Night shift");
        JWTClaimsSet claims = fixture.tokens().verify(fixture.tokens().clientCredentials(clientId, secret, Method.BASIC).accessToken());
        assertThat(claims.getStringListClaim("partitions")).containsExactly("/Site North", "/Site North/Building A");
        assertThat(claims.getStringListClaim("permission_sets")).containsExactly("Meter reader");

        assertThat(admin.get("/" + realm + "/permission-sets/Broken").status()).as("the refused set was not made").isEqualTo(404);
        assertThat(admin.get("/" + realm + "/partitions/count").json().asLong()).as("the refused delete kept both").isEqualTo(2);
        JsonNode building = admin.get("/" + realm + "/partitions?search=Building").json().get(0);
        assertThat(admin.get("/" + realm + "/partitions/" + building.path("id").asText() + "/administrators").json().toString())
                .contains(siteLead);
    }

    private static By sectionTab(String title) {
        return By.xpath("//*[@data-testid='section-tabs']//button[.//span[normalize-space(.)='" + title + "']]");
    }

    @Test
    void aViewerSeesMachineUsersButNoButtonThatChangesThem() {
        KeycloakTestServer server = KeycloakTestServer.get();
        RealmFixture fixture = RealmFixture.create("console-viewer");
        JsonNode existing = fixture.machineUsers().createWithKey("Read only robot");
        fixture.createPartition("Plant", null);
        fixture.admin().post("/" + fixture.realm() + "/machine-user-groups", Map.of("name", "Operators")).expectStatus(201);
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
            // A viewer holds no secret and no stock client rights, and still sees what a token carries.
            browser.click(By.xpath("//button[.//span[normalize-space(.)='Token preview']]"));
            browser.awaitText(testId("preview-payload"), "\"azp\": \"" + clientId + "\"");

            browser.open(server.baseUrl() + "/admin/" + fixture.realm() + "/console/#/" + fixture.realm() + "/machine-users/permission-sets");
            browser.visible(testId("permission-sets-table"));
            browser.click(sectionTab("Partitions"));
            browser.click(testId("partition-node-/Plant"));
            browser.awaitText(testId("partition-path"), "/Plant");
            browser.click(sectionTab("Machine-user groups"));
            browser.awaitText(testId("group-Operators"), "Operators");
            for (String changing : List.of("create-set", "add-partition", "add-child-partition", "delete-partition", "administrators-add",
                    "create-group")) {
                assertThat(browser.driver().findElements(testId(changing))).as(changing).isEmpty();
            }
            assertThat(browser.driver().findElements(By.cssSelector("[data-testid='group-Operators'] button"))).isEmpty();
        }
    }

    private static String partitionBadge(Browser browser, String path) {
        // The first count inside the node's list item is its own; its children's come after it.
        return browser.visible(By.xpath("(//span[@data-testid='partition-node-" + path + "']"
                + "/ancestor::li[1]//span[contains(@class,'pf-v5-c-tree-view__node-count')])[1]")).getText();
    }
}
