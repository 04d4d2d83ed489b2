package io.jitprovisioning.bench;

import java.nio.file.Path;

/**
 * What one benchmark run does, from environment variables (bench/run documents them) and the system properties
 * the Maven profile sets. Every count has a full-run default and a smoke default of about 20 logins.
 */
record BenchConfig(boolean smoke, int pairs, int warmupPairs, int pool, int newUsers, int concurrency, int race,
                   int raceRounds, int churn, int memoryLogins, int memoryWarmup, Path keycloakHome, Path providerJar,
                   int port, int managementPort, Path resultsDir, Path workDir, String command) {

    static BenchConfig fromEnvironment() {
        boolean smoke = "1".equals(System.getenv("SMOKE")) || "true".equalsIgnoreCase(System.getenv("SMOKE"));
        Path home = Path.of(required("bench.kc.home"));
        Path work = home.getParent();
        Path results = Path.of(env("RESULTS_DIR", smoke ? work.resolve("smoke-results").toString() : "bench/results"));
        return new BenchConfig(smoke,
                number("PAIRS", smoke ? 20 : 1000),
                number("WARMUP_PAIRS", smoke ? 5 : 200),
                number("POOL", smoke ? 10 : 100),
                number("NEW_USERS", smoke ? 20 : 2000),
                number("CONCURRENCY", 8),
                number("RACE", 20),
                number("RACE_ROUNDS", smoke ? 1 : 3),
                number("CHURN", smoke ? 20 : 1000),
                number("MEMORY_LOGINS", smoke ? 20 : 10000),
                number("MEMORY_WARMUP", smoke ? 10 : 1000),
                home,
                Path.of(required("bench.provider.jar")),
                Integer.parseInt(required("bench.port")),
                Integer.parseInt(required("bench.management.port")),
                results.toAbsolutePath(),
                work,
                env("BENCH_COMMAND", smoke ? "bench/run --smoke" : "bench/run"));
    }

    private static int number(String name, int defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : Integer.parseInt(value.trim());
    }

    private static String env(String name, String defaultValue) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? defaultValue : value;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: start the benchmark with bench/run");
        }
        return value;
    }
}
