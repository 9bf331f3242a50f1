package io.github.machineusers.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One Keycloak server process run with {@code kc.sh} from a distribution directory, on its own
 * free loopback ports, with its output in a log file of its own. The shared test server is one;
 * the cluster and upgrade tests start more, each from its own copy of the distribution, because
 * a distribution directory holds one build and one node's transaction logs.
 */
public final class KeycloakNode {

    private static final Duration TOOL_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_GRACE = Duration.ofSeconds(20);
    private static final int LOG_TAIL_LINES = 80;
    private static final String LAUNCH_MARKER = "\n$ ";

    private final String name;
    private final Path home;
    private final Path logFile;
    private final int httpPort;
    private final int managementPort;
    private final String adminUsername;
    private final String adminPassword;
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process process;
    private List<String> startCommand;

    KeycloakNode(String name, Path home, Path logFile, String adminUsername, String adminPassword) {
        this.name = name;
        this.home = home.toAbsolutePath();
        this.logFile = logFile.toAbsolutePath();
        this.adminUsername = adminUsername;
        this.adminPassword = adminPassword;
        this.httpPort = LoopbackPorts.free();
        int port;
        do {
            port = LoopbackPorts.free();
        } while (port == httpPort);
        this.managementPort = port;
        if (!Files.isRegularFile(this.home.resolve("bin/kc.sh"))) {
            throw new IllegalStateException("No Keycloak distribution at " + this.home);
        }
    }

    /**
     * A node on a fresh copy of the distribution the build unpacked (with the bundle in its
     * {@code providers/}), under {@code target/nodes/<name>}.
     */
    public static KeycloakNode copyOfDistribution(String name, String adminUsername, String adminPassword) {
        return copyOf(distributionHome(), name, adminUsername, adminPassword);
    }

    /** A node on a fresh copy of this node's directory (its build included, its data left out). */
    public KeycloakNode copy(String copyName) {
        return copyOf(home, copyName, adminUsername, adminPassword);
    }

    private static KeycloakNode copyOf(Path source, String name, String adminUsername, String adminPassword) {
        Path nodes = Path.of(System.getProperty("project.build.directory", "target")).toAbsolutePath().resolve("nodes");
        Path home = nodes.resolve(name);
        Path logFile = nodes.resolve(name + ".log");
        try {
            deleteRecursively(home);
            Files.deleteIfExists(logFile);
            copyRecursively(source, home, source.resolve("data"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KeycloakNode(name, home, logFile, adminUsername, adminPassword);
    }

    /** The distribution the build unpacked: system property {@code keycloak.home}. */
    static Path distributionHome() {
        String homeProperty = System.getProperty("keycloak.home");
        if (homeProperty == null || homeProperty.isBlank()) {
            throw new IllegalStateException("System property keycloak.home is not set; run the tests through `mvn verify`");
        }
        return Path.of(homeProperty).toAbsolutePath();
    }

    public String name() {
        return name;
    }

    public Path home() {
        return home;
    }

    public Path logFile() {
        return logFile;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + httpPort;
    }

    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** An environment variable for every later kc.sh run of this node (JAVA_OPTS_APPEND, say). */
    public KeycloakNode withEnvironment(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    /** Everything kc.sh and the server wrote so far. */
    public String log() {
        try {
            return Files.exists(logFile) ? Files.readString(logFile, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the node wrote since kc.sh was last launched for it. */
    public String logOfLastLaunch() {
        String log = log();
        int launch = log.lastIndexOf(LAUNCH_MARKER);
        return launch < 0 ? log : log.substring(launch);
    }

    /** Deletes what earlier runs left in {@code data/} and starts a fresh log. */
    public void clean() throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.deleteIfExists(logFile);
        deleteRecursively(home.resolve("data"));
    }

    /** {@code kc.sh build} with these options. */
    public void build(List<String> options) {
        runTool("build", options);
    }

    /**
     * {@code kc.sh} with a command that ends by itself (build, export, import), bounded in time.
     */
    public void runTool(String command, List<String> options) {
        try {
            Process tool = launch(kcCommand(command, options));
            if (!tool.waitFor(TOOL_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                stopTree(tool, false);
                throw failure("kc.sh " + command + " did not finish within " + TOOL_TIMEOUT.toSeconds() + " s");
            }
            if (tool.exitValue() != 0) {
                throw failure("kc.sh " + command + " failed with exit code " + tool.exitValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during kc.sh " + command, e);
        }
    }

    /**
     * {@code kc.sh start --optimized} on this node's loopback ports plus these options; returns
     * once the node reports ready.
     */
    public void start(List<String> options) {
        List<String> start = new ArrayList<>(List.of("--optimized",
                "--http-enabled=true",
                "--http-host=127.0.0.1",
                "--http-port=" + httpPort,
                "--http-management-port=" + managementPort,
                "--hostname-strict=false"));
        start.addAll(options);
        if (startCommand == null) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "keycloak-node-stop-" + name));
        }
        startCommand = kcCommand("start", start);
        launchAndAwaitReady();
    }

    /** Starts the node again with the command of its last {@link #start}. */
    public void startAgain() {
        if (startCommand == null) {
            throw new IllegalStateException("Node " + name + " was never started");
        }
        launchAndAwaitReady();
    }

    /** Stops as an operator does: SIGTERM, so the server shuts down cleanly. */
    public void stop() {
        stopTree(process, false);
    }

    /** SIGKILL to the server and its launcher, as a crash or an OOM killer would. */
    public void kill() {
        stopTree(process, true);
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    private void launchAndAwaitReady() {
        try {
            process = launch(startCommand);
            awaitReady();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Keycloak node " + name, e);
        }
    }

    private List<String> kcCommand(String command, List<String> options) {
        // Invoked through sh so that a lost executable bit after unpacking does not matter.
        List<String> cmd = new ArrayList<>(List.of("/bin/sh", home.resolve("bin/kc.sh").toString(), command));
        cmd.addAll(options);
        return cmd;
    }

    private Process launch(List<String> command) throws IOException {
        Files.createDirectories(logFile.getParent());
        Files.writeString(logFile, LAUNCH_MARKER + String.join(" ", command) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        // The server must run on the same JDK as the tests, whatever the caller's shell had.
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", adminUsername);
        builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword);
        builder.environment().putAll(environment);
        return builder.start();
    }

    private void awaitReady() throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .GET()
                .build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw failure("Keycloak node " + name + " exited with code " + process.exitValue() + " before it was ready");
            }
            try {
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // expected until the management interface is up
            }
            Thread.sleep(500);
        }
        stopTree(process, false);
        throw failure("Keycloak node " + name + " was not ready within " + READY_TIMEOUT.toSeconds() + " s");
    }

    IllegalStateException failure(String message) {
        return new IllegalStateException(message + "; last " + LOG_TAIL_LINES + " lines of " + logFile + ":\n" + logTail());
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(logFile, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    /**
     * kc.sh runs java as a child of the shell, so signalling only the shell would orphan the
     * server. The descendants are listed before anything is signalled because they are
     * re-parented (and no longer found) once the shell exits.
     */
    private static void stopTree(Process root, boolean forcibly) {
        if (root == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
        tree.add(root.toHandle());
        if (forcibly) {
            tree.forEach(ProcessHandle::destroyForcibly);
        } else {
            tree.forEach(ProcessHandle::destroy);
        }
        Instant deadline = Instant.now().plus(STOP_GRACE);
        for (ProcessHandle handle : tree) {
            long remaining = Duration.between(Instant.now(), deadline).toMillis();
            try {
                handle.onExit().get(Math.max(remaining, 0), TimeUnit.MILLISECONDS);
            } catch (Exception stillRunningOrInterrupted) {
                break;
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static void copyRecursively(Path from, Path to, Path skipped) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.filter(path -> !path.startsWith(skipped)).toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
