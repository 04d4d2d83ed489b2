package io.jitprovisioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.KeycloakServer;

/**
 * The benchmark driver that bench/run starts: a fresh Keycloak from the distribution with the extension, the
 * benchmark realms, the scenarios one after another (all eight, or those in SCENARIOS), the results file, and
 * Keycloak stopped again.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchConfig config = BenchConfig.fromEnvironment();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm"));
        KeycloakServer server = new KeycloakServer(config.keycloakHome(), config.port(), config.managementPort(), List.of(),
                Map.of("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + config.keycloakHome().resolve("tmp")));
        if (server.isReady()) {
            throw new IllegalStateException("Something already answers on management port " + config.managementPort());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-keycloak"));
        List<Section> sections = new ArrayList<>();
        Environment environment;
        ScaleRun summary = null;
        try {
            server.wipeData();
            server.installProvider(config.providerJar());
            log("starting Keycloak from %s on port %d", config.keycloakHome(), config.port());
            server.start(Duration.ofMinutes(10)); // a busy shared machine has taken over 5
            Jvm jvm = new Jvm(server.javaProcess().orElseThrow().pid());
            writePids(config.workDir().resolve("keycloak.pids"), server, jvm);
            environment = Environment.capture(config, jvm);
            BenchRealms realms = BenchRealms.create(new AdminApi(server.baseUrl()));
            log("realms ready");
            Files.createDirectories(config.resultsDir());
            Path chart = config.resultsDir().resolve(stamp + ".png");
            if (config.runs(1)) {
                sections.add(scenario(ReturningLogins.TITLE, () -> new ReturningLogins(realms, config, jvm, chart).run(), environment));
            }
            if (config.runs(2)) {
                sections.add(scenario(FirstLogins.TITLE, () -> new FirstLogins(realms, config, jvm).run(), environment));
            }
            if (config.runs(3)) {
                sections.add(scenario(SameUserRace.TITLE, () -> new SameUserRace(realms, config).run(), environment));
            }
            if (config.runs(4)) {
                sections.add(scenario(RoleChurn.TITLE, () -> new RoleChurn(realms, config).run(), environment));
            }
            if (config.runs(5)) {
                sections.add(scenario(MemoryCheck.TITLE, () -> new MemoryCheck(realms, config, jvm).run(), environment));
            }
            ScaleRun scale = new ScaleRun(config, new AdminApi(server.baseUrl()), jvm, config.resultsDir().resolve(stamp + "-scale.png"));
            if (config.runs(6)) {
                sections.add(scenario(LargeRealm.TITLE, () -> new LargeRealm(scale).run(), environment));
            }
            if (config.runs(7)) {
                sections.add(scenario(FirstLoginVsKeycloak.TITLE, () -> new FirstLoginVsKeycloak(scale).run(), environment));
            }
            if (config.runs(8)) {
                sections.add(scenario(GrowthCurve.TITLE, () -> new GrowthCurve(scale).run(), environment));
            }
            scale.writeChart();
            summary = scale;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            log("stopping Keycloak");
            server.stop();
        }
        Path results = Report.write(config, environment, sections, stamp, summary);
        long failed = sections.stream().flatMap(section -> section.checks().stream()).filter(check -> !check.passed()).count();
        long passed = sections.stream().mapToLong(section -> section.checks().size()).sum() - failed;
        sections.stream().flatMap(section -> section.checks().stream()).filter(check -> !check.passed())
                .forEach(check -> log("FAILED %s: %s", check.name(), check.detail()));
        log("results: %s", results);
        System.out.println("bench checks: " + passed + " passed, " + failed + " failed");
        System.exit(failed == 0 ? 0 : 1);
    }

    /** A scenario that throws is reported as failed; the others still run. */
    private static Section scenario(String title, Supplier<Section> run, Environment environment) {
        log("%s", title);
        String loadBefore = Environment.loadAverage();
        long start = System.nanoTime();
        Section section;
        try {
            section = run.get();
        } catch (RuntimeException e) {
            e.printStackTrace();
            section = Section.failed(title, e);
        }
        double minutes = (System.nanoTime() - start) / 6e10;
        String footer = "\n_Scenario time " + Markdown.fixed(minutes, 1) + " min; load average (1/5/15 min) before: "
                + loadBefore + ", after: " + Environment.loadAverage() + "._\n";
        environment.scenarioTimes().add(title + ": " + Markdown.fixed(minutes, 1) + " min");
        return new Section(section.title(), section.markdown() + footer, section.checks());
    }

    /** For bench/run's exit trap: it kills these if the driver could not stop Keycloak itself. */
    private static void writePids(Path file, KeycloakServer server, Jvm jvm) throws IOException {
        StringBuilder pids = new StringBuilder(Long.toString(jvm.pid()));
        server.javaProcess().flatMap(ProcessHandle::parent)
                .filter(parent -> parent.pid() != ProcessHandle.current().pid()) // kc.sh, unless it became the JVM itself
                .ifPresent(parent -> pids.append('\n').append(parent.pid()));
        Files.writeString(file, pids.append('\n').toString());
    }

    static void log(String format, Object... args) {
        System.out.printf("[bench %s] %s%n", LocalDateTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")),
                String.format(format, args));
        System.out.flush();
    }
}
