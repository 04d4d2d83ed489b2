package io.jitprovisioning.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.jitprovisioning.bench.Load.Attempt;

/**
 * Scenario 1: returning users signing in through {@code corp-idp} (JIT mapper) and {@code stock} (built-in
 * mappers), one after another in A B B A order. Each IdP has its own IdP users (jit-NNNNN, stock-NNNNN) with the
 * same attributes, since one IdP user cannot own two broker accounts with the same username and email.
 */
final class ReturningLogins {

    static final String TITLE = "1. Returning-user login: JIT vs built-in mappers";

    private final BenchRealms realms;
    private final BenchConfig config;
    private final Jvm jvm;
    private final Path chart;

    ReturningLogins(BenchRealms realms, BenchConfig config, Jvm jvm, Path chart) {
        this.realms = realms;
        this.config = config;
        this.jvm = jvm;
        this.chart = chart;
    }

    Section run() {
        List<String> jitUsers = realms.idpUsers("jit-", config.pool());
        List<String> stockUsers = realms.idpUsers("stock-", config.pool());
        List<Check> checks = new ArrayList<>();
        int firstLoginFailures = 0;
        for (int i = 0; i < config.pool(); i++) {
            firstLoginFailures += Load.timed(i, n -> realms.login(BenchRealms.JIT, jitUsers.get(n))).loggedIn() ? 0 : 1;
            firstLoginFailures += Load.timed(i, n -> realms.login(BenchRealms.STOCK, stockUsers.get(n))).loggedIn() ? 0 : 1;
        }
        checks.add(Check.of("s1 first logins of the pool", firstLoginFailures == 0, firstLoginFailures + " failed"));
        BenchMain.log("s1: %d accounts per IdP made; %d warm-up pairs", config.pool(), config.warmupPairs());
        pairs(config.warmupPairs(), jitUsers, stockUsers);

        Path recording = config.workDir().resolve("scenario1.jfr");
        jvm.startRecording("bench-s1", recording);
        BenchMain.log("s1: measuring %d pairs with JFR on", config.pairs());
        List<Attempt[]> measured = pairs(config.pairs(), jitUsers, stockUsers);
        jvm.stopRecording("bench-s1");
        JfrProfile.Summary profile = JfrProfile.analyse(recording);

        double[] jit = measured.stream().map(pair -> pair[0]).filter(Attempt::loggedIn).mapToDouble(Attempt::millis).toArray();
        double[] stock = measured.stream().map(pair -> pair[1]).filter(Attempt::loggedIn).mapToDouble(Attempt::millis).toArray();
        double[] ratios = measured.stream().filter(pair -> pair[0].loggedIn() && pair[1].loggedIn())
                .mapToDouble(pair -> pair[0].millis() / pair[1].millis()).toArray();
        long failed = measured.stream().flatMap(Arrays::stream).filter(a -> !a.loggedIn()).count();
        checks.add(Check.of("s1 every measured login succeeded", failed == 0, failed + " of " + 2 * measured.size() + " failed"));

        double medianRatio = Stats.median(ratios);
        Stats.Interval orderCi = Stats.medianOrderStatisticInterval(ratios);
        Stats.Interval bootCi = Stats.medianBootstrapInterval(ratios, 10_000);
        if (jit.length > 0 && stock.length > 0 && ratios.length > 0) {
            Chart.write(chart, jit, stock, ratios, orderCi, medianRatio);
        }
        writePairs(measured);
        String markdown = describe(jit, stock, ratios, medianRatio, orderCi, bootCi, profile, measured.size())
                + roleSanity(jitUsers.get(0), stockUsers.get(0));
        return new Section(TITLE, markdown, checks);
    }

    /** Pair k: user k mod pool through both IdPs; even pairs JIT first, odd pairs stock first (A B B A ...). */
    private List<Attempt[]> pairs(int count, List<String> jitUsers, List<String> stockUsers) {
        List<Attempt[]> pairs = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            int user = k % jitUsers.size();
            Attempt jit;
            Attempt stock;
            if (k % 2 == 0) {
                jit = Load.timed(k, n -> realms.login(BenchRealms.JIT, jitUsers.get(user)));
                stock = Load.timed(k, n -> realms.login(BenchRealms.STOCK, stockUsers.get(user)));
            } else {
                stock = Load.timed(k, n -> realms.login(BenchRealms.STOCK, stockUsers.get(user)));
                jit = Load.timed(k, n -> realms.login(BenchRealms.JIT, jitUsers.get(user)));
            }
            pairs.add(new Attempt[]{jit, stock});
            if ((k + 1) % 250 == 0) {
                BenchMain.log("s1: %d/%d pairs", k + 1, count);
            }
        }
        return pairs;
    }

    /** The raw pairs beside the chart, so that other statistics can be computed later. */
    private void writePairs(List<Attempt[]> measured) {
        StringBuilder csv = new StringBuilder("pair,user,first,jit_ms,jit_ok,stock_ms,stock_ok\n");
        for (int k = 0; k < measured.size(); k++) {
            Attempt[] pair = measured.get(k);
            csv.append(k).append(',').append(k % config.pool()).append(',').append(k % 2 == 0 ? "jit" : "stock").append(',')
                    .append(Markdown.fixed(pair[0].millis(), 3)).append(',').append(pair[0].loggedIn()).append(',')
                    .append(Markdown.fixed(pair[1].millis(), 3)).append(',').append(pair[1].loggedIn()).append('\n');
        }
        Path file = chart.resolveSibling(chart.getFileName().toString().replace(".png", "-pairs.csv"));
        try {
            java.nio.file.Files.writeString(file, csv.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String describe(double[] jit, double[] stock, double[] ratios, double medianRatio, Stats.Interval orderCi,
                            Stats.Interval bootCi, JfrProfile.Summary profile, int pairs) {
        Stats.Summary a = Stats.summary(jit);
        Stats.Summary b = Stats.summary(stock);
        StringBuilder out = new StringBuilder();
        out.append("Sequential (one simulated browser), ").append(pairs).append(" measured pairs after ")
                .append(config.warmupPairs()).append(" warm-up pairs, ").append(config.pool())
                .append(" returning users per IdP. Latency = the whole SP-initiated login, client side (OIDC auth request, ")
                .append("AuthnRequest, IdP login form, SAMLResponse, broker endpoint, redirect with code). logins/s = 1 / mean.\n\n");
        out.append(Markdown.table(Markdown.LATENCY_HEADER, List.of(
                Markdown.latencyRow("jit (`corp-idp`: JIT mapper + JIT step)", a, Markdown.fixed(a.sequentialPerSecond(), 2)),
                Markdown.latencyRow("stock (16 built-in mappers, sync FORCE)", b, Markdown.fixed(b.sequentialPerSecond(), 2)))));
        boolean met = medianRatio <= 1.02 && orderCi.high() <= 1.05;
        out.append('\n').append(Markdown.table(List.of("jit / stock", "value"), List.of(
                List.of("**median of per-pair ratios**", "**" + Markdown.fixed(medianRatio, 3) + "**"),
                List.of("95% CI (order statistics)", Markdown.fixed(orderCi.low(), 3) + " - " + Markdown.fixed(orderCi.high(), 3)),
                List.of("95% CI (bootstrap, 10,000 resamples)", Markdown.fixed(bootCi.low(), 3) + " - " + Markdown.fixed(bootCi.high(), 3)),
                List.of("ratio of medians", Markdown.fixed(a.median() / b.median(), 3)),
                List.of("ratio of means", Markdown.fixed(a.mean() / b.mean(), 3)),
                List.of("pairs with jit faster", Long.toString(Arrays.stream(ratios).filter(r -> r < 1).count()) + " of " + ratios.length),
                List.of("target (median <= 1.02, upper CI <= 1.05)", met ? "met" : "**not met**"))));
        out.append("\n![latency CDF and per-pair ratios](").append(chart.getFileName()).append(")\n\nRaw pairs: `")
                .append(chart.getFileName().toString().replace(".png", "-pairs.csv")).append("`.\n\n");
        out.append("#### Where the extension's time goes (JFR)\n\n").append(ProfileMarkdown.render(profile, pairs, pairs));
        return out.toString();
    }

    private String roleSanity(String jitUser, String stockUser) {
        return "\nSanity: realm roles after the run (besides default-roles): `" + jitUser + "` (jit) " + realms.realmRolesOf(jitUser)
                + ", `" + stockUser + "` (stock) " + realms.realmRolesOf(stockUser)
                + " (stock's Hardcoded Role grants `" + BenchRealms.DEFAULT_ROLE + "` always; JIT grants it only when no role is sent).\n";
    }
}
