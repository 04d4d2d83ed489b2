package io.jitprovisioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

import io.jitprovisioning.bench.Load.Attempt;

/**
 * CPU per sign-in, per arm of a comparison, from a flight recording: the driver signs in one at a time and notes
 * each sign-in's wall-clock start and end, so every JFR execution sample of a Keycloak request thread
 * ({@code executor-thread-*}) belongs to the sign-in running at that moment. A sample counts as the extension's
 * when a frame of its stack is in {@code io.jitprovisioning} (inclusive of what it calls in Keycloak), as the
 * built-in mappers' when a frame is in {@code org.keycloak.broker.saml.mappers} or {@code HardcodedRoleMapper}.
 * The recording samples every {@link #PERIOD_MILLIS} ms (a copy of the JDK's {@code profile} settings with a
 * shorter period), so ms per sign-in = samples x period / sign-ins.
 */
final class ArmProfile {

    static final int PERIOD_MILLIS = 2;

    /** One arm's share. */
    record Arm(String label, int logins, long requestSamples, long jitSamples, long stockSamples) {

        double requestMillisPerLogin() {
            return logins == 0 ? Double.NaN : requestSamples * (double) PERIOD_MILLIS / logins;
        }

        double jitMillisPerLogin() {
            return logins == 0 ? Double.NaN : jitSamples * (double) PERIOD_MILLIS / logins;
        }

        double stockMillisPerLogin() {
            return logins == 0 ? Double.NaN : stockSamples * (double) PERIOD_MILLIS / logins;
        }
    }

    private record Interval(long start, long end, int arm) {
    }

    private ArmProfile() {
    }

    /** Writes the JDK's {@code profile} settings with Java samples every {@link #PERIOD_MILLIS} ms, once; returns the file. */
    static Path settings(Path workDir) {
        Path file = workDir.resolve("profile-" + PERIOD_MILLIS + "ms.jfc");
        try {
            String profile = Files.readString(Path.of(System.getProperty("java.home"), "lib", "jfr", "profile.jfc"));
            Matcher matcher = Pattern.compile("(<event name=\"jdk.ExecutionSample\">.*?<setting name=\"period\"[^>]*>)[^<]*(</setting>)",
                    Pattern.DOTALL).matcher(profile);
            if (!matcher.find()) {
                throw new IllegalStateException("No jdk.ExecutionSample period in the JDK's profile.jfc");
            }
            Files.writeString(file, matcher.replaceFirst("$1" + PERIOD_MILLIS + " ms$2"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sign-ins by arm label (in display order) against the recording's samples. */
    static List<Arm> analyse(Path recording, Map<String, List<Attempt>> arms) {
        List<String> labels = new ArrayList<>(arms.keySet());
        List<Interval> intervals = new ArrayList<>();
        int[] logins = new int[labels.size()];
        for (int a = 0; a < labels.size(); a++) {
            for (Attempt attempt : arms.get(labels.get(a))) {
                intervals.add(new Interval(attempt.startEpochNanos(), attempt.endEpochNanos(), a));
                logins[a]++;
            }
        }
        intervals.sort(Comparator.comparingLong(Interval::start));
        long[] starts = intervals.stream().mapToLong(Interval::start).toArray();
        long[] request = new long[labels.size()];
        long[] jit = new long[labels.size()];
        long[] stock = new long[labels.size()];
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!"jdk.ExecutionSample".equals(event.getEventType().getName())) {
                    continue;
                }
                var thread = event.getThread("sampledThread");
                if (thread == null || !JfrProfile.isWorker(thread.getJavaName()) || event.getStackTrace() == null) {
                    continue;
                }
                int arm = armAt(epochNanos(event.getStartTime()), starts, intervals);
                if (arm < 0) {
                    continue;
                }
                request[arm]++;
                boolean jitFrame = false;
                boolean stockFrame = false;
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    String type = frame.getMethod().getType().getName();
                    jitFrame |= type.startsWith("io.jitprovisioning.");
                    stockFrame |= type.startsWith("org.keycloak.broker.saml.mappers.") || type.equals("org.keycloak.broker.provider.HardcodedRoleMapper");
                }
                jit[arm] += jitFrame ? 1 : 0;
                stock[arm] += stockFrame ? 1 : 0;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Arm> result = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            result.add(new Arm(labels.get(a), logins[a], request[a], jit[a], stock[a]));
        }
        return result;
    }

    static Map<String, List<Attempt>> arms(Paired.Result... results) {
        Map<String, List<Attempt>> arms = new LinkedHashMap<>();
        for (Paired.Result result : results) {
            arms.computeIfAbsent(result.a(), label -> new ArrayList<>()).addAll(result.attempts(0));
            arms.computeIfAbsent(result.b(), label -> new ArrayList<>()).addAll(result.attempts(1));
        }
        return arms;
    }

    private static int armAt(long time, long[] starts, List<Interval> intervals) {
        int low = 0;
        int high = starts.length - 1;
        int found = -1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            if (starts[middle] <= time) {
                found = middle;
                low = middle + 1;
            } else {
                high = middle - 1;
            }
        }
        return found >= 0 && time <= intervals.get(found).end() ? intervals.get(found).arm() : -1;
    }

    private static long epochNanos(Instant instant) {
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }

    /** The table of CPU per sign-in by arm. */
    static String table(List<Arm> arms) {
        List<List<String>> rows = new ArrayList<>();
        for (Arm arm : arms) {
            rows.add(List.of(arm.label(), Integer.toString(arm.logins()), Markdown.fixed(arm.requestMillisPerLogin(), 1),
                    "**" + Markdown.fixed(arm.jitMillisPerLogin(), 2) + "**", Markdown.fixed(arm.stockMillisPerLogin(), 2)));
        }
        return Markdown.table(List.of("arm", "sign-ins", "request-thread CPU ms / sign-in", "JIT extension's own CPU ms / sign-in",
                "built-in mappers' CPU ms / sign-in"), rows);
    }
}
