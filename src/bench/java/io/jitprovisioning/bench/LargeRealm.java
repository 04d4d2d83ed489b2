package io.jitprovisioning.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.jitprovisioning.bench.Load.Attempt;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * Scenario 6: the returning sign-in in a large realm, (a) against the same sign-in in a small realm, and (b)
 * against Keycloak's built-in mappers configured for the same job in the large realm. The IdP sends
 * {@value ScaleRealms#SENT_REAL} values that name roles and {@value ScaleRealms#SENT_NOTHING} that name nothing.
 */
final class LargeRealm {

    static final String TITLE = "6. Large realm: returning sign-in against a small realm and against the built-in mappers";
    static final String JIT = SamlBrokerFixture.IDP_ALIAS;

    private final ScaleRun scale;

    LargeRealm(ScaleRun scale) {
        this.scale = scale;
    }

    Section run() {
        BenchConfig.Scale sizes = scale.sizes();
        SamlBrokerFixture small = scale.small();
        SamlBrokerFixture large = scale.large();
        List<String> values = ScaleRealms.scaleValues();
        List<String> smallUsers = ScaleRealms.idpUsers(small, "jit-", sizes.pool(), values);
        List<String> largeUsers = ScaleRealms.idpUsers(large, "jit-", sizes.pool(), values);
        List<String> stockUsers = ScaleRealms.idpUsers(large, "stock-", sizes.pool(), values);

        Paired.Arm smallJit = arm("small realm, JIT", small, JIT, smallUsers);
        Paired.Arm largeJit = arm("large realm, JIT", large, JIT, largeUsers);
        Paired.Arm largeStock = arm("large realm, built-ins", large, ScaleRealms.STOCK, stockUsers);
        List<Check> checks = new ArrayList<>();
        int firstFailures = 0;
        for (int i = 0; i < sizes.pool(); i++) {
            for (Paired.Arm arm : List.of(smallJit, largeJit, largeStock)) {
                firstFailures += Load.timed(i, arm.login()).loggedIn() ? 0 : 1;
            }
        }
        checks.add(Check.of("s6 first sign-ins of the pools", firstFailures == 0, firstFailures + " failed"));
        BenchMain.log("s6: %d warm-up pairs per comparison", sizes.warmupPairs());
        Paired.run("s6 warm-up a", sizes.warmupPairs(), largeJit, smallJit);
        Paired.run("s6 warm-up b", sizes.warmupPairs(), largeJit, largeStock);

        Path recording = scale.config.workDir().resolve("scenario6.jfr");
        scale.jvm.startRecording("bench-s6", recording, ArmProfile.settings(scale.config.workDir()));
        BenchMain.log("s6: measuring %d pairs per comparison with JFR on", sizes.pairs());
        Paired.Result bySize = Paired.run("s6a large/small", sizes.pairs(), largeJit, smallJit);
        Paired.Result byMappers = Paired.run("s6b jit/built-ins", sizes.pairs(), largeJit, largeStock);
        scale.jvm.stopRecording("bench-s6");
        ArmProfile.Profile profile = ArmProfile.analyse(recording, ArmProfile.arms(bySize, byMappers));

        ScaleRun.Ratio sizeRatio = new ScaleRun.Ratio("large realm / small realm (JIT both)", bySize.comparison(),
                ScaleRun.Cpu.of(profile.cpuPairs(bySize)), 1.05, 1.10);
        ScaleRun.Ratio mapperRatio = new ScaleRun.Ratio("JIT / built-in mappers (large realm)", byMappers.comparison(),
                ScaleRun.Cpu.of(profile.cpuPairs(byMappers)), 1.02, Double.NaN);
        scale.ratios.add(sizeRatio);
        scale.ratios.add(mapperRatio);

        long failed = bySize.failures() + byMappers.failures();
        checks.add(Check.of("s6 every measured sign-in succeeded", failed == 0, failed + " of " + 4 * sizes.pairs() + " failed"));
        List<String> wrong = new ArrayList<>();
        roleCheck(small, smallUsers.get(0), false, wrong);
        roleCheck(large, largeUsers.get(0), false, wrong);
        roleCheck(large, stockUsers.get(0), true, wrong);
        checks.add(Check.of("s6 accounts hold exactly the roles the values name (ignoring case, clientId.role)", wrong.isEmpty(),
                wrong.isEmpty() ? "" : String.join("; ", wrong)));

        StringBuilder out = new StringBuilder();
        out.append(scale.setupTable()).append('\n');
        out.append("Each IdP user sends ").append(values.size()).append(" values of the attribute `role`: ")
                .append(ScaleRealms.SENT_TABLE_VALUES).append(" entries of the ").append(ScaleRealms.TABLE_SIZE)
                .append("-entry role-value table, `").append(ScaleRealms.DIRECT_REALM_VALUE).append("` and `")
                .append(ScaleRealms.DIRECT_CLIENT_VALUE).append("` (a realm role and a client role named directly, in another case), and ")
                .append(ScaleRealms.SENT_NOTHING).append(" that name nothing (Entra ID group object ids, `CORP\\Domain Group NNN`, URLs, ")
                .append("`app-0002.Team NNN`). The JIT mapper is the same in both realms (managed roles, 5 profile attributes, the ")
                .append(ScaleRealms.TABLE_SIZE).append("-entry table). The built-in IdP `stock` in the large realm: 5 Attribute Importers, ")
                .append(ScaleRealms.TABLE_SIZE + 2).append(" SAML Attribute to Role (one per table entry and direct value), 1 Hardcoded Role, sync FORCE. ")
                .append(sizes.pairs()).append(" A B B A pairs per comparison after ").append(sizes.warmupPairs()).append(" warm-up pairs, ")
                .append(sizes.pool()).append(" returning users per arm, one simulated browser.\n\n");
        out.append(ScaleRun.comparisonTable(List.of(sizeRatio, mapperRatio)));
        out.append('\n').append(Markdown.table(Markdown.LATENCY_HEADER, List.of(
                latencyRow(smallJit.label(), bySize.millis(1)),
                latencyRow(largeJit.label() + " (pairs a)", bySize.millis(0)),
                latencyRow(largeJit.label() + " (pairs b)", byMappers.millis(0)),
                latencyRow(largeStock.label(), byMappers.millis(1)))));
        out.append("\n#### CPU per sign-in (JFR, samples attributed to the sign-in running)\n\n")
                .append(ArmProfile.table(profile.arms()))
                .append("\nSamples every ").append(ArmProfile.PERIOD_MILLIS).append(" ms of Keycloak's request threads; IdP-realm work of the ")
                .append("same sign-in counts in the request-thread column for both arms alike.\n");
        if (failed > 0) {
            List<String> examples = new ArrayList<>(bySize.failureExamples(3));
            examples.addAll(byMappers.failureExamples(3));
            out.append('\n').append(Markdown.bullets(examples));
        }
        ScaleCsv.write(scale.chart, "large", List.of(bySize, byMappers));
        return new Section(TITLE, out.toString(), checks);
    }

    private static Paired.Arm arm(String label, SamlBrokerFixture fixture, String idp, List<String> users) {
        return new Paired.Arm(label, k -> ScaleRealms.login(fixture, idp, users.get(k % users.size())));
    }

    private static List<String> latencyRow(String label, double[] millis) {
        Stats.Summary summary = Stats.summary(millis);
        return Markdown.latencyRow(label, summary, Markdown.fixed(summary.sequentialPerSecond(), 2));
    }

    private static void roleCheck(SamlBrokerFixture fixture, String username, boolean stock, List<String> wrong) {
        List<String> actual = ScaleRun.rolesOf(fixture, username);
        List<String> expected = ScaleRun.expectedRoles(stock);
        if (!expected.equals(actual)) {
            wrong.add(fixture.brokerRealm() + "/" + username + " holds " + actual + ", expected " + expected);
        }
    }

    static double[] millis(List<Attempt> attempts) {
        return attempts.stream().filter(Attempt::loggedIn).mapToDouble(Attempt::millis).toArray();
    }
}
