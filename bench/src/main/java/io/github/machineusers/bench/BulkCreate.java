package io.github.machineusers.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates machine users through the admin API, the way an administrator's script would:
 * {@code POST /admin/realms/{realm}/machine-users}, each with its first key, named
 * {@code prefix} plus a six-digit number and spread round-robin over the given partitions.
 * Authenticates as a client of the realm with {@code manage-machine-users}. Prints progress to
 * stderr and one JSON line with the count and the time taken; exits 1 if any create failed.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.machineusers.bench.BulkCreate baseUrl realm clientId secret from to concurrency prefix partition,...
 * </pre>
 */
public final class BulkCreate {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;
    private static final long TOKEN_SECONDS = 60;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final String realm;
    private final String clientId;
    private final String secret;
    private volatile String token;
    private volatile long tokenFetchedAt;

    private BulkCreate(URI base, String realm, String clientId, String secret) {
        this.base = base;
        this.realm = realm;
        this.clientId = clientId;
        this.secret = secret;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 9) {
            throw new IllegalArgumentException("usage: baseUrl realm clientId secret from to concurrency prefix partition,...");
        }
        BulkCreate creator = new BulkCreate(Loopback.require(args[0]), args[1], args[2], args[3]);
        int from = Integer.parseInt(args[4]);
        int to = Integer.parseInt(args[5]);
        int concurrency = Integer.parseInt(args[6]);
        String prefix = args[7];
        String[] partitions = args[8].split(",");
        Map<String, Object> result = creator.create(from, to, concurrency, prefix, partitions);
        System.out.println(JSON.writeValueAsString(result));
        if ((long) result.get("failed") > 0) {
            System.exit(1);
        }
    }

    private Map<String, Object> create(int from, int to, int concurrency, String prefix, String[] partitions) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        AtomicLong failed = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        AtomicInteger created = new AtomicInteger();
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < concurrency; t++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    String body = String.format("{\"name\":\"%s%06d\",\"partition\":\"%s\"}", prefix, i, partitions[i % partitions.length]);
                    int attempt = 1;
                    while (!post(body)) {
                        if (attempt++ == ATTEMPTS) {
                            failed.incrementAndGet();
                            break;
                        }
                        retries.incrementAndGet();
                    }
                    int done = created.incrementAndGet();
                    if (done % 5000 == 0) {
                        System.err.printf("created %d in %.0f s%n", done, (System.nanoTime() - started) / 1e9);
                    }
                }
            }, "create-" + t);
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("created", (long) created.get() - failed.get());
        result.put("failed", failed.get());
        result.put("retries", retries.get());
        result.put("concurrency", concurrency);
        result.put("seconds", seconds);
        result.put("perSecond", (created.get() - failed.get()) / seconds);
        return result;
    }

    private boolean post(String body) {
        try {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/admin/realms/" + realm + "/machine-users"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + token())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 201) {
                System.err.println("create answered " + response.statusCode() + ": " + response.body());
                return false;
            }
            return true;
        } catch (IOException e) {
            System.err.println("create failed: " + e);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A token of the creating client, fetched again well before the realm's lifespan ends. */
    private synchronized String token() throws IOException, InterruptedException {
        if (token == null || System.nanoTime() - tokenFetchedAt > TOKEN_SECONDS * 1_000_000_000L) {
            String form = "grant_type=client_credentials&client_id=" + URLEncoder.encode(clientId, StandardCharsets.UTF_8)
                    + "&client_secret=" + URLEncoder.encode(secret, StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/realms/" + realm + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("token request answered " + response.statusCode());
            }
            token = JSON.readTree(response.body()).path("access_token").asText();
            tokenFetchedAt = System.nanoTime();
        }
        return token;
    }
}
