package io.jitprovisioning.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.jitprovisioning.bench.Load.Attempt;

/** Raw timings of the scale scenarios beside their chart, so that other statistics can be computed later. */
final class ScaleCsv {

    private ScaleCsv() {
    }

    static String fileName(Path chart, String name) {
        return chart.getFileName().toString().replace(".png", "-" + name + ".csv");
    }

    /** One row per pair: comparison, pair, arm signed in first, then each arm's label, ms and success. */
    static void write(Path chart, String name, List<Paired.Result> results) {
        StringBuilder csv = new StringBuilder("comparison,pair,first,a,a_ms,a_ok,b,b_ms,b_ok\n");
        for (Paired.Result result : results) {
            for (int k = 0; k < result.pairs().size(); k++) {
                Attempt[] pair = result.pairs().get(k);
                csv.append('"').append(result.a()).append(" / ").append(result.b()).append("\",").append(k).append(',')
                        .append(k % 2 == 0 ? "a" : "b").append(",\"").append(result.a()).append("\",")
                        .append(Markdown.fixed(pair[0].millis(), 3)).append(',').append(pair[0].loggedIn()).append(",\"")
                        .append(result.b()).append("\",").append(Markdown.fixed(pair[1].millis(), 3)).append(',')
                        .append(pair[1].loggedIn()).append('\n');
            }
        }
        write(chart, name, csv.toString());
    }

    static void write(Path chart, String name, String content) {
        try {
            Files.writeString(chart.resolveSibling(fileName(chart, name)), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
