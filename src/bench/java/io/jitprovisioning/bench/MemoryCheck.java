package io.jitprovisioning.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scenario 5: Keycloak's memory before and after many returning logins through the JIT IdP. Before each reading
 * every session of both realms is signed out (sessions are expected to hold memory, whichever mapper ran) and two
 * full collections run; then resident memory, live heap, and the live objects of the extension's classes are read.
 */
final class MemoryCheck {

    static final String TITLE = "5. Memory";
    private static final int CHECKPOINTS = 4;

    private final BenchRealms realms;
    private final BenchConfig config;
    private final Jvm jvm;

    MemoryCheck(BenchRealms realms, BenchConfig config, Jvm jvm) {
        this.realms = realms;
        this.config = config;
        this.jvm = jvm;
    }

    private record Reading(int logins, long rssKb, long heapUsedKb, long heapCommittedKb, long jitInstances,
                           Map<String, Jvm.ClassCount> histogram) {
    }

    Section run() {
        List<String> users = realms.idpUsers("mem-", Math.max(1, config.pool()));
        for (String user : users) {
            realms.login(BenchRealms.JIT, user);
        }
        BenchMain.log("s5: %d warm-up logins", config.memoryWarmup());
        logins(users, config.memoryWarmup());
        List<Reading> readings = new ArrayList<>();
        readings.add(read(0));
        long failed = 0;
        int done = 0;
        List<List<String>> throughput = new ArrayList<>();
        for (int c = 1; c <= CHECKPOINTS; c++) {
            int chunk = config.memoryLogins() * c / CHECKPOINTS - done;
            Load.Run run = logins(users, chunk);
            failed += chunk - run.count(Outcome.LOGGED_IN);
            done += chunk;
            Stats.Summary latency = Stats.summary(run.loggedInMillis());
            throughput.add(Markdown.latencyRow("logins " + (done - chunk + 1) + "-" + done, latency, Markdown.fixed(run.loginsPerSecond(), 2)));
            readings.add(read(done));
            BenchMain.log("s5: %d/%d logins", done, config.memoryLogins());
        }
        Reading first = readings.get(0);
        Reading last = readings.get(readings.size() - 1);
        StringBuilder out = new StringBuilder();
        out.append(config.memoryLogins()).append(" returning logins through `corp-idp` (").append(users.size())
                .append(" users, concurrency ").append(config.concurrency()).append(") after ").append(config.memoryWarmup())
                .append(" warm-up logins. Before each reading: `logout-all` in both realms, then `jcmd GC.run` twice. ")
                .append("RSS = VmRSS of Keycloak's java process; heap = `GC.heap_info` used after GC; extension objects = ")
                .append("live instances of `io.jitprovisioning.*` in `GC.class_histogram`.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (Reading reading : readings) {
            rows.add(List.of(Integer.toString(reading.logins()), Markdown.mb(reading.rssKb()), Markdown.mb(reading.heapUsedKb()),
                    Markdown.mb(reading.heapCommittedKb()), Long.toString(reading.jitInstances())));
        }
        out.append(Markdown.table(List.of("after logins", "RSS MB", "heap used after GC MB", "heap committed MB", "extension objects"), rows));
        long heapGrowth = last.heapUsedKb() - first.heapUsedKb();
        long rssGrowth = last.rssKb() - first.rssKb();
        out.append('\n').append(Markdown.table(List.of("growth over " + config.memoryLogins() + " logins", "MB", "KB per 1,000 logins"), List.of(
                List.of("RSS", Markdown.mb(rssGrowth), Markdown.fixed(rssGrowth * 1000.0 / config.memoryLogins(), 0)),
                List.of("heap used after GC", Markdown.mb(heapGrowth), Markdown.fixed(heapGrowth * 1000.0 / config.memoryLogins(), 0)))));
        out.append("\nLive-object growth, largest first (classes, first to last reading):\n\n").append(topGrowth(first, last));
        out.append("\nThroughput while measuring:\n\n").append(Markdown.table(Markdown.LATENCY_HEADER, throughput));
        boolean extensionFlat = last.jitInstances() <= first.jitInstances() + 50;
        out.append("\nJudgement: the extension holds ").append(last.jitInstances()).append(" live objects after ")
                .append(config.memoryLogins()).append(" logins against ").append(first.jitInstances()).append(" before: ")
                .append(extensionFlat ? "it retains nothing per login." : "**it retains objects per login.**")
                .append(" Heap after GC moved by ").append(Markdown.mb(heapGrowth)).append(" MB and RSS by ")
                .append(Markdown.mb(rssGrowth)).append(" MB; see the class growth above for what holds it.\n");
        List<Check> checks = List.of(
                Check.of("s5 every login succeeded", failed == 0, failed + " failed"),
                Check.of("s5 extension retains no objects per login", extensionFlat,
                        first.jitInstances() + " -> " + last.jitInstances()));
        return new Section(TITLE, out.toString(), checks);
    }

    private Load.Run logins(List<String> users, int count) {
        return Load.run(count, config.concurrency(), i -> realms.login(BenchRealms.JIT, users.get(i % users.size())));
    }

    private Reading read(int logins) {
        realms.logoutEverybody();
        jvm.collectGarbage();
        long heap = jvm.heapUsedKilobytes();
        long committed = jvm.heapCommittedKilobytes();
        long rss = jvm.residentKilobytes();
        Map<String, Jvm.ClassCount> histogram = jvm.classHistogram();
        long jit = histogram.entrySet().stream().filter(e -> e.getKey().startsWith("io.jitprovisioning."))
                .mapToLong(e -> e.getValue().instances()).sum();
        return new Reading(logins, rss, heap, committed, jit, histogram);
    }

    private static String topGrowth(Reading first, Reading last) {
        List<List<String>> rows = last.histogram().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue().bytes() - first.histogram().getOrDefault(e.getKey(), new Jvm.ClassCount(0, 0)).bytes()))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(8)
                .map(e -> List.of("`" + e.getKey() + "`", Markdown.fixed(e.getValue() / 1024.0, 0),
                        Long.toString(last.histogram().get(e.getKey()).instances()
                                - first.histogram().getOrDefault(e.getKey(), new Jvm.ClassCount(0, 0)).instances())))
                .toList();
        return Markdown.table(List.of("class", "KB more", "instances more"), rows);
    }
}
