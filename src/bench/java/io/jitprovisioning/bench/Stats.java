package io.jitprovisioning.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Latency percentiles and confidence intervals for a median. */
final class Stats {

    private Stats() {
    }

    record Summary(int n, double median, double p95, double p99, double mean, double max) {

        /** Sign-ins per second of one simulated browser signing in again and again. */
        double sequentialPerSecond() {
            return n == 0 ? 0 : 1000.0 / mean;
        }
    }

    record Interval(double low, double high) {
    }

    static Summary summary(double[] values) {
        if (values.length == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = sorted(values);
        return new Summary(sorted.length, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                Arrays.stream(sorted).average().orElse(Double.NaN), sorted[sorted.length - 1]);
    }

    static double median(double[] values) {
        return percentile(sorted(values), 50);
    }

    /** Linear interpolation between closest ranks (the usual "type 7" estimate). */
    static double percentile(double[] sorted, double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double position = percent / 100.0 * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }

    /**
     * Distribution-free 95% interval for the median: the order statistics at n/2 -+ 1.96 sqrt(n)/2 (normal
     * approximation of the binomial count of values below the median); exact enough from n = 30 on.
     */
    static Interval medianOrderStatisticInterval(double[] values) {
        double[] sorted = sorted(values);
        int n = sorted.length;
        if (n < 6) {
            return new Interval(Double.NaN, Double.NaN);
        }
        double half = 1.96 * Math.sqrt(n) / 2;
        int low = Math.max(0, (int) Math.floor(n / 2.0 - half) - 1);
        int high = Math.min(n - 1, (int) Math.ceil(n / 2.0 + half) - 1);
        return new Interval(sorted[low], sorted[high]);
    }

    /** Percentile bootstrap 95% interval for the median, with a fixed seed so a run can be recomputed. */
    static Interval medianBootstrapInterval(double[] values, int resamples) {
        int n = values.length;
        if (n < 6) {
            return new Interval(Double.NaN, Double.NaN);
        }
        SplittableRandom random = new SplittableRandom(20261106L);
        double[] medians = new double[resamples];
        double[] sample = new double[n];
        for (int r = 0; r < resamples; r++) {
            for (int i = 0; i < n; i++) {
                sample[i] = values[random.nextInt(n)];
            }
            Arrays.sort(sample);
            medians[r] = percentile(sample, 50);
        }
        Arrays.sort(medians);
        return new Interval(percentile(medians, 2.5), percentile(medians, 97.5));
    }

    static double[] sorted(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
