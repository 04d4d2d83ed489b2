package io.jitprovisioning.bench;

import java.util.ArrayList;
import java.util.List;

import io.jitprovisioning.bench.Load.Attempt;

/**
 * Scenario 4: one user whose role value at the IdP flips between two entries of the role table before every
 * login. After each login the account must hold exactly the role the IdP named, the old one revoked.
 */
final class RoleChurn {

    static final String TITLE = "4. Role churn";
    private static final String USER = "churn-00000";

    private final BenchRealms realms;
    private final BenchConfig config;

    RoleChurn(BenchRealms realms, BenchConfig config) {
        this.realms = realms;
        this.config = config;
    }

    Section run() {
        realms.idpUser(USER, 8000, 0);
        boolean firstOk = realms.login(BenchRealms.JIT, USER).isLoggedIn();
        List<Attempt> attempts = new ArrayList<>();
        List<String> mismatches = new ArrayList<>();
        BenchMain.log("s4: %d logins with a changing role", config.churn());
        for (int i = 0; i < config.churn(); i++) {
            int roleIndex = i % 2 == 0 ? 1 : 2;
            realms.idpUser(USER, 8000, roleIndex);
            Attempt attempt = Load.timed(i, n -> realms.login(BenchRealms.JIT, USER));
            attempts.add(attempt);
            List<String> expected = List.of(BenchRealms.role(roleIndex));
            List<String> actual = realms.realmRolesOf(USER);
            if (!expected.equals(actual)) {
                mismatches.add("login " + i + ": " + actual + ", expected " + expected);
            }
        }
        long failed = attempts.stream().filter(attempt -> !attempt.loggedIn()).count();
        Stats.Summary latency = Stats.summary(attempts.stream().filter(Attempt::loggedIn).mapToDouble(Attempt::millis).toArray());
        StringBuilder out = new StringBuilder();
        out.append("`").append(USER).append("` signs in ").append(config.churn()).append(" times; before each login the IdP's ")
                .append("`role` attribute is switched (admin REST) between `").append(BenchRealms.roleValue(1)).append("` and `")
                .append(BenchRealms.roleValue(2)).append("`; after each, the broker account's realm roles (default-roles aside) ")
                .append("must be exactly the role the value names.\n\n");
        out.append(Markdown.table(Markdown.LATENCY_HEADER, List.of(
                Markdown.latencyRow("logins with a role change", latency, Markdown.fixed(latency.sequentialPerSecond(), 2)))));
        out.append('\n').append(Markdown.table(List.of("check", "value"), List.of(
                List.of("failed logins", Long.toString(failed)),
                List.of("logins after which the roles were not exactly the expected one", Integer.toString(mismatches.size())))));
        if (!mismatches.isEmpty()) {
            out.append('\n').append(Markdown.bullets(mismatches.stream().limit(10).toList()));
        }
        List<Check> checks = List.of(
                Check.of("s4 first login", firstOk, ""),
                Check.of("s4 every login succeeded", failed == 0, failed + " failed"),
                Check.of("s4 exactly the expected role after every login", mismatches.isEmpty(), mismatches.size() + " mismatches"));
        return new Section(TITLE, out.toString(), checks);
    }
}
