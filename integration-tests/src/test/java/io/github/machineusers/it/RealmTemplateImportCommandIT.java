package io.github.machineusers.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.machineusers.it.support.KeycloakTestServer;
import org.junit.jupiter.api.Test;

/**
 * Issue 6: every realm template imports with {@code kc.sh import}, the offline path an
 * administrator uses before the first start. The server of the other tests imports them with
 * --import-realm; this runs the command against the same built distribution, into a database of
 * its own.
 */
class RealmTemplateImportCommandIT {

    @Test
    void kcShImportLoadsEveryTemplateWithoutErrors() throws Exception {
        String home = System.getProperty("keycloak.home");
        String templates = System.getProperty("realm.templates.dir");
        assumeTrue("distribution".equals(System.getProperty("keycloak.server", "distribution"))
                        && "h2".equals(System.getProperty("keycloak.test.database", "h2")),
                "kc.sh import runs against the distribution's own embedded database only");
        KeycloakTestServer.get(); // the server's start has run kc.sh build for the embedded database

        Path target = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath();
        Path log = target.resolve("kc-import.log");
        Path database = target.resolve("template-import-db");
        deleteRecursively(database);
        // A directory import reads files named <realm>-realm.json, the layout of kc.sh export.
        Path importDir = target.resolve("template-import-files");
        deleteRecursively(importDir);
        Files.createDirectories(importDir);
        try (var files = Files.list(Path.of(templates))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                String realm = file.getFileName().toString().replace(".json", "");
                Files.copy(file, importDir.resolve(realm + "-realm.json"));
            }
        }
        // The running test server holds its own H2 file, so the import writes to another one.
        List<String> command = new ArrayList<>(List.of("/bin/sh", Path.of(home, "bin/kc.sh").toString(), "import", "--optimized",
                "--dir", importDir.toString(), "--db-url=jdbc:h2:file:" + database.resolve("keycloakdb") + ";NON_KEYWORDS=VALUE"));
        Process process = new ProcessBuilder(command).directory(Path.of(home).toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        boolean finished = process.waitFor(4, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);

        assertThat(finished).as(output).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        for (String realm : List.of("iot-platform", "usage-billing", "workspaces", "fleet-data-sharing")) {
            assertThat(output).contains("Realm '" + realm + "' imported");
        }
        assertThat(output).doesNotContain(" ERROR ");
    }

    private static void deleteRecursively(Path dir) throws java.io.IOException {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
