package io.jitprovisioning.bench;

import java.util.List;
import java.util.Locale;

/** Small helpers for the results file. */
final class Markdown {

    private Markdown() {
    }

    static String table(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| ").append(String.join(" | ", header)).append(" |\n");
        out.append("|").append(" --- |".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return out.toString();
    }

    static String fixed(double value, int decimals) {
        return Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    static String ms(double value) {
        return fixed(value, 1);
    }

    static String mb(long kilobytes) {
        return fixed(kilobytes / 1024.0, 1);
    }

    static List<String> latencyRow(String name, Stats.Summary summary, String extra) {
        return List.of(name, Integer.toString(summary.n()), ms(summary.median()), ms(summary.p95()), ms(summary.p99()),
                ms(summary.mean()), ms(summary.max()), extra);
    }

    static final List<String> LATENCY_HEADER = List.of("", "logins", "median ms", "p95 ms", "p99 ms", "mean ms", "max ms", "logins/s");

    static String bullets(List<String> lines) {
        StringBuilder out = new StringBuilder();
        lines.forEach(line -> out.append("- ").append(line.replace("\n", " ").replace("|", "\\|")).append('\n'));
        return out.toString();
    }
}
