package io.jitprovisioning.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * What scenarios 6 to 8 share: the small and large realms (made on first use, with their setup time), the paired
 * comparisons for the summary chart, and the growth curve.
 */
final class ScaleRun {

    /**
     * A paired comparison as the chart and the summary show it; {@code cpu}: the same pairs' ratios of
     * request-thread CPU (JFR), which the machine's other load disturbs much less than wall time.
     */
    record Ratio(String label, Paired.Comparison comparison, Cpu cpu, double targetMedian, double targetUpper) {

        boolean met() {
            return comparison.medianRatio() <= targetMedian && (Double.isNaN(targetUpper) || comparison.orderCi().high() <= targetUpper);
        }
    }

    /**
     * Request-thread CPU of arm A over arm B: total over the pairs (a sign-in has only some 15 samples, too few for
     * per-pair ratios), with a 95% bootstrap interval resampling the pairs.
     */
    record Cpu(int pairs, double median, Stats.Interval ci) {
        static Cpu of(double[][] pairs) {
            double[] a = pairs[0];
            double[] b = pairs[1];
            int n = a.length;
            if (n == 0) {
                return new Cpu(0, Double.NaN, new Stats.Interval(Double.NaN, Double.NaN));
            }
            java.util.SplittableRandom random = new java.util.SplittableRandom(20261202L);
            double[] ratios = new double[2000];
            for (int r = 0; r < ratios.length; r++) {
                double sumA = 0;
                double sumB = 0;
                for (int i = 0; i < n; i++) {
                    int k = random.nextInt(n);
                    sumA += a[k];
                    sumB += b[k];
                }
                ratios[r] = sumA / sumB;
            }
            java.util.Arrays.sort(ratios);
            return new Cpu(n, java.util.Arrays.stream(a).sum() / java.util.Arrays.stream(b).sum(),
                    new Stats.Interval(Stats.percentile(ratios, 2.5), Stats.percentile(ratios, 97.5)));
        }
    }

    final BenchConfig config;
    final AdminApi admin;
    final Jvm jvm;
    final Path chart;
    final Map<String, Double> setupSeconds = new LinkedHashMap<>();
    final List<Ratio> ratios = new ArrayList<>();
    GrowthCurve.Result growth;
    private SamlBrokerFixture small;
    private SamlBrokerFixture large;

    ScaleRun(BenchConfig config, AdminApi admin, Jvm jvm, Path chart) {
        this.config = config;
        this.admin = admin;
        this.jvm = jvm;
        this.chart = chart;
    }

    BenchConfig.Scale sizes() {
        return config.scale();
    }

    SamlBrokerFixture small() {
        if (small == null) {
            small = timed("`" + ScaleRealms.SMALL + "` (about 20 realm roles)", () -> ScaleRealms.small(admin));
        }
        return small;
    }

    SamlBrokerFixture large() {
        if (large == null) {
            BenchConfig.Scale s = sizes();
            large = timed(String.format("`%s` (%,d realm roles, %,d clients x %d roles, %,d groups; stock IdP with %d mappers)",
                    ScaleRealms.LARGE, s.largeRoles(), s.largeClients(), ScaleRealms.CLIENT_ROLES, s.largeGroups(),
                    ScaleRealms.stockMappers().size()), () -> ScaleRealms.large(admin, s.largeRoles(), s.largeClients(), s.largeGroups()));
        }
        return large;
    }

    <T> T timed(String what, Supplier<T> setup) {
        BenchMain.log("setting up %s", what);
        long start = System.nanoTime();
        T result = setup.get();
        double seconds = (System.nanoTime() - start) / 1e9;
        setupSeconds.put(what, seconds);
        BenchMain.log("set up in %.1f s", seconds);
        return result;
    }

    String setupTable() {
        List<List<String>> rows = new ArrayList<>();
        setupSeconds.forEach((what, seconds) -> rows.add(List.of(what, Markdown.fixed(seconds, 1))));
        return Markdown.table(List.of("realm set up (admin REST and partial import in chunks)", "seconds"), rows);
    }

    void writeChart() {
        if (growth != null || !ratios.isEmpty()) {
            ScaleChart.write(chart, growth, ratios);
        }
    }

    /** Realm and client roles of a broker account (clientId.role), default roles aside, sorted; null without account. */
    static List<String> rolesOf(SamlBrokerFixture fixture, String username) {
        var user = fixture.brokerUser(username);
        if (user == null) {
            return null;
        }
        var mappings = fixture.admin().get("/" + fixture.brokerRealm() + "/users/" + user.getId() + "/role-mappings").expect(200).json();
        List<String> roles = new ArrayList<>();
        mappings.path("realmMappings").forEach(role -> roles.add(role.get("name").asText()));
        mappings.path("clientMappings").forEach(client -> client.path("mappings")
                .forEach(role -> roles.add(client.get("client").asText() + "." + role.get("name").asText())));
        return roles.stream().filter(name -> !name.startsWith("default-roles-")).sorted().toList();
    }

    /** The roles a JIT account of the small or large realm must hold; the stock IdP's accounts hold the default role too. */
    static List<String> expectedRoles(boolean stock) {
        List<String> roles = new ArrayList<>(ScaleRealms.expectedRealmRoles());
        roles.add(ScaleRealms.CLIENT_WITH_ROLE + ".reader");
        if (stock) {
            roles.add(ScaleRealms.DEFAULT_ROLE);
        }
        return roles.stream().sorted().toList();
    }

    /** Markdown rows of comparisons: pairs, medians, ratio and CIs, target. */
    static String comparisonTable(List<Ratio> ratios) {
        List<List<String>> rows = new ArrayList<>();
        for (Ratio ratio : ratios) {
            Paired.Comparison c = ratio.comparison();
            String target = "median <= " + Markdown.fixed(ratio.targetMedian(), 2)
                    + (Double.isNaN(ratio.targetUpper()) ? "" : ", upper CI <= " + Markdown.fixed(ratio.targetUpper(), 2));
            rows.add(List.of(ratio.label(), Integer.toString(c.pairs()), Markdown.ms(c.aLatency().median()) + " / " + Markdown.ms(c.bLatency().median()),
                    "**" + Markdown.fixed(c.medianRatio(), 3) + "**",
                    Markdown.fixed(c.orderCi().low(), 3) + " - " + Markdown.fixed(c.orderCi().high(), 3),
                    Markdown.fixed(c.bootstrapCi().low(), 3) + " - " + Markdown.fixed(c.bootstrapCi().high(), 3),
                    c.aFaster() + " of " + c.pairs(), target + ": " + (ratio.met() ? "met" : "**not met**"),
                    ratio.cpu() == null ? "" : Markdown.fixed(ratio.cpu().median(), 3) + " (" + Markdown.fixed(ratio.cpu().ci().low(), 3)
                            + " - " + Markdown.fixed(ratio.cpu().ci().high(), 3) + ")"));
        }
        return Markdown.table(List.of("A / B", "pairs", "median ms A / B", "median of per-pair ratios", "95% CI (order statistics)",
                "95% CI (bootstrap)", "pairs with A faster", "target", "CPU A / B (JFR, 95% CI)"), rows);
    }
}
