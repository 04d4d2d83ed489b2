package io.jitprovisioning.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A flight recording's summary as tables: the extension's share of request-thread CPU, and where it went. */
final class ProfileMarkdown {

    private ProfileMarkdown() {
    }

    /**
     * @param jitLogins   logins through the JIT IdP while recording
     * @param stockLogins logins through the stock IdP while recording (0: none)
     */
    static String render(JfrProfile.Summary p, int jitLogins, int stockLogins) {
        StringBuilder out = new StringBuilder();
        out.append("JFR (`jcmd JFR.start settings=profile`: Java samples every 10 ms) recorded Keycloak meanwhile. ")
                .append("Only samples of Keycloak's request threads (`executor-thread-*`) count. A sample is the extension's when any ")
                .append("frame of its stack is in `io.jitprovisioning` (inclusive: what it calls in Keycloak's user and role model ")
                .append("counts too)");
        if (stockLogins > 0) {
            out.append("; the built-in mappers' samples are those with a frame in `org.keycloak.broker.saml.mappers` or ")
                    .append("`HardcodedRoleMapper`");
        }
        out.append(". ms per login = samples x 10 ms / logins through that IdP (").append(jitLogins)
                .append("). JFR's own overhead falls on every login alike.\n\n");
        int allLogins = jitLogins + stockLogins;
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("all samples (every thread)", Long.toString(p.allSamples()), "", ""));
        rows.add(List.of("request threads", Long.toString(p.workerSamples()), "100%",
                Markdown.ms(p.workerSamples() * JfrProfile.SAMPLE_MILLIS / allLogins) + " (any login)"));
        rows.add(List.of("**JIT extension** (`io.jitprovisioning`)", Long.toString(p.jitSamples()),
                "**" + Markdown.fixed(100 * p.jitShareOfWorker(), 2) + "%**",
                "**" + Markdown.fixed(p.jitSamples() * JfrProfile.SAMPLE_MILLIS / jitLogins, 2) + "**"));
        if (stockLogins > 0) {
            rows.add(List.of("built-in mappers of `stock`", Long.toString(p.stockMapperSamples()),
                    Markdown.fixed(100 * p.stockShareOfWorker(), 2) + "%",
                    Markdown.fixed(p.stockMapperSamples() * JfrProfile.SAMPLE_MILLIS / stockLogins, 2)));
        }
        out.append(Markdown.table(List.of("", "samples", "share of request-thread samples", "ms per login"), rows));
        if (p.truncated() > 0) {
            out.append("\n").append(p.truncated()).append(" request-thread stacks were truncated by JFR's stack depth.\n");
        }
        out.append("\nExtension samples by entry point (outermost `io.jitprovisioning` frame):\n\n").append(counts(p.jitEntryPoints()));
        out.append("\nBy innermost `io.jitprovisioning` frame (the extension method that was running or calling out):\n\n")
                .append(counts(p.jitInnermost()));
        out.append("\nBy leaf frame (what the CPU was actually doing under the extension):\n\n").append(counts(p.jitLeaves()));
        return out.toString();
    }

    private static String counts(Map<String, Long> counts) {
        List<List<String>> rows = new ArrayList<>();
        counts.forEach((name, count) -> rows.add(List.of("`" + name + "`", Long.toString(count))));
        return rows.isEmpty() ? "(none)\n" : Markdown.table(List.of("method", "samples"), rows);
    }
}
