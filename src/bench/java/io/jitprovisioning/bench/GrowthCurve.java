package io.jitprovisioning.bench;

import java.nio.file.Path;
import java.util.ArrayList;
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
 */
final class GrowthCurve {

    static final String TITLE = "8. Growth curve: the returning sign-in by realm size and number of values sent";
    static final double TOLERANCE = 0.05;

    record Point(int roles, int values) {
        String label() {
            return String.format("%,d roles, %d value%s", roles, values, values == 1 ? "" : "s");
        }
    }

    /**
     * @param ratio     median over rounds of time / time of the baseline point in the same round
     * @param sizeRatio the same against the point with the fewest roles and the same number of values
     */
    record PointResult(Point point, Stats.Summary latency, double ratio, Stats.Interval ci, double sizeRatio,
                       Stats.Interval sizeCi, ArmProfile.Arm cpu, ScaleRun.Cpu cpuRatio) {
    }

    record Result(Point baseline, List<PointResult> points, int rounds) {

        /** Largest distance of a point's median ratio from 1. */
        double spread() {
            return points.stream().mapToDouble(p -> Math.abs(p.ratio() - 1)).max().orElse(Double.NaN);
        }

        double sizeSpread() {
            return points.stream().mapToDouble(p -> Math.abs(p.sizeRatio() - 1)).max().orElse(Double.NaN);
        }

        boolean met() {
            return spread() <= TOLERANCE;
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
            realms.put(roles, fixture);
            for (int values : sizes.growthValues()) {
                Point point = new Point(roles, values);
                points.add(point);
                users.put(point, ScaleRealms.idpUsers(fixture, String.format("v%03d-", values), sizes.growthPool(), ScaleRealms.growthValues(values)));
            }
        }
        List<Check> checks = new ArrayList<>();
        int firstFailures = 0;
        for (Point point : points) {
            for (String user : users.get(point)) {
                firstFailures += realms.get(point.roles()).login(user).isLoggedIn() ? 0 : 1;
            }
        }
        checks.add(Check.of("s8 first sign-ins", firstFailures == 0, firstFailures + " failed"));
        int warmup = Math.max(1, sizes.growthRounds() / 10);
        BenchMain.log("s8: %d points, %d warm-up rounds", points.size(), warmup);
        rounds(warmup, points, users, realms);

        Path recording = scale.config.workDir().resolve("scenario8.jfr");
        scale.jvm.startRecording("bench-s8", recording, ArmProfile.settings(scale.config.workDir()));
        BenchMain.log("s8: measuring %d rounds with JFR on", sizes.growthRounds());
        Attempt[][] measured = rounds(sizes.growthRounds(), points, users, realms);
        scale.jvm.stopRecording("bench-s8");
        Map<String, List<Attempt>> arms = new LinkedHashMap<>();
        for (int p = 0; p < points.size(); p++) {
            List<Attempt> attempts = new ArrayList<>();
            for (Attempt[] round : measured) {
                attempts.add(round[p]);
            }
            arms.put(points.get(p).label(), attempts);
        }
        ArmProfile.Profile profile = ArmProfile.analyse(recording, arms);
        List<ArmProfile.Arm> cpu = profile.arms();

        Point baseline = points.get(0);
        List<PointResult> results = new ArrayList<>();
        for (int p = 0; p < points.size(); p++) {
            Point point = points.get(p);
            int sameValuesSmallest = points.indexOf(new Point(points.get(0).roles(), point.values()));
            double[] ratios = ratios(measured, p, 0, Attempt::millis);
            double[] sizeRatios = ratios(measured, p, sameValuesSmallest, Attempt::millis);
            double[] cpuRatios = ratios(measured, p, 0, profile::cpuMillis);
            results.add(new PointResult(point, Stats.summary(LargeRealm.millis(arms.get(point.label()))), Stats.median(ratios),
                    Stats.medianOrderStatisticInterval(ratios), Stats.median(sizeRatios), Stats.medianOrderStatisticInterval(sizeRatios),
                    cpu.get(p), ScaleRun.Cpu.of(cpuRatios)));
        }
        Result result = new Result(baseline, results, sizes.growthRounds());
        scale.growth = result;

        long failed = arms.values().stream().flatMap(List::stream).filter(attempt -> !attempt.loggedIn()).count();
        checks.add(Check.of("s8 every measured sign-in succeeded", failed == 0, failed + " failed"));
        List<String> wrong = new ArrayList<>();
        for (Point point : points) {
            List<String> roles = ScaleRun.rolesOf(realms.get(point.roles()), users.get(point).get(0));
            if (!List.of(ScaleRealms.role(0)).equals(roles)) {
                wrong.add(point.label() + ": " + roles);
            }
        }
        checks.add(Check.of("s8 every account holds exactly the role its one real value names", wrong.isEmpty(), String.join("; ", wrong)));
        writeCsv(points, measured);
        return new Section(TITLE, describe(result, sizes), checks);
    }

    /** Rounds of one sign-in per point, the order rotating by one each round; {@code [round][point]}. */
    private static Attempt[][] rounds(int count, List<Point> points, Map<Point, List<String>> users, Map<Integer, SamlBrokerFixture> realms) {
        Attempt[][] attempts = new Attempt[count][points.size()];
        for (int round = 0; round < count; round++) {
            for (int i = 0; i < points.size(); i++) {
                int p = (i + round) % points.size();
                Point point = points.get(p);
                List<String> pool = users.get(point);
                String user = pool.get(round % pool.size());
                attempts[round][p] = Load.timed(round, n -> realms.get(point.roles()).login(user)).compact();
            }
            if ((round + 1) % 50 == 0) {
                BenchMain.log("s8: %d/%d rounds", round + 1, count);
            }
        }
        return attempts;
    }

    private static double[] ratios(Attempt[][] rounds, int point, int reference, ToDoubleFunction<Attempt> measure) {
        List<Double> ratios = new ArrayList<>();
        for (Attempt[] round : rounds) {
            if (round[point].loggedIn() && round[reference].loggedIn()) {
                double ratio = measure.applyAsDouble(round[point]) / measure.applyAsDouble(round[reference]);
                if (Double.isFinite(ratio) && ratio > 0) {
                    ratios.add(ratio);
                }
            }
        }
        return ratios.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private String describe(Result result, BenchConfig.Scale sizes) {
        StringBuilder out = new StringBuilder();
        out.append("Realms `grow-N` with N realm roles and nothing else, the same JIT mapper as scenario 6 (").append(ScaleRealms.TABLE_SIZE)
                .append("-entry table). Users send one table value naming `").append(ScaleRealms.role(0)).append("`, plus values naming ")
                .append("nothing (Entra ID object ids, AD FS names, URLs) up to the count. ").append(result.rounds())
                .append(" rounds after warm-up; ").append(sizes.growthPool()).append(" returning users per point. Ratio = median over rounds of ")
                .append("(time at the point / time at **").append(result.baseline().label()).append("** in the same round); ")
                .append("realm-size ratio = the same against the smallest realm with the same number of values.\n\n");
        List<List<String>> rows = new ArrayList<>();
        for (PointResult p : result.points()) {
            rows.add(List.of(p.point().label(), Markdown.ms(p.latency().median()),
                    "**" + Markdown.fixed(p.ratio(), 3) + "**", Markdown.fixed(p.ci().low(), 3) + " - " + Markdown.fixed(p.ci().high(), 3),
                    Markdown.fixed(p.sizeRatio(), 3) + " (" + Markdown.fixed(p.sizeCi().low(), 3) + " - " + Markdown.fixed(p.sizeCi().high(), 3) + ")",
                    Markdown.fixed(p.cpu().requestMillisPerLogin(), 1), "**" + Markdown.fixed(p.cpu().jitMillisPerLogin(), 2) + "**",
                    Markdown.fixed(p.cpuRatio().median(), 3) + " (" + Markdown.fixed(p.cpuRatio().ci().low(), 3) + " - "
                            + Markdown.fixed(p.cpuRatio().ci().high(), 3) + ")"));
        }
        out.append(Markdown.table(List.of("point", "median ms", "ratio to baseline", "95% CI", "realm-size ratio (95% CI)",
                "request-thread CPU ms / sign-in", "JIT's own CPU ms / sign-in (JFR)", "CPU ratio to baseline (95% CI)"), rows));
        out.append("\nLargest distance from 1 of a point's ratio: **").append(Markdown.fixed(100 * result.spread(), 1))
                .append("%** (target within ").append(Markdown.fixed(100 * TOLERANCE, 0)).append("%: ")
                .append(result.met() ? "met" : "**not met**").append("); of a realm-size ratio: ")
                .append(Markdown.fixed(100 * result.sizeSpread(), 1)).append("%.\n\n");
        out.append("![growth curve and paired comparisons](").append(scale.chart.getFileName()).append(")\n\nRaw timings: `")
                .append(ScaleCsv.fileName(scale.chart, "growth")).append("`, `").append(ScaleCsv.fileName(scale.chart, "large"))
                .append("`, `").append(ScaleCsv.fileName(scale.chart, "first")).append("`.\n");
        return out.toString();
    }

    private void writeCsv(List<Point> points, Attempt[][] measured) {
        StringBuilder csv = new StringBuilder("round,roles,values,ms,ok\n");
        for (int round = 0; round < measured.length; round++) {
            for (int p = 0; p < points.size(); p++) {
                Attempt attempt = measured[round][p];
                csv.append(round).append(',').append(points.get(p).roles()).append(',').append(points.get(p).values()).append(',')
                        .append(Markdown.fixed(attempt.millis(), 3)).append(',').append(attempt.loggedIn()).append('\n');
            }
        }
        ScaleCsv.write(scale.chart, "growth", csv.toString());
    }
}
