package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.AdminApi;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.MachineUsersApi;
import org.junit.jupiter.api.Test;

/**
 * The README's newcomer path, run as a newcomer pastes it: every shell block from the first
 * machine user to the admin API, in order, in one shell, against the demo realm. The test server
 * imports the iot-platform template as the demo does; the two files the demo leaves in
 * {@code .demo/} (the admin password and the secret of the resource server iot-api) are made the
 * same way here. Only {@code KC} is set from outside, which the README's first block allows.
 */
class ReadmeIT {

    private static final String REALM = "iot-platform";
    private static final Pattern BASH_BLOCK = Pattern.compile("```bash\n(.*?)```", Pattern.DOTALL);

    @Test
    void theReadmeBlocksRunAsPastedAgainstTheDemoRealm() throws Exception {
        String output = run(newcomerBlocks());

        // The create, as the first block prints it: no secret on the screen but in the variable.
        assertThat(output).contains("\"partition\": \"/Site North\"").contains("\"keyId\": \"MUAK");
        assertThat(output).as("the secret is shown by no block").doesNotContain("kcmu_");
        // The token, introspected by the resource server: active, with the claims the README names.
        assertThat(output).contains("\"active\": true").contains("\"access_key_id\": \"MUAK").contains("\"Standard\"")
                .contains("\"iot-api\"");
        // Suspension makes the same token inactive; resumption brings the machine user back.
        assertThat(output).contains("\"status\": \"SUSPENDED\"").contains("\"suspendedReason\": \"rotating after a leak\"")
                .contains("\"active\": false").contains("\"status\": \"ACTIVE\"");
        assertThat(output).contains("CREATED by admin").contains("KEY_REPLACED by admin").contains("SUSPENDED by admin")
                .contains("RESUMED by admin");
        assertThat(output.indexOf("\"active\": true")).isLessThan(output.indexOf("\"active\": false"));

        JsonNode made = new MachineUsersApi(AdminApi.forMaster(), REALM).list("search=erp").expectStatus(200).json();
        assertThat(made).isNotEmpty();
        assertThat(made.get(0).path("permissionSets").toString()).contains("Standard");
    }

    @Test
    void theAdminApiGuidesCurlBlockRunsAgainstTheDemoRealm() throws Exception {
        String output = run(List.of(firstBlockAfter("docs/admin-api.md", "## With curl")));

        assertThat(output).contains("\"status\": \"INACTIVE\"").contains("\"partition\": \"/Site South/Building C\"")
                .contains("\"Basic\"").contains("KEY_REPLACED").contains("KEY_DELETED").contains("RESUMED");
        assertThat(output).contains("\"status\": \"SUSPENDED\"").containsPattern("billing-export-\\w+ ACTIVE");
    }

    @Test
    void theSecretlessGuidesBlockGetsATokenWithAnOpensslSignedAssertion() throws Exception {
        String output = run(List.of(firstBlockAfter("docs/secretless.md", "## Public keys")));

        assertThat(output).contains("\"active\": true").contains("\"credential_type\": \"public-key\"")
                .contains("\"credential_id\": \"MUPK").contains("\"Standard\"");
        assertThat(output).as("the private key is written to a file, never printed").doesNotContain("PRIVATE KEY");
    }

    @Test
    void theSecretlessGuidesFederatedBlockGetsATokenWithAnotherRealmsToken() throws Exception {
        String output = run(List.of(firstBlockAfter("docs/secretless.md", "## Federated credentials")));

        assertThat(output).contains("\"identityProvider\": \"workloads\"").contains("\"status\": \"ACTIVE\"");
        assertThat(output).contains("\"active\": true").contains("\"credential_type\": \"federated\"")
                .contains("\"credential_id\": \"MUFC").contains("\"Standard\"");
    }

    @Test
    void thePermissionSetsGuidesBlockRunsAfterTheReadmesFirst() throws Exception {
        String output = run(List.of(newcomerBlocks().get(0), firstBlockAfter("docs/permission-sets.md", "Revoking a set")));

        assertThat(output).containsSubsequence("201", "204");
    }

    /** Runs the blocks in one shell in a folder laid out as the demo leaves the repository's. */
    private static String run(List<String> blocks) throws Exception {
        KeycloakTestServer server = KeycloakTestServer.get();
        Path work = Files.createTempDirectory(Path.of(System.getProperty("project.build.directory", "target")), "readme-");
        Path demo = Files.createDirectories(work.resolve(".demo"));
        Files.writeString(demo.resolve("admin-password"), server.adminPassword());
        Files.writeString(demo.resolve("iot-api-secret"), resourceServerSecret());

        Path script = work.resolve("blocks.sh");
        Files.writeString(script, "set -euo pipefail\n" + String.join("\n", blocks), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(work.toFile()).redirectErrorStream(true);
        builder.environment().put("KC", server.baseUrl());
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(2, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }
        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }

    private static String document(String relativePath) throws Exception {
        return Files.readString(Path.of(System.getProperty("project.build.directory", "target"), "..", "..").resolve(relativePath));
    }

    private static String firstBlockAfter(String relativePath, String marker) throws Exception {
        String text = document(relativePath);
        int at = text.indexOf(marker);
        assertThat(at).as(marker + " in " + relativePath).isNotNegative();
        Matcher block = BASH_BLOCK.matcher(text);
        assertThat(block.find(at)).as("a bash block after " + marker).isTrue();
        return block.group(1);
    }

    /** The README's shell blocks after the one that starts the demo, up to the next part. */
    private static List<String> newcomerBlocks() throws Exception {
        String readme = document("README.md");
        int from = readme.indexOf("scripts/start-demo.sh", readme.indexOf("## Quick start"));
        int to = readme.indexOf("## Who may do what");
        assertThat(from).as("the quick start starts the demo").isPositive();
        Matcher block = BASH_BLOCK.matcher(readme.substring(readme.indexOf("```", from + 1) + 3, to));
        List<String> blocks = new ArrayList<>();
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).as("the first machine user, the token, the introspection and the admin calls").hasSize(4);
        return blocks;
    }

    /** What the demo writes to .demo/iot-api-secret: the resource server's current secret, made if it has none. */
    private static String resourceServerSecret() {
        AdminApi admin = AdminApi.forMaster();
        String id = admin.get("/" + REALM + "/clients?clientId=iot-api").expectStatus(200).json().get(0).path("id").asText();
        String secret = admin.get("/" + REALM + "/clients/" + id + "/client-secret").expectStatus(200).json().path("value").asText();
        if (secret.isEmpty()) {
            secret = admin.post("/" + REALM + "/clients/" + id + "/client-secret", "").expectStatus(200).json().path("value").asText();
        }
        return secret;
    }
}
