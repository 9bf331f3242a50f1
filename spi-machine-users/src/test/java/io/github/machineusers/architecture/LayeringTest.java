package io.github.machineusers.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Holds the layers of docs/architecture.md against the code: a package imports only packages of
 * its own layer or the layers below, and the packages of one layer do not import each other in a
 * circle. The modules below this one (foundation, authorization, permission sets) cannot import it
 * at all: Maven gives them no dependency on it.
 */
class LayeringTest {

    /** Top to bottom, as the architecture document draws them. */
    private static final Map<String, Integer> LAYER = new HashMap<>();

    static {
        layer(5, "admin");
        layer(4, "authenticator", "mapper", "introspection", "setup", "notify", "integrity");
        layer(3, "manage", "partitions", "groups", "mail", "validation", "metrics");
        layer(2, "jpa");
        layer(1, "model", "keys", "federation");
    }

    private static void layer(int level, String... packages) {
        for (String name : packages) {
            LAYER.put(name, level);
        }
    }

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.github\\.machineusers\\.(\\w+)\\.", Pattern.MULTILINE);

    private final Map<String, Set<String>> imports = readImports(Path.of("src/main/java/io/github/machineusers"));

    @Test
    void everyPackageHasALayer() {
        assertThat(LAYER.keySet()).containsAll(imports.keySet());
    }

    @Test
    void importsOnlyPointDown() {
        List<String> upward = new ArrayList<>();
        imports.forEach((from, targets) -> targets.stream()
                .filter(LAYER::containsKey)
                .filter(to -> LAYER.get(to) > LAYER.getOrDefault(from, 0))
                .forEach(to -> upward.add(from + " -> " + to)));
        assertThat(upward).as("imports that run up a layer").isEmpty();
    }

    @Test
    void noPackagesImportEachOtherInACircle() {
        for (String start : imports.keySet()) {
            assertThat(reaches(start, start, new HashSet<>())).as("%s reaches itself", start).isFalse();
        }
    }

    private boolean reaches(String from, String target, Set<String> seen) {
        for (String next : imports.getOrDefault(from, Set.of())) {
            if (next.equals(target) || (seen.add(next) && reaches(next, target, seen))) {
                return true;
            }
        }
        return false;
    }

    /** Package (below the root) to the packages of this bundle it imports, its own left out. */
    private static Map<String, Set<String>> readImports(Path sources) {
        Map<String, Set<String>> result = new TreeMap<>();
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String pkg = sources.relativize(file).getName(0).toString();
                Set<String> targets = result.computeIfAbsent(pkg, p -> new TreeSet<>());
                Matcher m = IMPORT.matcher(read(file));
                while (m.find()) {
                    if (!m.group(1).equals(pkg)) {
                        targets.add(m.group(1));
                    }
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(result).as("sources read from " + sources.toAbsolutePath()).isNotEmpty();
        return result;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
