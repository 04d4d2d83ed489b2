package io.jitprovisioning.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.type.TypeReference;

/**
 * Scenario 2: a whole company's first sign-in: many new identities through the JIT IdP at once. Afterwards the
 * admin API must show exactly one linked account per identity, each holding exactly the role its value names.
 */
final class FirstLogins {

    static final String TITLE = "2. First-login provisioning under load";
    private static final String PREFIX = "new-";

    private final BenchRealms realms;
    private final BenchConfig config;
    private final Jvm jvm;

    FirstLogins(BenchRealms realms, BenchConfig config, Jvm jvm) {
        this.realms = realms;
        this.config = config;
        this.jvm = jvm;
    }

    Section run() {
        List<String> users = realms.idpUsers(PREFIX, config.newUsers());
        BenchMain.log("s2: %d new users at concurrency %d", users.size(), config.concurrency());
        java.nio.file.Path recording = config.workDir().resolve("scenario2.jfr");
        jvm.startRecording("bench-s2", recording);
        Load.Run run = Load.run(users.size(), config.concurrency(), i -> realms.login(BenchRealms.JIT, users.get(i)));
        jvm.stopRecording("bench-s2");
        JfrProfile.Summary profile = JfrProfile.analyse(recording);

        Set<String> accounts = usernames("/users?search=" + PREFIX + "&briefRepresentation=true&max=1000000");
        Set<String> linked = usernames("/users?idpAlias=" + BenchRealms.JIT + "&briefRepresentation=true&max=1000000");
        Map<String, List<String>> rolesByUser = rolesByUser();
        int missing = 0;
        int wrongRole = 0;
        int unlinked = 0;
        List<String> examples = new ArrayList<>();
        for (int i = 0; i < users.size(); i++) {
            String user = users.get(i);
            List<String> expected = List.of(BenchRealms.role(i % BenchRealms.ROLE_COUNT));
            List<String> actual = rolesByUser.getOrDefault(user, List.of());
            if (!accounts.contains(user)) {
                missing++;
            } else if (!linked.contains(user)) {
                unlinked++;
            }
            if (accounts.contains(user) && !actual.equals(expected)) {
                wrongRole++;
                if (examples.size() < 5) {
                    examples.add(user + " holds " + actual + ", expected " + expected);
                }
            }
        }
        long extra = accounts.stream().filter(name -> name.startsWith(PREFIX) && !users.contains(name)).count();
        long matching = accounts.stream().filter(name -> name.startsWith(PREFIX)).count();

        Stats.Summary latency = Stats.summary(run.loggedInMillis());
        long errors = users.size() - run.count(Outcome.LOGGED_IN);
        StringBuilder out = new StringBuilder();
        out.append(users.size()).append(" identities never seen before, each signing in once through `corp-idp`, ")
                .append(config.concurrency()).append(" simulated browsers at a time. Wall time ")
                .append(Markdown.fixed(run.wallSeconds(), 1)).append(" s.\n\n");
        out.append(Markdown.table(Markdown.LATENCY_HEADER, List.of(
                Markdown.latencyRow("first logins (concurrency " + config.concurrency() + ")", latency,
                        Markdown.fixed(run.loginsPerSecond(), 2)))));
        out.append('\n').append(outcomes(run));
        out.append('\n').append(Markdown.table(List.of("accounts (admin REST)", "value"), List.of(
                List.of("accounts named " + PREFIX + "* (expected " + users.size() + ")", Long.toString(matching)),
                List.of("missing", Integer.toString(missing)),
                List.of("not linked to corp-idp", Integer.toString(unlinked)),
                List.of("unexpected extra accounts", Long.toString(extra)),
                List.of("without exactly their expected role", Integer.toString(wrongRole)))));
        if (!examples.isEmpty() || errors > 0) {
            List<String> notes = new ArrayList<>(examples);
            notes.addAll(run.failures(5));
            out.append('\n').append(Markdown.bullets(notes));
        }
        out.append("\n#### Where the extension's time goes in first logins (JFR)\n\n")
                .append(ProfileMarkdown.render(profile, users.size(), 0));
        List<Check> checks = List.of(
                Check.of("s2 no login errors", errors == 0, errors + " errors"),
                Check.of("s2 exactly one account per new identity", missing == 0 && extra == 0 && matching == users.size(),
                        matching + " accounts, " + missing + " missing, " + extra + " extra"),
                Check.of("s2 every account linked", unlinked == 0, unlinked + " unlinked"),
                Check.of("s2 every account holds exactly its role", wrongRole == 0, wrongRole + " wrong"));
        return new Section(TITLE, out.toString(), checks);
    }

    static String outcomes(Load.Run run) {
        List<List<String>> rows = new ArrayList<>();
        run.outcomes().forEach((outcome, count) -> rows.add(List.of(outcome.label(), Long.toString(count))));
        return Markdown.table(List.of("outcome", "count"), rows);
    }

    private Set<String> usernames(String path) {
        Set<String> names = new HashSet<>();
        realms.admin().get("/" + BenchRealms.REALM + path, new TypeReference<List<Map<String, Object>>>() {
        }).forEach(user -> names.add((String) user.get("username")));
        return names;
    }

    /** Direct realm roles per user, read from each role's member list (10 + 1 requests instead of one per user). */
    private Map<String, List<String>> rolesByUser() {
        Map<String, List<String>> roles = new HashMap<>();
        List<String> names = new ArrayList<>();
        names.add(BenchRealms.DEFAULT_ROLE);
        for (int i = 0; i < BenchRealms.ROLE_COUNT; i++) {
            names.add(BenchRealms.role(i));
        }
        for (String role : names) {
            for (String user : usernames("/roles/" + role + "/users?briefRepresentation=true&first=0&max=1000000")) {
                roles.computeIfAbsent(user, u -> new ArrayList<>()).add(role);
            }
        }
        roles.values().forEach(list -> list.sort(null));
        return roles;
    }
}
