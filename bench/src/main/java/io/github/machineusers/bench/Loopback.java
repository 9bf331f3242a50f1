package io.github.machineusers.bench;

import java.net.URI;
import java.util.List;

/** The benchmarks send traffic to this machine's own servers and nowhere else. */
final class Loopback {

    private static final List<String> HOSTS = List.of("127.0.0.1", "localhost", "[::1]");

    private Loopback() {
    }

    static URI require(String url) {
        URI uri = URI.create(url);
        if (!HOSTS.contains(uri.getHost())) {
            throw new IllegalArgumentException("Only loopback targets: " + url);
        }
        return uri;
    }
}
