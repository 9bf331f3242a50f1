package io.github.machineusers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Turns the raw results of {@code bench/run.sh} into {@code RESULTS.md} (tables with the ratios
 * the targets of issue 8 are stated in) and {@code chart.svg} (token throughput, stock against
 * machine user).
 */
public final class Report {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double THROUGHPUT_TARGET = 0.95;
    private static final double P99_TARGET = 1.10;
    private static final int SCALE_P95_TARGET_MS = 50;

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "bench/results");
        List<JsonNode> token = lines(results.resolve("token.jsonl"));
        List<JsonNode> introspection = lines(results.resolve("introspection.jsonl"));
        List<JsonNode> startup = lines(results.resolve("startup.jsonl"));
        List<JsonNode> scale = lines(results.resolve("scale.jsonl"));
        List<JsonNode> tokenCpu = lines(results.resolve("token-cpu.jsonl"));
        Path jmhFile = results.resolve("jmh.json");
        JsonNode jmh = Files.exists(jmhFile) ? JSON.readTree(jmhFile.toFile()) : JSON.createArrayNode();

        StringBuilder md = new StringBuilder();
        md.append("# Benchmark results\n\n")
                .append("Made by `bench/run.sh` and `bench/scale.sh`, each on one server in one run; the load generator is a JVM ")
                .append("of its own on the same machine. Ratios are machine user / stock; targets: throughput >= ").append(THROUGHPUT_TARGET)
                .append(", p99 <= ").append(P99_TARGET).append(". Server CPU per request is the server JVM's user and system ")
                .append("time over the measured period divided by the requests answered: no target, but free of the share of the ")
                .append("cores the load generator took, so it shows what a request costs the server when throughput is noisy.\n\n");
        if (!token.isEmpty()) {
            md.append("## Token issuance (client_credentials)\n\n");
            md.append(comparison(token, List.of("basic", "post", "keyid"), "stock"));
            md.append("\n`keyid`: the key id as client id (Basic), compared with the stock client on Basic in the same window.\n\n");
            md.append("![token throughput](chart.svg)\n\n");
            Files.writeString(results.resolve("chart.svg"), chart(token));
        }
        if (!tokenCpu.isEmpty()) {
            md.append(tokenCpu(tokenCpu));
        }
        if (!introspection.isEmpty()) {
            md.append("## Introspection\n\n");
            md.append(comparison(introspection, List.of("introspect"), "stock"));
            md.append("\n");
        }
        if (!jmh.isEmpty()) {
            md.append("## Key check against one RS256 signature (JMH, average time per call)\n\n| benchmark | µs/op | ± |\n|---|---:|---:|\n");
            for (JsonNode run : jmh) {
                String name = run.path("benchmark").asText().replaceAll(".*\\.", "");
                md.append(String.format(Locale.ROOT, "| %s | %.3f | %.3f |%n", name,
                        run.path("primaryMetric").path("score").asDouble(), run.path("primaryMetric").path("scoreError").asDouble()));
            }
            md.append("\n");
        }
        if (!startup.isEmpty()) {
            md.append("## Start time and memory, without and with the bundle (3 starts each)\n\n")
                    .append("| variant | ready after (s), mean | heap used after GC (MiB), mean | RSS (MiB), mean |\n|---|---:|---:|---:|\n");
            for (String variant : List.of("without", "with")) {
                List<JsonNode> runs = startup.stream().filter(run -> variant.equals(run.path("variant").asText())).toList();
                md.append(String.format(Locale.ROOT, "| %s bundle | %.1f | %.0f | %.0f |%n", variant,
                        mean(runs, "readySeconds"), mean(runs, "heapUsedBytes") / 1048576, mean(runs, "rssBytes") / 1048576));
            }
            md.append("\n");
        }
        if (!scale.isEmpty()) {
            md.append(scale(scale));
        }
        Files.writeString(results.resolve("RESULTS.md"), md.toString());
    }

    private static String scale(List<JsonNode> scale) {
        StringBuilder md = new StringBuilder("## Scale: one realm on PostgreSQL\n\n");
        for (JsonNode create : phase(scale, "create")) {
            md.append(String.format(Locale.ROOT,
                    "The realm grew to %d machine users through the admin API, %d creates at a time: %d creates in %.0f s (%.1f per second), %d retried, %d failed.%n%n",
                    create.path("machineUsers").asInt(), create.path("concurrency").asInt(), create.path("created").asLong(),
                    create.path("seconds").asDouble(), create.path("perSecond").asDouble(), create.path("retries").asLong(),
                    create.path("failed").asLong()));
        }
        md.append("| at machine users | request | p50 ms | p95 ms | p99 ms | req/s | errors | verdict (p95 < ").append(SCALE_P95_TARGET_MS).append(" ms) |\n")
                .append("|---:|---|---:|---:|---:|---:|---:|---|\n");
        for (JsonNode run : scale) {
            boolean targeted = "latency".equals(run.path("phase").asText());
            if (!targeted && !"reference".equals(run.path("phase").asText())) {
                continue;
            }
            double p95 = run.path("p95Ms").asDouble();
            String verdict = !targeted ? "no target" : p95 < SCALE_P95_TARGET_MS && run.path("errors").asLong() == 0 ? "met" : "missed";
            md.append(String.format(Locale.ROOT, "| %d | %s | %.1f | %.1f | %.1f | %.0f | %d | %s |%n", run.path("machineUsers").asInt(),
                    run.path("label").asText(), run.path("p50Ms").asDouble(), p95, run.path("p99Ms").asDouble(),
                    run.path("throughput").asDouble(), run.path("errors").asLong(), verdict));
        }
        md.append("\n| token requests of one machine user | clients | req/s at 10 | req/s at the full size | ratio | verdict (>= ")
                .append(THROUGHPUT_TARGET).append(") |\n|---|---:|---:|---:|---:|---|\n");
        List<JsonNode> throughput = phase(scale, "throughput");
        int largest = throughput.stream().mapToInt(run -> run.path("machineUsers").asInt()).max().orElse(0);
        for (int clients : List.of(1, 4, 16)) {
            JsonNode small = find(throughput.stream().filter(run -> run.path("machineUsers").asInt() == 10).toList(), "token", clients);
            JsonNode large = find(throughput.stream().filter(run -> run.path("machineUsers").asInt() == largest).toList(), "token", clients);
            if (small == null || large == null) {
                continue;
            }
            double ratio = large.path("throughput").asDouble() / small.path("throughput").asDouble();
            md.append(String.format(Locale.ROOT, "| token (%d rounds each) | %d | %.0f | %.0f | %.3f | %s |%n", small.path("rounds").asInt(),
                    clients, small.path("throughput").asDouble(), large.path("throughput").asDouble(), ratio,
                    ratio >= THROUGHPUT_TARGET ? "met" : "missed"));
        }
        for (JsonNode start : phase(scale, "start")) {
            md.append(String.format(Locale.ROOT, "%nServer start to ready: %.1f s%s.%n", start.path("readySeconds").asDouble(),
                    start.path("onFilledDatabase").asBoolean() ? String.format(Locale.ROOT, " on the database already holding %d machine users",
                            start.path("machineUsers").asInt()) : " on an empty database"));
        }
        for (JsonNode size : phase(scale, "size")) {
            md.append(String.format(Locale.ROOT, "%nAt %d machine users: server RSS %.0f MiB, database %.0f MiB.%n",
                    size.path("machineUsers").asInt(), size.path("serverRssBytes").asDouble() / 1048576,
                    size.path("databaseBytes").asDouble() / 1048576));
        }
        return md.append("\n").toString();
    }

    private static List<JsonNode> phase(List<JsonNode> runs, String phase) {
        return runs.stream().filter(run -> phase.equals(run.path("phase").asText())).toList();
    }

    private static String comparison(List<JsonNode> runs, List<String> methods, String reference) {
        StringBuilder table = new StringBuilder("| method | clients | rounds | stock req/s | machine user req/s | throughput ratio | stock p99 ms | machine user p99 ms | p99 ratio"
                + " | server CPU ms per request, stock / machine user | errors | verdict |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (String method : methods) {
            for (int clients : List.of(1, 4, 16)) {
                JsonNode stock = find(runs, method + " " + reference, clients);
                JsonNode machineUser = find(runs, method + " machine-user", clients);
                if (stock == null || machineUser == null) {
                    continue;
                }
                double throughputRatio = machineUser.path("throughput").asDouble() / stock.path("throughput").asDouble();
                double p99Ratio = machineUser.path("p99Ms").asDouble() / stock.path("p99Ms").asDouble();
                boolean met = throughputRatio >= THROUGHPUT_TARGET && (method.equals("introspect") || p99Ratio <= P99_TARGET);
                table.append(String.format(Locale.ROOT, "| %s | %d | %d | %.0f | %.0f | %.3f | %.1f | %.1f | %.3f | %s | %d | %s |%n",
                        method, clients, stock.path("rounds").asInt(), stock.path("throughput").asDouble(), machineUser.path("throughput").asDouble(),
                        throughputRatio, stock.path("p99Ms").asDouble(), machineUser.path("p99Ms").asDouble(), p99Ratio,
                        serverCpu(stock, machineUser), stock.path("errors").asLong() + machineUser.path("errors").asLong(), met ? "met" : "missed"));
            }
        }
        return table.toString();
    }

    /** {@code bench/token-cpu.sh}: server CPU per token at one client, with the per-node key cache and without it. */
    private static String tokenCpu(List<JsonNode> runs) {
        StringBuilder md = new StringBuilder("## Server CPU per token, with the key cache and without it (`bench/token-cpu.sh`)\n\n")
                .append("One client; each variant on a server of its own, so compare within a column.\n\n")
                .append("| request | rounds | key cache on: ms CPU per token | req/s | key cache off: ms CPU per token | req/s |\n")
                .append("|---|---:|---:|---:|---:|---:|\n");
        for (String label : List.of("basic stock", "basic machine-user", "post stock", "post machine-user", "keyid machine-user")) {
            JsonNode on = find(runs.stream().filter(run -> "on".equals(run.path("keyCache").asText())).toList(), label, 1);
            JsonNode off = find(runs.stream().filter(run -> "off".equals(run.path("keyCache").asText())).toList(), label, 1);
            if (on == null || off == null) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %.3f | %.0f | %.3f | %.0f |%n", label, on.path("rounds").asInt(),
                    on.path("serverCpuMsPerRequest").asDouble(), on.path("throughput").asDouble(),
                    off.path("serverCpuMsPerRequest").asDouble(), off.path("throughput").asDouble()));
        }
        return md.append("\n").toString();
    }

    /** Not a target: it explains a throughput ratio, being free of the load generator's share of the cores. */
    private static String serverCpu(JsonNode stock, JsonNode machineUser) {
        if (!stock.has("serverCpuMsPerRequest") || !machineUser.has("serverCpuMsPerRequest")) {
            return "-";
        }
        double stockCpu = stock.path("serverCpuMsPerRequest").asDouble();
        double machineUserCpu = machineUser.path("serverCpuMsPerRequest").asDouble();
        return String.format(Locale.ROOT, "%.2f / %.2f (%.3f)", stockCpu, machineUserCpu, machineUserCpu / stockCpu);
    }

    private static String chart(List<JsonNode> token) {
        Map<String, double[]> bars = new TreeMap<>();
        for (String method : List.of("basic", "post", "keyid")) {
            for (int clients : List.of(1, 4, 16)) {
                JsonNode stock = find(token, method + " stock", clients);
                JsonNode machineUser = find(token, method + " machine-user", clients);
                if (stock != null && machineUser != null) {
                    bars.put(method + " c=" + String.format("%02d", clients),
                            new double[] {stock.path("throughput").asDouble(), machineUser.path("throughput").asDouble()});
                }
            }
        }
        double max = bars.values().stream().flatMapToDouble(java.util.Arrays::stream).max().orElse(1);
        int width = 80 + bars.size() * 70;
        int height = 300;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"11\">%n", width, height));
        svg.append("<text x=\"10\" y=\"16\" font-size=\"13\">Token requests per second: stock client (grey) and machine user (blue)</text>\n");
        int x = 60;
        for (Map.Entry<String, double[]> bar : bars.entrySet()) {
            for (int i = 0; i < 2; i++) {
                double value = bar.getValue()[i];
                int barHeight = (int) Math.round(value / max * 220);
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%d\" y=\"%d\" width=\"26\" height=\"%d\" fill=\"%s\"/><text x=\"%d\" y=\"%d\" font-size=\"9\">%.0f</text>%n",
                        x + i * 28, 250 - barHeight, barHeight, i == 0 ? "#9e9e9e" : "#1565c0", x + i * 28, 246 - barHeight, value));
            }
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"268\">%s</text>%n", x, bar.getKey()));
            x += 70;
        }
        svg.append("<line x1=\"55\" y1=\"250\" x2=\"").append(width - 10).append("\" y2=\"250\" stroke=\"black\"/>\n</svg>\n");
        return svg.toString();
    }

    /**
     * All rounds of one label and client count as one point: mean throughput and mean p99, errors
     * added up. Several short rounds, alternating with the other side, weigh out the drift of a
     * shared machine better than one long run.
     */
    private static JsonNode find(List<JsonNode> runs, String label, int clients) {
        List<JsonNode> rounds = runs.stream()
                .filter(run -> label.equals(run.path("label").asText()) && run.path("concurrency").asInt() == clients)
                .toList();
        if (rounds.isEmpty()) {
            return null;
        }
        ObjectNode point = JSON.createObjectNode()
                .put("label", label)
                .put("concurrency", clients)
                .put("rounds", rounds.size())
                .put("throughput", mean(rounds, "throughput"))
                .put("p99Ms", mean(rounds, "p99Ms"))
                .put("errors", rounds.stream().mapToLong(run -> run.path("errors").asLong()).sum());
        if (rounds.stream().allMatch(run -> run.has("serverCpuMsPerRequest"))) {
            point.put("serverCpuMsPerRequest", mean(rounds, "serverCpuMsPerRequest"));
        }
        return point;
    }

    private static double mean(List<JsonNode> runs, String field) {
        return runs.stream().mapToDouble(run -> run.path(field).asDouble()).average().orElse(Double.NaN);
    }

    private static List<JsonNode> lines(Path file) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank()) {
                    nodes.add(JSON.readTree(line));
                }
            }
        }
        return nodes;
    }
}
