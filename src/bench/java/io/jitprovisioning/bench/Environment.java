package io.jitprovisioning.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** What the numbers were measured on. */
record Environment(String revision, String cpu, int cores, String memory, String driverJava, String keycloakJvm,
                   String keycloakVersion, String loadAtStart, List<String> scenarioTimes) {

    static Environment capture(BenchConfig config, Jvm jvm) {
        String revision = System.getenv("BENCH_REVISION");
        return new Environment(revision == null ? "?" : revision, firstLine(Path.of("/proc/cpuinfo"), "model name"), Runtime.getRuntime().availableProcessors(),
                firstLine(Path.of("/proc/meminfo"), "MemTotal"), System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version"), jvm.describe(),
                firstLine(config.keycloakHome().resolve("version.txt"), ""), loadAverage(), new ArrayList<>());
    }

    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(line -> line.startsWith(prefix)).findFirst()
                    .map(line -> line.contains(":") && !prefix.isEmpty() ? line.substring(line.indexOf(':') + 1).trim() : line.trim())
                    .orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }
}
