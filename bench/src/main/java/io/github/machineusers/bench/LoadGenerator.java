package io.github.machineusers.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

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
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(30));
        if ("GET".equals(args[5])) {
            request.GET();
        } else {
            request.header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(args[5]));
        }
        for (String header : Arrays.copyOfRange(args, 6, args.length)) {
            int colon = header.indexOf(':');
            request.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
        }
        Map<String, Object> result = run(label, request.build(), concurrency, warmup, measured, Long.getLong("bench.serverPid"));
        System.out.println(new ObjectMapper().writeValueAsString(result));
    }

    static Map<String, Object> run(String label, HttpRequest request, int concurrency, Duration warmup, Duration measured,
                                   Long serverPid) throws InterruptedException, IOException {
        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        List<Worker> workers = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Worker worker = new Worker(client, request, measuring, stop, done);
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
        private final HttpRequest request;
        private final AtomicBoolean measuring;
        private final AtomicBoolean stop;
        private final CountDownLatch done;
        private long[] latencies = new long[1 << 14];
        private int count;
        private long errors;

        Worker(HttpClient client, HttpRequest request, AtomicBoolean measuring, AtomicBoolean stop, CountDownLatch done) {
            this.client = client;
            this.request = request;
            this.measuring = measuring;
            this.stop = stop;
            this.done = done;
        }

        @Override
        public void run() {
            try {
                while (!stop.get()) {
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
