package io.jitprovisioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keycloak's JVM seen from outside: jcmd for GC, heap and flight recordings, /proc for resident memory. */
final class Jvm {

    private static final Pattern HEAP_USED = Pattern.compile("total (\\d+)K, used (\\d+)K");
    private static final Pattern HISTOGRAM_LINE = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

    record ClassCount(long instances, long bytes) {
    }

    private final long pid;

    Jvm(long pid) {
        this.pid = pid;
    }

    long pid() {
        return pid;
    }

    String jcmd(String... command) {
        List<String> line = new ArrayList<>(List.of("jcmd", Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
                throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Two full collections a second apart, so that what is left is what is still referenced. */
    void collectGarbage() {
        jcmd("GC.run");
        sleep(1000);
        jcmd("GC.run");
    }

    long residentKilobytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
            throw new IllegalStateException("No VmRSS for " + pid);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Heap in use, in KiB, as G1 reports it (call right after {@link #collectGarbage()} for the live size). */
    long heapUsedKilobytes() {
        Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
        if (!matcher.find()) {
            throw new IllegalStateException("Unexpected GC.heap_info output");
        }
        return Long.parseLong(matcher.group(2));
    }

    long heapCommittedKilobytes() {
        Matcher matcher = HEAP_USED.matcher(jcmd("GC.heap_info"));
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }

    /** Live objects per class (the histogram itself runs a full collection first). */
    Map<String, ClassCount> classHistogram() {
        Map<String, ClassCount> counts = new LinkedHashMap<>();
        for (String line : jcmd("GC.class_histogram").split("\n")) {
            Matcher matcher = HISTOGRAM_LINE.matcher(line);
            if (matcher.find()) {
                counts.merge(matcher.group(3), new ClassCount(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2))),
                        (a, b) -> new ClassCount(a.instances() + b.instances(), a.bytes() + b.bytes()));
            }
        }
        return counts;
    }

    void startRecording(String name, Path file) {
        jcmd("JFR.start", "name=" + name, "settings=profile", "filename=" + file.toAbsolutePath());
    }

    /** A recording with the given settings file (.jfc). */
    void startRecording(String name, Path file, Path settings) {
        jcmd("JFR.start", "name=" + name, "settings=" + settings.toAbsolutePath(), "filename=" + file.toAbsolutePath());
    }

    void stopRecording(String name) {
        jcmd("JFR.stop", "name=" + name);
    }

    /** The JVM's version line and the heap options kc.sh gave it. */
    String describe() {
        String version = jcmd("VM.version").lines().filter(line -> line.contains("VM") || line.startsWith("JDK"))
                .findFirst().orElse("?").trim();
        String heap = jcmd("VM.command_line").lines().filter(line -> line.startsWith("jvm_args"))
                .flatMap(line -> java.util.Arrays.stream(line.split(" ")))
                .filter(arg -> arg.startsWith("-Xm") || arg.startsWith("-XX:+Use") && arg.endsWith("GC"))
                .reduce((a, b) -> a + " " + b).orElse("?");
        return version + "; " + heap;
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
