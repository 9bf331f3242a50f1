package io.github.machineusers.it.support;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * A real SMTP server (GreenMail standalone, system property {@code smtp.server.jar}) in a process
 * of its own on free loopback ports, started once per test JVM. Keycloak sends to it like to any
 * mail server; tests read what arrived through the server's HTTP API. Every address receives: the
 * server accepts any sender and recipient.
 */
public final class SmtpTestServer {

    /** One received mail, decoded. */
    public record Mail(String from, List<String> to, String subject, String text, String html, String raw) {
    }

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static SmtpTestServer instance;

    private final int smtpPort = LoopbackPorts.free();
    private final int apiPort = LoopbackPorts.free();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private Process process;

    private SmtpTestServer() {
    }

    public static synchronized SmtpTestServer get() {
        if (instance == null) {
            SmtpTestServer server = new SmtpTestServer();
            server.start();
            instance = server;
        }
        return instance;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** The realm's {@code smtpServer} settings that send through this server, for a server that reaches this machine at {@code host}. */
    public Map<String, String> realmSmtpSettings(String host) {
        return Map.of("host", host, "port", Integer.toString(smtpPort), "from", "keycloak@machine-users.test",
                "fromDisplayName", "Keycloak");
    }

    /** The mails received so far for one address, oldest first. */
    public List<Mail> mailsTo(String address) {
        JsonNode messages = getJson("/api/user/" + URLEncoder.encode(address, StandardCharsets.UTF_8) + "/messages/INBOX/");
        List<Mail> mails = new ArrayList<>();
        if (messages != null) {
            messages.forEach(message -> mails.add(decode(message.path("mimeMessage").asText())));
        }
        return mails;
    }

    /** Waits until at least {@code count} mails for the address have arrived, and returns all of them. */
    public List<Mail> awaitMailsTo(String address, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<Mail> mails = mailsTo(address);
        while (mails.size() < count && Instant.now().isBefore(deadline)) {
            Pause.millis(250);
            mails = mailsTo(address);
        }
        return mails;
    }

    private void start() {
        String jar = System.getProperty("smtp.server.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("No SMTP test server jar at " + jar + "; run the tests through `mvn verify`");
        }
        Path log = Paths.get(System.getProperty("project.build.directory", "target")).toAbsolutePath().resolve("smtp-server.log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                "-Dgreenmail.auth.disabled",
                "-Dgreenmail.verbose=false",
                "-Xmx128m",
                "-jar", jar);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "smtp-test-server-stop"));
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The SMTP test server exited with " + process.exitValue() + "; see " + log);
            }
            if (getJson("/api/service/readiness") != null) {
                return;
            }
            Pause.millis(250);
        }
        process.destroy();
        throw new IllegalStateException("The SMTP test server was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log);
    }

    /** The parsed answer, or null when the server does not answer (yet) or has nothing there. */
    private JsonNode getJson(String path) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
        } catch (IOException notUpYet) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Mail decode(String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
            List<String> to = new ArrayList<>();
            if (message.getAllRecipients() != null) {
                for (var address : message.getAllRecipients()) {
                    to.add(((InternetAddress) address).getAddress());
                }
            }
            String from = message.getFrom() == null ? null : ((InternetAddress) message.getFrom()[0]).getAddress();
            return new Mail(from, to, message.getSubject(), partOf(message, "text/plain"), partOf(message, "text/html"), raw);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("Unreadable mail: " + e.getMessage(), e);
        }
    }

    private static String partOf(Part part, String mimeType) throws MessagingException, IOException {
        if (part.isMimeType(mimeType)) {
            return part.getContent().toString();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                String found = partOf(body, mimeType);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
