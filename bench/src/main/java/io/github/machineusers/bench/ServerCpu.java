package io.github.machineusers.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time the server JVM has used, from {@code /proc/<pid>/stat}. Per request, it tells what a
 * token costs the server whatever share of the two cores the load generator took, which moves
 * throughput by up to 25 % between rounds on this machine.
 */
final class ServerCpu {

    /** Linux counts utime and stime in USER_HZ ticks, 100 per second on every architecture it supports. */
    private static final long MILLIS_PER_TICK = 10;

    private ServerCpu() {
    }

    static long millis(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // The command name in field 2 may hold spaces; the fields after its closing parenthesis do not.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * MILLIS_PER_TICK;
    }
}
