package io.jitprovisioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where Keycloak's request threads spent their CPU during a flight recording with the {@code profile} settings:
 * JFR samples each running Java thread every 10 ms ({@code jdk.ExecutionSample}). A sample "belongs" to a part
 * of the code when any frame of its stack is in that part, so the count is inclusive (callees included).
 */
final class JfrProfile {

    /** Java sampling period of JFR's {@code profile} settings. */
    static final double SAMPLE_MILLIS = 10.0;

    private static final String JIT_PACKAGE = "io.jitprovisioning.";
    private static final Predicate<String> STOCK_MAPPERS = type -> type.startsWith("org.keycloak.broker.saml.mappers.")
            || type.equals("org.keycloak.broker.provider.HardcodedRoleMapper");

    record Summary(long allSamples, long workerSamples, long truncated, long jitSamples, long stockMapperSamples,
                   Map<String, Long> jitEntryPoints, Map<String, Long> jitInnermost, Map<String, Long> jitLeaves) {

        double jitShareOfWorker() {
            return workerSamples == 0 ? Double.NaN : (double) jitSamples / workerSamples;
        }

        double stockShareOfWorker() {
            return workerSamples == 0 ? Double.NaN : (double) stockMapperSamples / workerSamples;
        }
    }

    private JfrProfile() {
    }

    static Summary analyse(Path recording) {
        long all = 0;
        long worker = 0;
        long truncated = 0;
        long jit = 0;
        long stock = 0;
        Map<String, Long> entry = new HashMap<>();
        Map<String, Long> innermost = new HashMap<>();
        Map<String, Long> leaves = new HashMap<>();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                    continue;
                }
                all++;
                var thread = event.getThread("sampledThread");
                RecordedStackTrace stack = event.getStackTrace();
                if (thread == null || stack == null || !isWorker(thread.getJavaName())) {
                    continue;
                }
                worker++;
                if (stack.isTruncated()) {
                    truncated++;
                }
                List<RecordedFrame> frames = stack.getFrames();
                int inner = -1;
                int outer = -1;
                boolean stockFrame = false;
                for (int i = 0; i < frames.size(); i++) {
                    String type = frames.get(i).getMethod().getType().getName();
                    if (type.startsWith(JIT_PACKAGE)) {
                        if (inner < 0) {
                            inner = i;
                        }
                        outer = i;
                    }
                    stockFrame |= STOCK_MAPPERS.test(type);
                }
                if (stockFrame) {
                    stock++;
                }
                if (inner >= 0) {
                    jit++;
                    entry.merge(name(frames.get(outer)), 1L, Long::sum);
                    innermost.merge(name(frames.get(inner)), 1L, Long::sum);
                    leaves.merge(name(frames.get(0)), 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Summary(all, worker, truncated, jit, stock, top(entry, 8), top(innermost, 12), top(leaves, 12));
    }

    /** Quarkus runs Keycloak's blocking request handling on {@code executor-thread-N}. */
    static boolean isWorker(String threadName) {
        return threadName != null && threadName.startsWith("executor-thread");
    }

    private static String name(RecordedFrame frame) {
        String type = frame.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName() + " (" + packageOf(type) + ")";
    }

    private static String packageOf(String type) {
        int dot = type.lastIndexOf('.');
        return dot < 0 ? "" : type.substring(0, dot);
    }

    private static Map<String, Long> top(Map<String, Long> counts, int limit) {
        Map<String, Long> top = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(limit)
                .forEach(e -> top.put(e.getKey(), e.getValue()));
        return top;
    }
}
