package io.jitprovisioning.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import io.jitprovisioning.bench.Load.Attempt;
import io.jitprovisioning.testsupport.SamlBrokerFixture;

/**
 * Scenario 8: the returning JIT sign-in in realms of 10 to 10,000 realm roles, with 1 to 100 role values sent
 * (one naming a role, the others nothing). Each round signs in once at every point, in an order that rotates from
 * round to round; a point's ratio in a round is its time over the time of the smallest point (fewest roles, fewest
 * values) in the same round, so that the machine's drift cancels out as in the A B B A pairs.
 *
 * <p>A bigger assertion costs Keycloak itself more (the IdP signs it, the broker checks and parses it), whatever
 * maps it. So the same rounds also sign in through Keycloak's built-in mappers in the smallest realm with the same
 * values: their growth is Keycloak's own, and a point's ratio net of it (JIT over built-ins with the same values,
 * against the same at the smallest point) is what the extension adds.
 *
 * <p>Each sign-in is timed twice: whole, as the simulated browser saw it, and at the broker, the time spent waiting
 * for the broker realm's answers only. The IdP realm stands in for Entra ID or AD FS: in production, building and
 * signing the bigger assertion, and the browser carrying it, are not the work of the Keycloak that runs the extension.
 */
final class GrowthCurve {

    static final String TITLE = "8. Growth curve: the returning sign-in by realm size and number of values sent";
    static final double TOLERANCE = 0.05;

    /** A place on the curve; {@code builtIn}: Keycloak's built-in mappers (reference), else the JIT mapper. */
    record Point(int roles, int values, boolean builtIn) {
        String label() {
            return String.format("%s%,d roles, %d value%s", builtIn ? "built-ins, " : "", roles, values, values == 1 ? "" : "s");
        }
    }

    /** Which time of a sign-in a curve is drawn from. */
    enum Basis {
        WHOLE("the whole sign-in"),
        BROKER("at the broker");

        final String label;

        Basis(String label) {
            this.label = label;
        }
    }

    /**
     * One point's ratios in one time basis.
     *
     * @param latency   the point's times
     * @param ratio     median over rounds of time / time of the baseline point in the same round
     * @param sizeRatio the same against the point with the fewest roles and the same number of values
     * @param netRatio  the same as {@code ratio}, each time first divided by the built-ins' time with the same values
     */
    record Ratios(Stats.Summary latency, double ratio, Stats.Interval ci, double sizeRatio, Stats.Interval sizeCi, double netRatio,
                  Stats.Interval netCi) {
    }

    /** @param cpuRatio request-thread CPU (JFR) over the baseline's, totals over the rounds */
    record PointResult(Point point, Map<Basis, Ratios> ratios, ArmProfile.Arm cpu, ScaleRun.Cpu cpuRatio) {

        Ratios at(Basis basis) {
            return ratios.get(basis);
        }
    }

    /** {@code points}: the JIT curve; {@code builtIns}: the reference, one per number of values. */
    record Result(Point baseline, List<PointResult> points, List<PointResult> builtIns, int rounds) {

        /** Largest distance of a point's median ratio from 1 (the measure). */
        double spread(Basis basis) {
            return largest(p -> p.at(basis).ratio());
        }

        /** Along the realm-size axis only (same number of values). */
        double sizeSpread(Basis basis) {
            return largest(p -> p.at(basis).sizeRatio());
        }

        /** Net of what Keycloak's built-ins pay for the same values. */
        double netSpread(Basis basis) {
            return largest(p -> p.at(basis).netRatio());
        }

        boolean met(Basis basis) {
            return spread(basis) <= TOLERANCE;
        }

        private double largest(ToDoubleFunction<PointResult> ratio) {
            return points.stream().mapToDouble(p -> Math.abs(ratio.applyAsDouble(p) - 1)).max().orElse(Double.NaN);
        }
    }

    /** The measured rounds: {@code [round][point]}, and each sign-in's time at the broker. */
    private record Rounds(Attempt[][] attempts, double[][] brokerMillis) {

        double millis(Basis basis, int round, int point) {
            return basis == Basis.WHOLE ? attempts[round][point].millis() : brokerMillis[round][point];
        }

        boolean loggedIn(int round, int point) {
            return attempts[round][point].loggedIn();
        }

        double[] millisOf(Basis basis, int point) {
            List<Double> times = new ArrayList<>();
            for (int round = 0; round < attempts.length; round++) {
                if (loggedIn(round, point)) {
                    times.add(millis(basis, round, point));
                }
            }
            return times.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }

    private final ScaleRun scale;

    GrowthCurve(ScaleRun scale) {
        this.scale = scale;
    }

    Section run() {
        BenchConfig.Scale sizes = scale.sizes();
        List<Point> points = new ArrayList<>();
        Map<Point, List<String>> users = new LinkedHashMap<>();
        Map<Integer, SamlBrokerFixture> realms = new LinkedHashMap<>();
        for (int roles : sizes.growthRoles()) {
            SamlBrokerFixture fixture = scale.timed("`" + ScaleRealms.growthRealm(roles) + "` (" + roles + " realm roles)",
                    () -> ScaleRealms.growth(scale.admin, roles));
            if (!sizes.growthSaveEvents()) {
                // Keycloak's default for a new realm: sign-in events are not saved.
                scale.admin.put("/" + fixture.brokerRealm(), Map.of("eventsEnabled", false)).expect(204);
            }
            realms.put(roles, fixture);
            for (int values : sizes.growthValues()) {
                Point point = new Point(roles, values, false);
                points.add(point);
                users.put(point, ScaleRealms.idpUsers(fixture, String.format("v%03d-", values), sizes.growthPool(), ScaleRealms.growthValues(values)));
            }
        }
        int smallest = sizes.growthRoles().get(0);
        SamlBrokerFixture smallestRealm = realms.get(smallest);
        StockIdentityProvider.create(smallestRealm, ScaleRealms.STOCK, builtInMappers());
        List<Point> builtIns = new ArrayList<>();
        for (int values : sizes.growthValues()) {
            Point point = new Point(smallest, values, true);
            builtIns.add(point);
            users.put(point, ScaleRealms.idpUsers(smallestRealm, String.format("stock-v%03d-", values), sizes.growthPool(),
                    ScaleRealms.growthValues(values)));
        }
        List<Point> all = new ArrayList<>(points);
        all.addAll(builtIns);

        List<Check> checks = new ArrayList<>();
        int firstFailures = 0;
        for (Point point : all) {
            for (String user : users.get(point)) {
                firstFailures += login(realms, point, user).isLoggedIn() ? 0 : 1;
            }
        }
        checks.add(Check.of("s8 first sign-ins", firstFailures == 0, firstFailures + " failed"));
        int warmup = Math.max(1, sizes.growthRounds() / 10);
        BenchMain.log("s8: %d points (%d with built-ins), %d warm-up rounds", all.size(), builtIns.size(), warmup);
        rounds(warmup, all, users, realms);

        Path recording = scale.config.workDir().resolve("scenario8.jfr");
        scale.jvm.startRecording("bench-s8", recording, ArmProfile.settings(scale.config.workDir()));
        BenchMain.log("s8: measuring %d rounds with JFR on", sizes.growthRounds());
        Rounds measured = rounds(sizes.growthRounds(), all, users, realms);
        scale.jvm.stopRecording("bench-s8");
        Map<String, List<Attempt>> arms = new LinkedHashMap<>();
        for (int p = 0; p < all.size(); p++) {
            List<Attempt> attempts = new ArrayList<>();
            for (Attempt[] round : measured.attempts()) {
                attempts.add(round[p]);
            }
            arms.put(all.get(p).label(), attempts);
        }
        ArmProfile.Profile profile = ArmProfile.analyse(recording, arms);

        List<PointResult> results = new ArrayList<>();
        List<PointResult> references = new ArrayList<>();
        for (int p = 0; p < all.size(); p++) {
            Point point = all.get(p);
            int reference = point.builtIn() ? all.indexOf(builtIns.get(0)) : 0;
            int sameValuesSmallest = all.indexOf(new Point(smallest, point.values(), point.builtIn()));
            int sameValuesBuiltIn = all.indexOf(new Point(smallest, point.values(), true));
            int baselineBuiltIn = all.indexOf(builtIns.get(0));
            Map<Basis, Ratios> ratios = new EnumMap<>(Basis.class);
            for (Basis basis : Basis.values()) {
                double[] toBaseline = ratios(measured, basis, p, reference);
                double[] toSmallest = ratios(measured, basis, p, sameValuesSmallest);
                double[] net = netRatios(measured, basis, p, sameValuesBuiltIn, reference, baselineBuiltIn);
                ratios.put(basis, new Ratios(Stats.summary(measured.millisOf(basis, p)), Stats.median(toBaseline),
                        Stats.medianOrderStatisticInterval(toBaseline), Stats.median(toSmallest), Stats.medianOrderStatisticInterval(toSmallest),
                        Stats.median(net), Stats.medianOrderStatisticInterval(net)));
            }
            PointResult result = new PointResult(point, ratios, profile.arms().get(p), ScaleRun.Cpu.of(cpuPairs(measured.attempts(), p, reference, profile)));
            (point.builtIn() ? references : results).add(result);
        }
        Result result = new Result(points.get(0), results, references, sizes.growthRounds());
        scale.growth = result;

        long failed = arms.values().stream().flatMap(List::stream).filter(attempt -> !attempt.loggedIn()).count();
        checks.add(Check.of("s8 every measured sign-in succeeded", failed == 0, failed + " failed"));
        List<String> wrong = new ArrayList<>();
        for (Point point : all) {
            List<String> roles = ScaleRun.rolesOf(realms.get(point.roles()), users.get(point).get(0));
            List<String> expected = point.builtIn() ? List.of(ScaleRealms.role(0), ScaleRealms.DEFAULT_ROLE) : List.of(ScaleRealms.role(0));
            if (!expected.equals(roles)) {
                wrong.add(point.label() + ": " + roles);
            }
        }
        checks.add(Check.of("s8 every account holds exactly the role its one real value names", wrong.isEmpty(), String.join("; ", wrong)));
        writeCsv(all, measured);
        return new Section(TITLE, describe(result, sizes), checks);
    }

    /** What the JIT mapper does for these users, from Keycloak's parts: importers, the one role mapper, the default. */
    private static List<Map<String, Object>> builtInMappers() {
        List<Map<String, Object>> mappers = new ArrayList<>(StockIdentityProvider.attributeImporters());
        mappers.add(StockIdentityProvider.roleMapper("table 0", ScaleRealms.tableValue(0), ScaleRealms.tableRole(0)));
        mappers.add(StockIdentityProvider.hardcodedRole(ScaleRealms.DEFAULT_ROLE));
        return mappers;
    }

    private static io.jitprovisioning.testsupport.LoginResult login(Map<Integer, SamlBrokerFixture> realms, Point point, String user) {
        SamlBrokerFixture fixture = realms.get(point.roles());
        return point.builtIn() ? fixture.loginThrough(ScaleRealms.STOCK, user) : fixture.login(user);
    }

    /** Rounds of one sign-in per point, the order rotating by one each round. */
    private static Rounds rounds(int count, List<Point> points, Map<Point, List<String>> users, Map<Integer, SamlBrokerFixture> realms) {
        Attempt[][] attempts = new Attempt[count][points.size()];
        double[][] brokerMillis = new double[count][points.size()];
        for (int round = 0; round < count; round++) {
            for (int i = 0; i < points.size(); i++) {
                int p = (i + round) % points.size();
                Point point = points.get(p);
                List<String> pool = users.get(point);
                String user = pool.get(round % pool.size());
                Attempt attempt = Load.timed(round, n -> login(realms, point, user));
                brokerMillis[round][p] = attempt.result() == null ? Double.NaN : attempt.result().millisAt(realms.get(point.roles()).brokerRealm());
                attempts[round][p] = attempt.compact();
            }
            if ((round + 1) % 50 == 0) {
                BenchMain.log("s8: %d/%d rounds", round + 1, count);
            }
        }
        return new Rounds(attempts, brokerMillis);
    }

    private static double[] ratios(Rounds rounds, Basis basis, int point, int reference) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds.attempts().length; round++) {
            if (rounds.loggedIn(round, point) && rounds.loggedIn(round, reference)) {
                double ratio = rounds.millis(basis, round, point) / rounds.millis(basis, round, reference);
                if (Double.isFinite(ratio) && ratio > 0) {
                    ratios.add(ratio);
                }
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** Per round: (point / built-ins with its values) / (baseline / built-ins with the baseline's values). */
    private static double[] netRatios(Rounds rounds, Basis basis, int point, int pointBuiltIn, int baseline, int baselineBuiltIn) {
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round < rounds.attempts().length; round++) {
            if (rounds.loggedIn(round, point) && rounds.loggedIn(round, pointBuiltIn) && rounds.loggedIn(round, baseline)
                    && rounds.loggedIn(round, baselineBuiltIn)) {
                ratios.add(rounds.millis(basis, round, point) / rounds.millis(basis, round, pointBuiltIn)
                        / (rounds.millis(basis, round, baseline) / rounds.millis(basis, round, baselineBuiltIn)));
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[][] cpuPairs(Attempt[][] rounds, int point, int reference, ArmProfile.Profile profile) {
        List<double[]> pairs = new ArrayList<>();
        for (Attempt[] round : rounds) {
            if (round[point].loggedIn() && round[reference].loggedIn()) {
                pairs.add(new double[]{profile.cpuMillis(round[point]), profile.cpuMillis(round[reference])});
            }
        }
        return new double[][]{pairs.stream().mapToDouble(pair -> pair[0]).toArray(), pairs.stream().mapToDouble(pair -> pair[1]).toArray()};
    }

    private String describe(Result result, BenchConfig.Scale sizes) {
        StringBuilder out = new StringBuilder();
        out.append("Realms `grow-N` with N realm roles and nothing else, the same JIT mapper as scenario 6 (").append(ScaleRealms.TABLE_SIZE)
                .append("-entry table). Users send one table value naming `").append(ScaleRealms.role(0)).append("`, plus values naming ")
                .append("nothing (Entra ID object ids, AD FS names, URLs) up to the count. For reference, the smallest realm also has an ")
                .append("IdP `stock` with built-in mappers (5 Attribute Importers, 1 SAML Attribute to Role, 1 Hardcoded Role, FORCE) whose ")
                .append("users send the same values. ").append(result.rounds()).append(" rounds after warm-up, every point once per round ")
                .append("in rotating order; ").append(sizes.growthPool()).append(" returning users per point. The broker realms ")
                .append(sizes.growthSaveEvents() ? "save sign-in events (the ITs' fixture setting)" : "do not save sign-in events (GROWTH_SAVE_EVENTS=false, Keycloak's default)")
                .append(".\n\n")
                .append("- **ratio** = median over rounds of (time at the point / time at **").append(result.baseline().label())
                .append("** in the same round): the issue's curve;\n")
                .append("- **realm-size ratio** = the same against the smallest realm with the same number of values;\n")
                .append("- **net of Keycloak's own** = the same as ratio, each time first divided by the built-ins' time with the same ")
                .append("values in the same round: what the extension adds as values and roles grow;\n")
                .append("- each twice: for **the whole sign-in**, and **at the broker**, the waits for the broker realm's answers only. ")
                .append("The IdP realm stands in for Entra ID or AD FS: building and signing a bigger assertion there, and the browser ")
                .append("carrying it, are not work of the Keycloak that runs the extension (as with the IdP's password hashing above);\n")
                .append("- CPU columns from JFR (request threads, samples attributed to the sign-in running).\n\n");
        for (Basis basis : Basis.values()) {
            out.append("**").append(Character.toUpperCase(basis.label.charAt(0))).append(basis.label.substring(1)).append("**")
                    .append(basis == Basis.WHOLE ? " (every request of the sign-in, as the browser waited for it, and its own work between them):\n\n"
                            : " (only the waits for the broker realm's answers: the IdP realm's login page and signed assertion, and the "
                            + "browser's own work, left out):\n\n");
            List<List<String>> rows = new ArrayList<>();
            result.points().forEach(p -> rows.add(row(p.point(), p.at(basis), true)));
            result.builtIns().forEach(p -> rows.add(row(p.point(), p.at(basis), false)));
            out.append(Markdown.table(List.of("point", "median ms", "ratio (95% CI)", "realm-size ratio (95% CI)", "net of Keycloak's own (95% CI)"),
                    rows)).append('\n');
        }
        out.append("Built-ins rows: ratio to the built-ins with 1 value (Keycloak's own growth with the assertion's size).\n\n");
        List<List<String>> cpuRows = new ArrayList<>();
        result.points().forEach(p -> cpuRows.add(cpuRow(p, true)));
        result.builtIns().forEach(p -> cpuRows.add(cpuRow(p, false)));
        out.append(Markdown.table(List.of("point", "request-thread CPU ms / sign-in", "JIT's own CPU ms / sign-in", "CPU / baseline's (95% CI)"),
                cpuRows));
        String largestRealm = String.format("%,d", sizes.growthRoles().get(sizes.growthRoles().size() - 1));
        List<List<String>> spreads = new ArrayList<>();
        for (Basis basis : Basis.values()) {
            spreads.add(spreadRow("ratio, " + basis.label + " (realm size and values)", result.spread(basis)));
            spreads.add(spreadRow("realm-size ratio, " + basis.label + " (roles 10 to " + largestRealm + ")", result.sizeSpread(basis)));
            spreads.add(spreadRow("net of Keycloak's own, " + basis.label, result.netSpread(basis)));
        }
        out.append('\n').append(Markdown.table(List.of("largest distance from 1", "value", "target within " + Markdown.fixed(100 * TOLERANCE, 0) + "%"),
                spreads));
        out.append("\n![growth curve and paired comparisons](").append(scale.chart.getFileName()).append(")\n\nRaw timings: `")
                .append(ScaleCsv.fileName(scale.chart, "growth")).append("`, `").append(ScaleCsv.fileName(scale.chart, "large"))
                .append("`, `").append(ScaleCsv.fileName(scale.chart, "first")).append("`.\n");
        return out.toString();
    }

    private static List<String> spreadRow(String label, double spread) {
        return List.of(label, Markdown.fixed(100 * spread, 1) + "%", spread <= TOLERANCE ? "met" : "**not met**");
    }

    private static List<String> row(Point point, Ratios r, boolean jit) {
        return List.of(point.label(), Markdown.ms(r.latency().median()), "**" + Markdown.fixed(r.ratio(), 3) + "** (" + interval(r.ci()) + ")",
                jit ? Markdown.fixed(r.sizeRatio(), 3) + " (" + interval(r.sizeCi()) + ")" : "",
                jit ? Markdown.fixed(r.netRatio(), 3) + " (" + interval(r.netCi()) + ")" : "");
    }

    private static List<String> cpuRow(PointResult p, boolean jit) {
        return List.of(p.point().label(), Markdown.fixed(p.cpu().requestMillisPerLogin(), 1),
                jit ? "**" + Markdown.fixed(p.cpu().jitMillisPerLogin(), 2) + "**" : "",
                Markdown.fixed(p.cpuRatio().median(), 3) + " (" + interval(p.cpuRatio().ci()) + ")");
    }

    private static String interval(Stats.Interval interval) {
        return Markdown.fixed(interval.low(), 3) + " - " + Markdown.fixed(interval.high(), 3);
    }

    private void writeCsv(List<Point> points, Rounds measured) {
        StringBuilder csv = new StringBuilder("round,arm,roles,values,ms,broker_ms,ok\n");
        for (int round = 0; round < measured.attempts().length; round++) {
            for (int p = 0; p < points.size(); p++) {
                Point point = points.get(p);
                csv.append(round).append(',').append(point.builtIn() ? "built-ins" : "jit").append(',').append(point.roles()).append(',')
                        .append(point.values()).append(',').append(Markdown.fixed(measured.millis(Basis.WHOLE, round, p), 3)).append(',')
                        .append(Markdown.fixed(measured.millis(Basis.BROKER, round, p), 3)).append(',').append(measured.loggedIn(round, p)).append('\n');
            }
        }
        ScaleCsv.write(scale.chart, "growth", csv.toString());
    }
}
