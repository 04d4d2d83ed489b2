package io.jitprovisioning.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * Scenario 7: the first sign-in (account created, roles, profile, no page shown) through the JIT mapper and step,
 * against Keycloak's own first-broker-login doing the least it can (Create User If Unique alone, no review page)
 * with the built-in mappers for the same attributes and roles, in the large realm, in A B B A pairs. Every pair
 * signs in two identities never seen before.
 */
final class FirstLoginVsKeycloak {

    static final String TITLE = "7. First sign-in: JIT against Keycloak's own first-broker-login";

    private final ScaleRun scale;

    FirstLoginVsKeycloak(ScaleRun scale) {
        this.scale = scale;
    }

    Section run() {
        BenchConfig.Scale sizes = scale.sizes();
        SamlBrokerFixture large = scale.large();
        int warmup = Math.max(2, sizes.warmupPairs() / 3);
        int count = warmup + sizes.firstPairs();
        List<String> values = ScaleRealms.scaleValues();
        BenchMain.log("s7: creating %d new IdP users per arm", count);
        List<String> jitUsers = ScaleRealms.idpUsers(large, "first-jit-", count, values);
        List<String> stockUsers = ScaleRealms.idpUsers(large, "first-stock-", count, values);
        Paired.Arm jit = new Paired.Arm("first sign-in, JIT", k -> ScaleRealms.login(large, LargeRealm.JIT, jitUsers.get(k)));
        Paired.Arm stock = new Paired.Arm("first sign-in, Keycloak's own", k -> ScaleRealms.login(large, ScaleRealms.STOCK, stockUsers.get(k)));

        Paired.run("s7 warm-up", warmup, offset(jit, 0), offset(stock, 0));
        Path recording = scale.config.workDir().resolve("scenario7.jfr");
        scale.jvm.startRecording("bench-s7", recording, ArmProfile.settings(scale.config.workDir()));
        BenchMain.log("s7: measuring %d pairs of first sign-ins with JFR on", sizes.firstPairs());
        Paired.Result result = Paired.run("s7 first sign-ins", sizes.firstPairs(), offset(jit, warmup), offset(stock, warmup));
        scale.jvm.stopRecording("bench-s7");
        ArmProfile.Profile profile = ArmProfile.analyse(recording, ArmProfile.arms(result));
        ScaleRun.Ratio ratio = new ScaleRun.Ratio("first sign-in: JIT / Keycloak's own", result.comparison(),
                ScaleRun.Cpu.of(profile.cpuPairs(result)), 1.05, Double.NaN);
        scale.ratios.add(ratio);

        List<Check> checks = new ArrayList<>();
        long failed = result.failures();
        checks.add(Check.of("s7 every first sign-in succeeded", failed == 0, failed + " of " + 2 * sizes.firstPairs() + " failed"));
        List<String> wrong = new ArrayList<>();
        List<Integer> sample = sampleIndexes(count, 10);
        for (int i : sample) {
            check(large, jitUsers.get(i), false, wrong);
            check(large, stockUsers.get(i), true, wrong);
        }
        checks.add(Check.of("s7 new accounts exist, linked, with exactly the roles the values name (" + 2 * sample.size() + " checked)",
                wrong.isEmpty(), wrong.isEmpty() ? "" : String.join("; ", wrong.subList(0, Math.min(3, wrong.size())))));

        StringBuilder out = new StringBuilder();
        out.append("Realm `").append(ScaleRealms.LARGE).append("`, the IdP users of scenario 6's kind (").append(values.size())
                .append(" role values, ").append(ScaleRealms.SENT_NOTHING).append(" naming nothing), each signing in once. ")
                .append("JIT: IdP `corp-idp`, the JIT mapper and the JIT step. Keycloak's own: IdP `stock`, a first-broker-login flow ")
                .append("of \"Create User If Unique\" alone, its ").append(ScaleRealms.stockMappers().size())
                .append(" built-in mappers (importNewUser). Neither shows a page. ").append(sizes.firstPairs())
                .append(" A B B A pairs after ").append(warmup).append(" warm-up pairs.\n\n");
        out.append(ScaleRun.comparisonTable(List.of(ratio)));
        out.append('\n').append(Markdown.table(Markdown.LATENCY_HEADER, List.of(
                row(jit.label(), result.millis(0)), row(stock.label(), result.millis(1)))));
        out.append("\n#### CPU per sign-in (JFR)\n\n").append(ArmProfile.table(profile.arms()));
        if (failed > 0) {
            out.append('\n').append(Markdown.bullets(result.failureExamples(5)));
        }
        ScaleCsv.write(scale.chart, "first", List.of(result));
        return new Section(TITLE, out.toString(), checks);
    }

    private static Paired.Arm offset(Paired.Arm arm, int offset) {
        return new Paired.Arm(arm.label(), k -> arm.login().apply(k + offset));
    }

    private static List<String> row(String label, double[] millis) {
        Stats.Summary summary = Stats.summary(millis);
        return Markdown.latencyRow(label, summary, Markdown.fixed(summary.sequentialPerSecond(), 2));
    }

    private static List<Integer> sampleIndexes(int count, int max) {
        List<Integer> indexes = new ArrayList<>();
        for (int i = 0; i < count && indexes.size() < max; i += Math.max(1, count / max)) {
            indexes.add(i);
        }
        return indexes;
    }

    private static void check(SamlBrokerFixture fixture, String username, boolean stock, List<String> wrong) {
        var user = fixture.brokerUser(username);
        if (user == null) {
            wrong.add(username + " has no account");
            return;
        }
        String alias = stock ? ScaleRealms.STOCK : LargeRealm.JIT;
        boolean linked = fixture.federatedIdentities(user.getId()).stream().anyMatch(link -> alias.equals(link.get("identityProvider")));
        if (!linked) {
            wrong.add(username + " is not linked to " + alias);
        }
        List<String> actual = ScaleRun.rolesOf(fixture, username);
        if (!ScaleRun.expectedRoles(stock).equals(actual)) {
            wrong.add(username + " holds " + actual);
        }
    }
}
