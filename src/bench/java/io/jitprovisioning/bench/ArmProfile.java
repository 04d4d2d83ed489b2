package io.jitprovisioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
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

    /** One arm's share; {@code jitMethods}: the extension's samples by innermost extension frame, most first. */
    record Arm(String label, int logins, long requestSamples, long jitSamples, long stockSamples, Map<String, Long> jitMethods) {

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

    private record Interval(long start, long end, int signIn) {
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

    /** The arms, and every sign-in's request-thread samples (by identity) for per-pair CPU ratios. */
    record Profile(List<Arm> arms, Map<Attempt, Long> samplesBySignIn) {

        /** Request-thread CPU of one sign-in, in ms (samples x period); NaN when it was not recorded. */
        double cpuMillis(Attempt attempt) {
            Long samples = samplesBySignIn.get(attempt);
            return samples == null ? Double.NaN : samples * (double) PERIOD_MILLIS;
        }

        /** Request-thread CPU of both sign-ins of every pair where both succeeded: {@code [arm][pair]}. */
        double[][] cpuPairs(Paired.Result result) {
            List<Attempt[]> pairs = result.pairs().stream().filter(pair -> pair[0].loggedIn() && pair[1].loggedIn()).toList();
            return new double[][]{pairs.stream().mapToDouble(pair -> cpuMillis(pair[0])).toArray(),
                    pairs.stream().mapToDouble(pair -> cpuMillis(pair[1])).toArray()};
        }
    }

    /** Sign-ins by arm label (in display order) against the recording's samples. */
    static Profile analyse(Path recording, Map<String, List<Attempt>> arms) {
        List<String> labels = new ArrayList<>(arms.keySet());
        List<Interval> intervals = new ArrayList<>();
        List<Attempt> attempts = new ArrayList<>();
        int[] logins = new int[labels.size()];
        for (int a = 0; a < labels.size(); a++) {
            for (Attempt attempt : arms.get(labels.get(a))) {
                attempts.add(attempt);
                logins[a]++;
            }
        }
        for (int i = 0; i < attempts.size(); i++) {
            intervals.add(new Interval(attempts.get(i).startEpochNanos(), attempts.get(i).endEpochNanos(), i));
        }
        int[] armOf = new int[attempts.size()];
        for (int a = 0, i = 0; a < labels.size(); a++) {
            for (int n = 0; n < logins[a]; n++) {
                armOf[i++] = a;
            }
        }
        intervals.sort(Comparator.comparingLong(Interval::start));
        long[] starts = intervals.stream().mapToLong(Interval::start).toArray();
        long[] perSignIn = new long[attempts.size()];
        long[] request = new long[labels.size()];
        long[] jit = new long[labels.size()];
        long[] stock = new long[labels.size()];
        List<Map<String, Long>> methods = new ArrayList<>();
        labels.forEach(label -> methods.add(new HashMap<>()));
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
                int signIn = signInAt(epochNanos(event.getStartTime()), starts, intervals);
                if (signIn < 0) {
                    continue;
                }
                int arm = armOf[signIn];
                perSignIn[signIn]++;
                request[arm]++;
                boolean jitFrame = false;
                boolean stockFrame = false;
                for (RecordedFrame frame : event.getStackTrace().getFrames()) {
                    String type = frame.getMethod().getType().getName();
                    if (!jitFrame && type.startsWith("io.jitprovisioning.")) {
                        methods.get(arm).merge(type.substring(type.lastIndexOf('.') + 1) + "." + frame.getMethod().getName(), 1L, Long::sum);
                        jitFrame = true;
                    }
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
            Map<String, Long> top = new LinkedHashMap<>();
            methods.get(a).entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(6)
                    .forEach(entry -> top.put(entry.getKey(), entry.getValue()));
            result.add(new Arm(labels.get(a), logins[a], request[a], jit[a], stock[a], top));
        }
        Map<Attempt, Long> samples = new IdentityHashMap<>();
        for (int i = 0; i < attempts.size(); i++) {
            samples.put(attempts.get(i), perSignIn[i]);
        }
        return new Profile(result, samples);
    }

    static Map<String, List<Attempt>> arms(Paired.Result... results) {
        Map<String, List<Attempt>> arms = new LinkedHashMap<>();
        for (Paired.Result result : results) {
            arms.computeIfAbsent(result.a(), label -> new ArrayList<>()).addAll(result.attempts(0));
            arms.computeIfAbsent(result.b(), label -> new ArrayList<>()).addAll(result.attempts(1));
        }
        return arms;
    }

    private static int signInAt(long time, long[] starts, List<Interval> intervals) {
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
        return found >= 0 && time <= intervals.get(found).end() ? intervals.get(found).signIn() : -1;
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
        StringBuilder out = new StringBuilder(Markdown.table(List.of("arm", "sign-ins", "request-thread CPU ms / sign-in",
                "JIT extension's own CPU ms / sign-in", "built-in mappers' CPU ms / sign-in"), rows));
        List<String> where = new ArrayList<>();
        for (Arm arm : arms) {
            if (!arm.jitMethods().isEmpty()) {
                StringBuilder line = new StringBuilder(arm.label()).append(": ");
                arm.jitMethods().forEach((method, count) -> line.append('`').append(method).append("` ").append(count).append(", "));
                where.add(line.substring(0, line.length() - 2));
            }
        }
        if (!where.isEmpty()) {
            out.append("\nThe extension's samples by innermost extension method (the method running, or calling into Keycloak):\n\n")
                    .append(Markdown.bullets(where));
        }
        return out.toString();
    }
}
