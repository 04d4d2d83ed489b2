package io.jitprovisioning.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A preview as plain text for the admin console: one line per fact, in the order an administrator asks. */
public final class PreviewText {

    private PreviewText() {
    }

    public static String of(PreviewReport report) {
        StringBuilder text = new StringBuilder();
        PreviewReport.Decision decision = report.decision();
        line(text, "Decision", decision(decision));
        line(text, "Account", account(report.account()));
        line(text, "Roles", grants(report.roles()));
        line(text, "Groups", grants(report.groups()));
        line(text, "Profile", "changed: " + list(report.profile().changed()) + "; rejected: " + list(report.profile().rejected()));
        line(text, "Organization", report.organization() == null ? "-"
                : report.organization().alias() + (report.organization().joins() ? " (joins as a managed member)" : " (no change)"));
        text.append('\n').append("Checks of the ").append("saml_response".equals(report.input()) ? "SAML response" : "input").append('\n');
        for (Check check : report.checks()) {
            text.append("  ").append(pad(check.result().json(), 15)).append(pad(check.check(), 15)).append(check.detail()).append('\n');
        }
        text.append('\n').append("Settings problems").append(report.settingsProblems().isEmpty() ? ": none" : "").append('\n');
        report.settingsProblems().forEach(p -> text.append("  ").append(p.code()).append(": ").append(p.message()).append('\n'));
        return text.toString().stripTrailing();
    }

    /** One line for the list of previews: the outcome and its code. */
    public static String outcome(PreviewReport report) {
        PreviewReport.Decision decision = report.decision();
        return decision.outcome() + (decision.code() != null ? " " + decision.code() : "") + " (" + decision.rule() + ")";
    }

    /** One line for the list of previews: the roles granted, revoked and kept. */
    public static String roles(PreviewReport report) {
        PreviewReport.Grants roles = report.roles();
        if (!roles.applies()) {
            return roles.refused().isEmpty() ? "unchanged" : "refused " + String.join(", ", roles.refused());
        }
        List<String> parts = new ArrayList<>();
        roles.grant().forEach(role -> parts.add("+" + role));
        roles.revoke().forEach(role -> parts.add("-" + role));
        roles.keep().forEach(role -> parts.add("=" + role));
        return parts.isEmpty() ? "none" : String.join(" ", parts);
    }

    /** One line for the list of previews: how many checks passed, and the first that failed. */
    public static String checks(PreviewReport report) {
        long passed = report.checks().stream().filter(c -> c.result() == Check.Result.PASSED).count();
        String failed = report.checks().stream().filter(Check::failed).map(Check::check).reduce((a, b) -> a + ", " + b).orElse(null);
        return passed + " passed" + (failed == null ? "" : ", failed: " + failed);
    }

    private static String decision(PreviewReport.Decision decision) {
        return switch (decision.outcome()) {
            case "create" -> "create a new account (" + decision.rule() + ")";
            case "link" -> "link the existing account (rule " + decision.rule() + ")";
            case "sign_in" -> "sign in to the linked account";
            case "refuse" -> "refuse with " + decision.code() + " (rule " + decision.rule() + ")";
            default -> "Keycloak refuses the response before the extension sees it (check " + decision.rule() + " failed)";
        };
    }

    private static String account(PreviewReport.Account account) {
        if (account == null) {
            return "-";
        }
        if (Boolean.TRUE.equals(account.created())) {
            return "new account";
        }
        return Boolean.TRUE.equals(account.hidden()) ? "an existing account (you may not view users)"
                : account.username() + " (id " + account.id() + ")";
    }

    private static String grants(PreviewReport.Grants grants) {
        String refused = grants.refused().isEmpty() ? "" : "; refused " + String.join(", ", grants.refused());
        if (!grants.applies()) {
            return "unchanged" + refused;
        }
        return "grant " + list(grants.grant()) + "; revoke " + list(grants.revoke()) + "; keep " + list(grants.keep()) + refused;
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values);
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(pad(label, 14)).append(value).append('\n');
    }

    private static String pad(String value, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", value);
    }
}
