package io.jitprovisioning.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import io.jitprovisioning.bench.Load.Attempt;
import io.jitprovisioning.testsupport.LoginResult;

/**
 * Sign-ins through two arms one after the other, in A B B A order (even pairs A first, odd pairs B first), so
 * that drift in the machine's load falls on both alike; the median of the per-pair ratios A/B then measures A
 * against B with the noise of the shared machine cancelled out.
 */
final class Paired {

    /** One arm: its label, and the sign-in of pair k. */
    record Arm(String label, IntFunction<LoginResult> login) {
    }

    /** The pairs of one comparison: {@code pairs.get(k)[0]} is arm A's sign-in, {@code [1]} arm B's. */
    record Result(String a, String b, List<Attempt[]> pairs) {

        double[] ratios() {
            return pairs.stream().filter(pair -> pair[0].loggedIn() && pair[1].loggedIn())
                    .mapToDouble(pair -> pair[0].millis() / pair[1].millis()).toArray();
        }

        double[] millis(int side) {
            return pairs.stream().map(pair -> pair[side]).filter(Attempt::loggedIn).mapToDouble(Attempt::millis).toArray();
        }

        List<Attempt> attempts(int side) {
            return pairs.stream().map(pair -> pair[side]).toList();
        }

        long failures() {
            return pairs.stream().flatMap(Arrays::stream).filter(attempt -> !attempt.loggedIn()).count();
        }

        List<String> failureExamples(int max) {
            return pairs.stream().flatMap(Arrays::stream).filter(attempt -> !attempt.loggedIn()).limit(max)
                    .map(attempt -> "#" + attempt.index() + " " + attempt.outcome().label() + ": " + attempt.describe()).toList();
        }

        Comparison comparison() {
            double[] ratios = ratios();
            return new Comparison(a, b, ratios.length, Stats.summary(millis(0)), Stats.summary(millis(1)), Stats.median(ratios),
                    Stats.medianOrderStatisticInterval(ratios), Stats.medianBootstrapInterval(ratios, 10_000),
                    Arrays.stream(ratios).filter(r -> r < 1).count());
        }
    }

    /** A comparison's numbers. */
    record Comparison(String a, String b, int pairs, Stats.Summary aLatency, Stats.Summary bLatency, double medianRatio,
                      Stats.Interval orderCi, Stats.Interval bootstrapCi, long aFaster) {
    }

    private Paired() {
    }

    static Result run(String name, int count, Arm a, Arm b) {
        List<Attempt[]> pairs = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            int pair = k;
            Attempt first;
            Attempt second;
            if (k % 2 == 0) {
                first = Load.timed(k, n -> a.login().apply(pair)).compact();
                second = Load.timed(k, n -> b.login().apply(pair)).compact();
                pairs.add(new Attempt[]{first, second});
            } else {
                first = Load.timed(k, n -> b.login().apply(pair)).compact();
                second = Load.timed(k, n -> a.login().apply(pair)).compact();
                pairs.add(new Attempt[]{second, first});
            }
            if ((k + 1) % 100 == 0) {
                BenchMain.log("%s: %d/%d pairs", name, k + 1, count);
            }
        }
        return new Result(a.label(), b.label(), pairs);
    }
}
