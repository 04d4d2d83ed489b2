package io.jitprovisioning.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one benchmark run does, from environment variables (bench/run documents them) and the system properties
 * the Maven profile sets. Every count has a full-run default and a smoke default of about 20 logins.
 */
record BenchConfig(boolean smoke, int pairs, int warmupPairs, int pool, int newUsers, int concurrency, int race,
                   int raceRounds, int churn, int memoryLogins, int memoryWarmup, Path keycloakHome, Path providerJar,
                   int port, int managementPort, Path resultsDir, Path workDir, String command, Set<Integer> scenarios,
                   Scale scale) {

    /** Sizes of the scale scenarios (6 to 8). */
    record Scale(int largeRoles, int largeClients, int largeGroups, int pairs, int warmupPairs, int pool, int firstPairs,
                 int growthRounds, List<Integer> growthRoles, List<Integer> growthValues, int growthPool,
                 boolean growthSaveEvents) {
    }

    boolean runs(int scenario) {
        return scenarios.contains(scenario);
    }

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
                env("BENCH_COMMAND", smoke ? "bench/run --smoke" : "bench/run"),
                new TreeSet<>(numbers("SCENARIOS", "1,2,3,4,5,6,7,8")),
                new Scale(
                        number("LARGE_ROLES", smoke ? 500 : 10_000),
                        number("LARGE_CLIENTS", smoke ? 50 : 1000),
                        number("LARGE_GROUPS", smoke ? 200 : 5000),
                        number("SCALE_PAIRS", smoke ? 10 : 300),
                        number("SCALE_WARMUP", smoke ? 2 : 30),
                        number("SCALE_POOL", smoke ? 3 : 20),
                        number("FIRST_PAIRS", smoke ? 6 : 200),
                        number("GROWTH_ROUNDS", smoke ? 4 : 300),
                        numbers("GROWTH_ROLES", smoke ? "10,1000" : "10,100,1000,10000"),
                        numbers("GROWTH_VALUES", "1,10,100"),
                        number("GROWTH_POOL", smoke ? 2 : 5),
                        !"false".equalsIgnoreCase(env("GROWTH_SAVE_EVENTS", "true"))));
    }

    private static List<Integer> numbers(String name, String defaultValue) {
        return Arrays.stream(env(name, defaultValue).split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(Integer::parseInt).toList();
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
