package io.jitprovisioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes {@code <results>/<stamp>.md} (beside the scenario-1 chart) and refreshes {@code LATEST.md}. */
final class Report {

    private Report() {
    }

    static Path write(BenchConfig config, Environment environment, List<Section> sections, String stamp, ScaleRun scale) {
        StringBuilder out = new StringBuilder();
        out.append("# JIT provisioning benchmark, ").append(stamp).append(config.smoke() ? " (smoke)" : "").append("\n\n");
        out.append("Command: `").append(config.command()).append("`\n\n");
        out.append(settings(config)).append('\n');
        if (environment != null) {
            out.append(Markdown.table(List.of("environment", ""), List.of(
                    List.of("extension revision", environment.revision()),
                    List.of("CPU", environment.cpu() + ", " + environment.cores() + " cores"),
                    List.of("memory", environment.memory()),
                    List.of("Keycloak", environment.keycloakVersion() + ", from the distribution (`kc.sh start-dev`), one server for IdP and broker realm"),
                    List.of("database", "dev-file H2 (Keycloak's `start-dev` default), fresh for the run"),
                    List.of("Keycloak JVM", environment.keycloakJvm()),
                    List.of("driver JVM", environment.driverJava() + ", same machine (it competes for the same cores)"),
                    List.of("IdP realm", "passwords hashed with `hashIterations(1)`: the IdP stands in for an external system; "
                            + "its default 210,000 PBKDF2 rounds would dominate every login equally"),
                    List.of("load average at start", environment.loadAtStart() + " (other builds on the machine show here)"),
                    List.of("scenario times", String.join("; ", environment.scenarioTimes())))));
        }
        if (scale != null && (!scale.ratios.isEmpty() || scale.growth != null)) {
            out.append("\n## Scale targets (scenarios 6 to 8)\n\n").append(scaleSummary(scale));
        }
        out.append("\n## Checks\n\n").append(checks(sections));
        for (Section section : sections) {
            out.append("\n## ").append(section.title()).append("\n\n").append(section.markdown());
        }
        try {
            Files.createDirectories(config.resultsDir());
            Path file = config.resultsDir().resolve(stamp + ".md");
            Files.writeString(file, out.toString());
            Files.writeString(config.resultsDir().resolve("LATEST.md"), out.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String scaleSummary(ScaleRun scale) {
        StringBuilder out = new StringBuilder();
        if (!scale.ratios.isEmpty()) {
            out.append(ScaleRun.comparisonTable(scale.ratios));
        }
        GrowthCurve.Result growth = scale.growth;
        if (growth != null) {
            out.append("\nGrowth curve (").append(growth.points().size()).append(" points, ").append(growth.rounds())
                    .append(" rounds), largest distance from the smallest point (target within ")
                    .append(Markdown.fixed(100 * GrowthCurve.TOLERANCE, 0)).append("%):");
            for (GrowthCurve.Basis basis : GrowthCurve.Basis.values()) {
                out.append(basis == GrowthCurve.Basis.WHOLE ? " " : "; ").append(basis.label).append(" **")
                        .append(Markdown.fixed(100 * growth.spread(basis), 1)).append("%** (").append(growth.met(basis) ? "met" : "**not met**")
                        .append("), along the realm-size axis ").append(Markdown.fixed(100 * growth.sizeSpread(basis), 1))
                        .append("%, net of what Keycloak's built-in mappers pay for the same values ")
                        .append(Markdown.fixed(100 * growth.netSpread(basis), 1)).append('%');
            }
            out.append("; JIT's own CPU per sign-in from ")
                    .append(Markdown.fixed(growth.points().stream().mapToDouble(p -> p.cpu().jitMillisPerLogin()).min().orElse(Double.NaN), 2))
                    .append(" to ").append(Markdown.fixed(growth.points().stream().mapToDouble(p -> p.cpu().jitMillisPerLogin()).max().orElse(Double.NaN), 2))
                    .append(" ms.\n");
        }
        out.append("\n![growth curve and paired comparisons](").append(scale.chart.getFileName()).append(")\n");
        return out.toString();
    }

    private static String settings(BenchConfig c) {
        BenchConfig.Scale s = c.scale();
        return Markdown.table(List.of("setting (env var)", "value"), List.of(
                List.of("SCENARIOS", c.scenarios().toString()),
                List.of("PAIRS", Integer.toString(c.pairs())),
                List.of("WARMUP_PAIRS", Integer.toString(c.warmupPairs())),
                List.of("POOL (returning users per IdP)", Integer.toString(c.pool())),
                List.of("NEW_USERS", Integer.toString(c.newUsers())),
                List.of("CONCURRENCY", Integer.toString(c.concurrency())),
                List.of("RACE x RACE_ROUNDS", c.race() + " x " + c.raceRounds()),
                List.of("CHURN", Integer.toString(c.churn())),
                List.of("MEMORY_LOGINS (after MEMORY_WARMUP)", c.memoryLogins() + " (after " + c.memoryWarmup() + ")"),
                List.of("LARGE_ROLES / LARGE_CLIENTS / LARGE_GROUPS", s.largeRoles() + " / " + s.largeClients() + " / " + s.largeGroups()),
                List.of("SCALE_PAIRS (after SCALE_WARMUP), SCALE_POOL", s.pairs() + " (after " + s.warmupPairs() + "), " + s.pool()),
                List.of("FIRST_PAIRS", Integer.toString(s.firstPairs())),
                List.of("GROWTH_ROUNDS x GROWTH_ROLES x GROWTH_VALUES, GROWTH_POOL",
                        s.growthRounds() + " x " + s.growthRoles() + " x " + s.growthValues() + ", " + s.growthPool())));
    }

    private static String checks(List<Section> sections) {
        List<List<String>> rows = new ArrayList<>();
        for (Section section : sections) {
            for (Check check : section.checks()) {
                rows.add(List.of(check.passed() ? "pass" : "**FAIL**", check.name(), check.detail()));
            }
        }
        return Markdown.table(List.of("", "check", "detail"), rows);
    }
}
