package io.jitprovisioning.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import com.fasterxml.jackson.core.type.TypeReference;

import io.jitprovisioning.bench.Load.Attempt;

/**
 * Scenario 3: one new identity signing in from many browsers at the same moment. Each browser goes through the IdP
 * on its own, then all post their SAMLResponse to the broker together (a barrier just before that post), so the
 * first-login flows really overlap. One account may come out of it; every attempt must end logged in or on an error
 * page the user can retry from, never on a 5xx, and a retry of each refused attempt must log in. Which error page
 * (the extension's TRY_AGAIN or another one) is reported, not enforced.
 */
final class SameUserRace {

    static final String TITLE = "3. Same-user race";

    private final BenchRealms realms;
    private final BenchConfig config;

    SameUserRace(BenchRealms realms, BenchConfig config) {
        this.realms = realms;
        this.config = config;
    }

    private record Round(String username, Load.Run run, int accounts, int linked, int retried, int retriedLoggedIn,
                         List<String> failures) {
    }

    Section run() {
        List<Round> rounds = new ArrayList<>();
        for (int r = 0; r < config.raceRounds(); r++) {
            rounds.add(round(BenchRealms.username("race-", r), r));
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        long total = 0;
        long serverErrors = 0;
        long unclean = 0;
        boolean oneAccountEach = true;
        boolean retriesLogIn = true;
        for (Round round : rounds) {
            Map<Outcome, Long> outcomes = round.run().outcomes();
            rows.add(List.of("`" + round.username() + "`", Integer.toString(round.run().attempts().size()),
                    outcomes.get(Outcome.LOGGED_IN).toString(), outcomes.get(Outcome.TRY_AGAIN).toString(),
                    outcomes.get(Outcome.SERVER_ERROR).toString(),
                    Long.toString(outcomes.get(Outcome.OTHER_ERROR) + outcomes.get(Outcome.CLIENT_EXCEPTION)),
                    round.accounts() + " (" + round.linked() + " linked)",
                    round.retriedLoggedIn() + " of " + round.retried()));
            total += round.run().attempts().size();
            serverErrors += outcomes.get(Outcome.SERVER_ERROR);
            unclean += outcomes.get(Outcome.OTHER_ERROR) + outcomes.get(Outcome.CLIENT_EXCEPTION);
            oneAccountEach &= round.accounts() == 1 && round.linked() == 1;
            retriesLogIn &= round.retriedLoggedIn() == round.retried();
            for (String page : round.failures()) {
                long count = round.run().attempts().stream().filter(attempt -> !attempt.loggedIn() && endPage(attempt).equals(page)).count();
                notes.add(round.username() + ": " + count + " x " + page);
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(config.raceRounds()).append(" round(s), each one new identity signing in from ").append(config.race())
                .append(" browsers at once (released together just before posting the SAMLResponse to the broker). ")
                .append("Every attempt that did not log in was retried once, afterwards, in a fresh browser.\n\n");
        out.append(Markdown.table(List.of("identity", "attempts", "logged in", "TRY_AGAIN (extension, 409)", "HTTP 5xx",
                "other error page", "accounts afterwards", "retries logged in"), rows));
        if (!notes.isEmpty()) {
            out.append("\nWhere the attempts that did not log in ended:\n\n").append(Markdown.bullets(notes));
        }
        long tryAgain = rounds.stream().mapToLong(round -> round.run().count(Outcome.TRY_AGAIN)).sum();
        if (unclean > 0) {
            out.append("\n**Finding:** ").append(unclean).append(" of ").append(total - rounds.stream()
                    .mapToLong(round -> round.run().count(Outcome.LOGGED_IN)).sum())
                    .append(" refused attempts did not end on the extension's TRY_AGAIN page (").append(tryAgain)
                    .append(" did) but on the error page listed above; no 5xx, and the retry logged in.\n");
        }
        List<Check> checks = List.of(
                Check.of("s3 exactly one linked account per identity", oneAccountEach, "see table"),
                Check.of("s3 no HTTP 5xx", serverErrors == 0, serverErrors + " of " + total),
                Check.of("s3 every attempt logged in or ended on an error page (no 5xx, no client failure)",
                        rounds.stream().allMatch(round -> round.run().count(Outcome.CLIENT_EXCEPTION) == 0),
                        tryAgain + " TRY_AGAIN, " + unclean + " other error pages"),
                Check.of("s3 every retry logged in", retriesLogIn, "see table"));
        return new Section(TITLE, out.toString(), checks);
    }

    private Round round(String username, int number) {
        realms.idpUser(username, 9000 + number, number % BenchRealms.ROLE_COUNT);
        CyclicBarrier barrier = new CyclicBarrier(config.race());
        BenchMain.log("s3: %d concurrent first logins of %s", config.race(), username);
        Load.Run run = Load.run(config.race(), config.race(), i -> realms.fixture().login(username, fields -> {
            awaitOthers(barrier);
            return fields;
        }));
        List<String> failures = run.attempts().stream().filter(attempt -> !attempt.loggedIn())
                .map(SameUserRace::endPage).distinct().toList();
        int retried = 0;
        int retriedLoggedIn = 0;
        for (Attempt attempt : run.attempts()) {
            if (!attempt.loggedIn()) {
                retried++;
                retriedLoggedIn += Load.timed(attempt.index(), i -> realms.login(BenchRealms.JIT, username)).loggedIn() ? 1 : 0;
            }
        }
        List<Map<String, Object>> accounts = realms.admin().get("/" + BenchRealms.REALM + "/users?exact=true&username=" + username,
                new TypeReference<List<Map<String, Object>>>() {
                });
        int linked = 0;
        for (Map<String, Object> account : accounts) {
            linked += realms.fixture().federatedIdentities((String) account.get("id")).isEmpty() ? 0 : 1;
        }
        return new Round(username, run, accounts.size(), linked, retried, retriedLoggedIn, failures);
    }

    /** The page a refused attempt ended on, without what differs between attempts, with how many ended there. */
    private static String endPage(Attempt attempt) {
        if (attempt.outcome() == Outcome.TRY_AGAIN) {
            return "ended on the extension's refusal page, data-jit-error=TRY_AGAIN, HTTP " + attempt.result().lastStatus();
        }
        if (attempt.error() != null) {
            return "client exception: " + attempt.error();
        }
        String code = attempt.result().jitErrorCode();
        if (code != null) {
            return "ended on the extension's refusal page, data-jit-error=" + code + ", HTTP " + attempt.result().lastStatus()
                    + " at " + attempt.result().last().uri().getPath();
        }
        String text = attempt.result().lastText();
        int sorry = text.indexOf("We are sorry...");
        String message = sorry < 0 ? text : text.substring(sorry + "We are sorry...".length());
        message = message.replace("English French (Français) German (Deutsch)", "").trim();
        return "ended on " + attempt.outcome().label() + " HTTP " + attempt.result().lastStatus() + " at "
                + attempt.result().last().uri().getPath() + ": \"" + (message.length() > 140 ? message.substring(0, 140) + "..." : message) + "\"";
    }

    /** Holds a browser until all have their SAMLResponse ready; a browser that never gets there releases the rest in time. */
    private static void awaitOthers(CyclicBarrier barrier) {
        try {
            barrier.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (BrokenBarrierException | TimeoutException e) {
            // proceed: the race is then a little less tight, not wrong
        }
    }
}
