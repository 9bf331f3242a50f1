package io.github.machineusers.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where two JFR recordings of the same load differ: for every method, the share of execution
 * samples whose stack holds it, in the stock recording and in the machine-user one, biggest excess
 * of the machine-user side first. A method the bundle adds to the path shows as present on one
 * side only; one that it makes Keycloak call more often shows as a larger share.
 *
 * <p>Usage: {@code ProfileSummary <stock.jfr> <machine-user.jfr> [rows]}
 */
public final class ProfileSummary {

    private static final String BUNDLE_PACKAGE = "io.github.machineusers.";

    private record Shares(int samples, Map<String, Integer> stacksHolding, int inBundle) {

        double percent(String method) {
            return 100.0 * stacksHolding.getOrDefault(method, 0) / Math.max(1, samples);
        }
    }

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2) {
            System.err.println("Usage: ProfileSummary <stock.jfr> <machine-user.jfr> [rows]");
            System.exit(2);
        }
        Shares stock = read(Path.of(args[0]));
        Shares machineUser = read(Path.of(args[1]));
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 25;

        System.out.printf("execution samples: stock %d, machine user %d%n", stock.samples(), machineUser.samples());
        System.out.printf("samples with a frame of the bundle: stock %.2f %%, machine user %.2f %%%n",
                100.0 * stock.inBundle() / Math.max(1, stock.samples()),
                100.0 * machineUser.inBundle() / Math.max(1, machineUser.samples()));
        System.out.println("share of samples holding the method, stock -> machine user, biggest excess first:");
        Set<String> methods = new HashSet<>(stock.stacksHolding().keySet());
        methods.addAll(machineUser.stacksHolding().keySet());
        List<String> byExcess = methods.stream()
                .sorted(Comparator.comparingDouble((String m) -> machineUser.percent(m) - stock.percent(m)).reversed())
                .limit(rows)
                .toList();
        for (String method : byExcess) {
            System.out.printf("  %6.2f %% -> %6.2f %%  %s%n", stock.percent(method), machineUser.percent(method), method);
        }
    }

    private static Shares read(Path recording) throws IOException {
        Map<String, Integer> holding = new HashMap<>();
        int samples = 0;
        int inBundle = 0;
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                    continue;
                }
                samples++;
                Set<String> methods = methodsOf(event.getStackTrace());
                methods.forEach(method -> holding.merge(method, 1, Integer::sum));
                if (methods.stream().anyMatch(method -> method.startsWith(BUNDLE_PACKAGE))) {
                    inBundle++;
                }
            }
        }
        return new Shares(samples, holding, inBundle);
    }

    /** Each method once, however deep the recursion. */
    private static Set<String> methodsOf(RecordedStackTrace stack) {
        Set<String> methods = new HashSet<>();
        for (RecordedFrame frame : stack.getFrames()) {
            if (frame.isJavaFrame()) {
                methods.add(frame.getMethod().getType().getName() + "." + frame.getMethod().getName());
            }
        }
        return methods;
    }
}
