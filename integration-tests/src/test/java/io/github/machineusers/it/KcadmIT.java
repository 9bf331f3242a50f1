package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.machineusers.it.support.KeycloakTestServer;
import io.github.machineusers.it.support.RealmFixture;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: the kcadm.sh block of docs/admin-api.md, run as it stands with the distribution's own kcadm.sh
 * against the test server, so the documented commands cannot drift from what the API accepts.
 */
class KcadmIT {

    @Test
    void theDocumentedKcadmBlockRunsAndDoesWhatItSays() throws Exception {
        KeycloakTestServer server = KeycloakTestServer.get();
        RealmFixture fixture = RealmFixture.create("kcadm");
        fixture.createRole("reports-read", true);
        fixture.admin().post("/" + fixture.realm() + "/permission-sets",
                Map.of("name", "ReadOnly", "roles", List.of("reports-read"))).expectStatus(201);

        Path work = Files.createTempDirectory(Path.of(System.getProperty("project.build.directory", "target")), "kcadm-");
        Path script = work.resolve("readme-kcadm.sh");
        Files.writeString(script, "set -euo pipefail\n" + documentedBlock("## With kcadm.sh"), StandardCharsets.UTF_8);
        // The unpacked distribution may have lost its executable bits; a wrapper on PATH does not care.
        Path bin = Files.createDirectories(work.resolve("bin"));
        Path kcadm = bin.resolve("kcadm.sh");
        Files.writeString(kcadm, "#!/bin/sh\nexec /bin/sh " + Path.of(System.getProperty("keycloak.home"), "bin", "kcadm.sh") + " \"$@\"\n");
        Files.setPosixFilePermissions(kcadm, PosixFilePermissions.fromString("rwxr-xr-x"));

        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).directory(work.toFile()).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PATH", bin + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        env.put("HOME", work.toString()); // kcadm keeps its login in ~/.keycloak
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("KC", server.baseUrl());
        env.put("REALM", fixture.realm());
        env.put("ADMIN_PASSWORD", server.adminPassword());
        Process process = builder.start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(3, TimeUnit.MINUTES);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!finished) {
            process.destroyForcibly();
        }

        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).as("the replace prints the new secret, once").containsOnlyOnce("kcmu_");
        assertThat(output).contains("KEY_REPLACED").contains("SUSPENDED");

        JsonNode list = fixture.machineUsers().list("search=ERP").expectStatus(200).json();
        assertThat(list).hasSize(1);
        String id = list.get(0).path("id").asText();
        JsonNode mu = fixture.machineUsers().get(id).expectStatus(200).json();
        assertThat(mu.path("description").asText()).isEqualTo("Nightly ERP export");
        assertThat(mu.path("status").asText()).isEqualTo("SUSPENDED");
        assertThat(mu.path("notificationEmail").asText()).isEqualTo("integrations@example.com");
        assertThat(mu.path("permissionSets").toString()).isEqualTo("[\"ReadOnly\"]");
        assertThat(fixture.machineUsers().keys(id).json()).hasSize(2);
        assertThat(fixture.machineUsers().policy().json().path("maxKeyLifetimeDays").asInt()).isEqualTo(90);
    }

    /** The first ```bash block after the heading in the project's admin API guide. */
    private static String documentedBlock(String heading) throws Exception {
        String readme = Files.readString(Path.of(System.getProperty("project.build.directory", "target"), "..", "..", "docs", "admin-api.md"));
        int from = readme.indexOf("```bash\n", readme.indexOf(heading)) + "```bash\n".length();
        return readme.substring(from, readme.indexOf("```", from));
    }
}
