package io.jitprovisioning.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

import io.jitprovisioning.testsupport.LoginResult;

/** Runs timed sign-ins, one after another or from a pool of simulated browsers. */
final class Load {

    private Load() {
    }

    /**
     * One sign-in: how long it took from the first request to the last response, and how it ended. The wall-clock
     * start and end (epoch nanoseconds) let a flight recording's samples be attributed to the sign-in running then.
     */
    record Attempt(int index, double millis, LoginResult result, RuntimeException error, long startEpochNanos, long endEpochNanos) {

        Outcome outcome() {
            return error != null ? Outcome.CLIENT_EXCEPTION : Outcome.of(result);
        }

        boolean loggedIn() {
            return outcome() == Outcome.LOGGED_IN;
        }

        /** The same sign-in without the pages it went through when it succeeded: thousands of them are kept. */
        Attempt compact() {
            if (!loggedIn()) {
                return this;
            }
            return new Attempt(index, millis, new LoginResult(List.of(result.last()), result.last(), result.redirectUri()), null,
                    startEpochNanos, endEpochNanos);
        }

        /** Where a failed sign-in ended, short enough for a table. */
        String describe() {
            if (error != null) {
                return error.toString();
            }
            var last = result.last();
            String text = last.text();
            return last.method() + " " + last.uri().getPath() + " -> " + last.status() + ": "
                    + (text.length() > 160 ? text.substring(0, 160) + "..." : text);
        }
    }

    /** Many sign-ins at a fixed concurrency; wall time from the first start to the last end. */
    record Run(List<Attempt> attempts, double wallSeconds) {

        long count(Outcome outcome) {
            return attempts.stream().filter(attempt -> attempt.outcome() == outcome).count();
        }

        Map<Outcome, Long> outcomes() {
            Map<Outcome, Long> counts = new EnumMap<>(Outcome.class);
            for (Outcome outcome : Outcome.values()) {
                counts.put(outcome, count(outcome));
            }
            return counts;
        }

        double[] loggedInMillis() {
            return attempts.stream().filter(Attempt::loggedIn).mapToDouble(Attempt::millis).toArray();
        }

        double loginsPerSecond() {
            return count(Outcome.LOGGED_IN) / wallSeconds;
        }

        List<String> failures(int max) {
            return attempts.stream().filter(attempt -> !attempt.loggedIn()).limit(max)
                    .map(attempt -> "#" + attempt.index() + " " + attempt.outcome().label() + ": " + attempt.describe()).toList();
        }
    }

    static Attempt timed(int index, IntFunction<LoginResult> login) {
        long startEpoch = epochNanos();
        long start = System.nanoTime();
        LoginResult result = null;
        RuntimeException error = null;
        try {
            result = login.apply(index);
        } catch (RuntimeException e) {
            error = e;
        }
        double millis = (System.nanoTime() - start) / 1e6;
        return new Attempt(index, millis, result, error, startEpoch, epochNanos());
    }

    static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    static Run run(int count, int concurrency, IntFunction<LoginResult> login) {
        long start = System.nanoTime();
        List<Attempt> attempts = onPool(count, concurrency, index -> timed(index, login));
        return new Run(attempts, (System.nanoTime() - start) / 1e9);
    }

    /** Runs tasks on a small pool and waits for all: for fixture work such as creating users. */
    static void parallel(int count, int concurrency, IntConsumer task) {
        onPool(count, concurrency, index -> {
            task.accept(index);
            return null;
        });
    }

    /** Runs {@code count} tasks on {@code concurrency} threads; their results in task order. */
    private static <T> List<T> onPool(int count, int concurrency, IntFunction<T> task) {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> results = new ArrayList<>(count);
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }
}
