package io.jitprovisioning.preview;

import java.util.ArrayList;
import java.util.List;

/** A preview in short lines of plain text, one per fact, for the admin console's form and list. */
public final class PreviewText {

    private PreviewText() {
    }

    /** {@code create (NEW_ACCOUNT)}, {@code refuse NOT_ALLOWED (REQUIRED_ATTRIBUTE)}, {@code invalid_response (signature)}. */
    public static String decision(PreviewReport report) {
        PreviewReport.Decision decision = report.decision();
        return decision.outcome() + (decision.code() != null ? " " + decision.code() : "") + " (" + decision.rule() + ")";
    }

    public static String account(PreviewReport report) {
        PreviewReport.Account account = report.account();
        if (account == null) {
            return report.withheld() != null ? "not shown: you may not view users" : "none";
        }
        if (Boolean.TRUE.equals(account.created())) {
            return "new account";
        }
        return Boolean.TRUE.equals(account.hidden()) ? "an existing account (you may not view users)"
                : account.username() + " (id " + account.id() + ")";
    }

    /** What a sign-in changes ({@link #grants}), or without view-users what the IdP's values ask for. */
    public static String memberships(PreviewReport.Memberships memberships) {
        if (memberships instanceof PreviewReport.Grants grants) {
            return grants(grants);
        }
        PreviewReport.Wanted wanted = (PreviewReport.Wanted) memberships;
        String asked = "wanted: " + list(wanted.wanted()) + (Boolean.TRUE.equals(wanted.fromDefault()) ? " (the default role)" : "");
        return asked + (wanted.refused().isEmpty() ? "" : "; refused: " + String.join(", ", wanted.refused()));
    }

    /** {@code +granted -revoked =kept}, then the refused values with their reasons; {@code unchanged} when not applied. */
    static String grants(PreviewReport.Grants grants) {
        List<String> parts = new ArrayList<>();
        if (!grants.applies()) {
            parts.add("unchanged");
        }
        grants.grant().forEach(name -> parts.add("+" + name));
        grants.revoke().forEach(name -> parts.add("-" + name));
        grants.keep().forEach(name -> parts.add("=" + name));
        if (parts.isEmpty()) {
            parts.add("none");
        }
        if (!grants.refused().isEmpty()) {
            parts.add("refused: " + String.join(", ", grants.refused()));
        }
        return String.join(" ", parts);
    }

    public static String profile(PreviewReport report) {
        PreviewReport.Profile profile = report.profile();
        String set = profile.changed() != null ? "changed: " + list(profile.changed()) : "the identity provider sets: " + list(profile.fields());
        return set + "; rejected: " + list(profile.rejected());
    }

    public static String organization(PreviewReport report) {
        PreviewReport.Organization organization = report.organization();
        if (organization == null || organization.joins() == null) {
            return organization == null ? "none" : organization.alias();
        }
        return organization.alias() + (organization.joins() ? " (joins as a managed member)" : " (no change)");
    }

    /** How many checks passed, and which failed. */
    public static String checks(PreviewReport report) {
        long passed = report.checks().stream().filter(c -> c.result() == Check.Result.PASSED).count();
        List<String> failed = report.checks().stream().filter(Check::failed).map(Check::check).toList();
        return passed + " passed" + (failed.isEmpty() ? ", none failed" : ", failed: " + String.join(", ", failed));
    }

    /** One check: {@code passed - what was compared}. */
    public static String check(Check check) {
        return check.result().json() + " - " + check.detail();
    }

    public static List<String> settingsProblems(PreviewReport report) {
        List<String> lines = new ArrayList<>();
        report.settingsProblems().forEach(problem -> lines.add(problem.code() + ": " + problem.message()));
        return lines.isEmpty() ? List.of("none") : lines;
    }

    private static String list(List<String> values) {
        return values.isEmpty() ? "-" : String.join(", ", values);
    }
}
