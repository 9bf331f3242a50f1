package io.github.machineusers.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A closed-loop HTTP load generator in a JVM of its own (never the server's): {@code concurrency}
 * clients each send the same request, wait for the answer and send again, for a warm-up and then a
 * measured period. Prints one JSON line: throughput, latency percentiles and errors (any answer
 * other than 200). Only loopback URLs are accepted. The request is a form POST, or a GET when the
 * body argument is {@code GET}. With {@code -Dbench.serverPid=<pid>} of the server JVM it also
 * prints the server's CPU milliseconds per answered request over the measured period. With
 * {@code -Dbench.expectStatus=401} the answers that count (and whose latency is recorded) are refusals,
 * for timing what a refused request costs.
 *
 * <p>With {@code -Dbench.assertion.key=<PKCS#8 PEM file> -Dbench.assertion.kid=<kid> -Dbench.assertion.clientId=<id>}
 * every request carries a fresh client assertion ({@code private_key_jwt}, see {@link ClientAssertions}) appended to
 * the form body, with the URL as audience unless {@code -Dbench.assertion.audience} says otherwise: Keycloak takes each
 * {@code jti} once, so one fixed body cannot repeat. Each client signs its own before it sends; the signing is in the
 * closed loop (so in the throughput) but not in the latency.
 *
 * <pre>
 * java -cp benchmarks.jar io.github.machineusers.bench.LoadGenerator label url concurrency warmupSeconds seconds \
 *      form-body|GET [Header: value]...
 * </pre>
 */
public final class LoadGenerator {

    /** The status an answer must have to count; any other is an error. */
    private static final int EXPECTED_STATUS = Integer.getInteger("bench.expectStatus", 200);

    private LoadGenerator() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 6) {
            throw new IllegalArgumentException("usage: label url concurrency warmupSeconds seconds form-body|GET [Header: value]...");
        }
        String label = args[0];
        URI url = Loopback.require(args[1]);
        int concurrency = Integer.parseInt(args[2]);
        Duration warmup = Duration.ofSeconds(Long.parseLong(args[3]));
        Duration measured = Duration.ofSeconds(Long.parseLong(args[4]));
        String body = args[5];
        String[] headers = Arrays.copyOfRange(args, 6, args.length);
        String keyFile = System.getProperty("bench.assertion.key");
        RequestSource source;
        if (keyFile == null) {
            HttpRequest request = request(url, body, headers);
            source = () -> () -> request;
        } else {
            if ("GET".equals(body)) {
                throw new IllegalArgumentException("A client assertion goes in a form body, not a GET");
            }
            PrivateKey key = ClientAssertions.readPrivateKey(Path.of(keyFile));
            String kid = required("bench.assertion.kid");
            String clientId = required("bench.assertion.clientId");
            String audience = System.getProperty("bench.assertion.audience", url.toString());
            String prefix = body + "&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer"
                    + "&client_assertion=";
            source = () -> {
                ClientAssertions assertions = new ClientAssertions(key, kid, clientId, audience);
                // base64url and dots only: nothing to form-encode.
                return () -> request(url, prefix + assertions.next(), headers);
            };
        }
        Map<String, Object> result = run(label, source, concurrency, warmup, measured, Long.getLong("bench.serverPid"));
        System.out.println(new ObjectMapper().writeValueAsString(result));
    }

    /** Gives each client its own supplier of requests (a fixed one, or one that signs a new assertion per call). */
    @FunctionalInterface
    interface RequestSource {
        Supplier<HttpRequest> forClient() throws Exception;
    }

    private static HttpRequest request(URI url, String body, String[] headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30));
        if ("GET".equals(body)) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        for (String header : headers) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        return request.build();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("-D" + property + " is required with -Dbench.assertion.key");
        }
        return value;
    }

    static Map<String, Object> run(String label, RequestSource source, int concurrency, Duration warmup, Duration measured,
                                   Long serverPid) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(client, source.forClient(), measuring, stop, done);
            workers.add(worker);
            Thread thread = new Thread(worker, "load-" + i);
            thread.setDaemon(true);
            thread.start();
        }
        Thread.sleep(warmup.toMillis());
        long cpuBefore = serverPid == null ? 0 : ServerCpu.millis(serverPid);
        long start = System.nanoTime();
        measuring.set(true);
        Thread.sleep(measured.toMillis());
        measuring.set(false);
        long elapsed = System.nanoTime() - start;
        long serverCpuMillis = serverPid == null ? 0 : ServerCpu.millis(serverPid) - cpuBefore;
        stop.set(true);
        done.await();

        long[] latencies = workers.stream().flatMapToLong(worker -> Arrays.stream(worker.latencies, 0, worker.count)).sorted().toArray();
        long errors = workers.stream().mapToLong(worker -> worker.errors).sum();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("label", label);
        result.put("concurrency", concurrency);
        result.put("seconds", elapsed / 1e9);
        result.put("requests", latencies.length);
        result.put("errors", errors);
        result.put("throughput", latencies.length / (elapsed / 1e9));
        result.put("p50Ms", percentile(latencies, 0.50));
        result.put("p95Ms", percentile(latencies, 0.95));
        result.put("p99Ms", percentile(latencies, 0.99));
        if (serverPid != null && latencies.length > 0) {
            result.put("serverCpuMsPerRequest", (double) serverCpuMillis / latencies.length);
        }
        return result;
    }

    private static double percentile(long[] sortedNanos, double quantile) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(quantile * sortedNanos.length) - 1;
        return sortedNanos[Math.max(0, index)] / 1e6;
    }

    /** One client: sends, waits, records, sends again. Only answers completed while measuring count. */
    private static final class Worker implements Runnable {

        private final HttpClient client;
        private final Supplier<HttpRequest> requests;
        private final AtomicBoolean measuring;
        private final AtomicBoolean stop;
        private final CountDownLatch done;
        private long[] latencies = new long[1 << 14];
        private int count;
        private long errors;

        Worker(HttpClient client, Supplier<HttpRequest> requests, AtomicBoolean measuring, AtomicBoolean stop, CountDownLatch done) {
            this.client = client;
            this.requests = requests;
            this.measuring = measuring;
            this.stop = stop;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                while (!stop.get()) {
                    HttpRequest request;
                    try {
                        request = requests.get();
                    } catch (RuntimeException e) {
                        // A request that could not be built (an assertion that could not be signed) is an error,
                        // not a client that silently stops and lowers the throughput.
                        if (measuring.get()) {
                            errors++;
                        }
                        continue;
                    }
                    long sent = System.nanoTime();
                    boolean wasMeasuring = measuring.get();
                    int status;
                    try {
                        status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                    } catch (IOException e) {
                        status = -1;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    long latency = System.nanoTime() - sent;
                    if (wasMeasuring && measuring.get()) {
                        if (status == EXPECTED_STATUS) {
                            record(latency);
                        } else {
                            errors++;
                        }
                    }
                }
            } finally {
                done.countDown();
            }
        }

        private void record(long latency) {
            if (count == latencies.length) {
                latencies = Arrays.copyOf(latencies, latencies.length * 2);
            }
            latencies[count++] = latency;
        }
    }
}
