package io.jitprovisioning.roles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RealmSnapshotsTest {

    private final AtomicLong clock = new AtomicLong();
    private final AtomicInteger builds = new AtomicInteger();
    private final RealmSnapshots<String> snapshots = new RealmSnapshots<>(Duration.ofMinutes(5), 3, 100, String::length, clock::get);
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    private String build(String value) {
        builds.incrementAndGet();
        return value;
    }

    @Nested
    @DisplayName("given sign-ins in one realm")
    class Reuse {

        @Test
        void theSnapshotIsBuiltOnceAndReused() {
            assertThat(snapshots.get("r1", () -> build("one"))).isEqualTo("one");
            assertThat(snapshots.get("r1", () -> build("two"))).isEqualTo("one");
            assertThat(builds).hasValue(1);
        }

        @Test
        void concurrentSignInsWaitForTheOneBuildInProgress() throws Exception {
            CountDownLatch building = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<String> first = threads.submit(() -> snapshots.get("r1", () -> {
                building.countDown();
                await(release);
                return build("slow");
            }));
            assertThat(building.await(5, TimeUnit.SECONDS)).as("the first build started").isTrue();
            BlockingQueue<Thread> callers = new LinkedBlockingQueue<>();
            Callable<String> signIn = () -> {
                callers.add(Thread.currentThread());
                return snapshots.get("r1", () -> build("other"));
            };
            Future<String> second = threads.submit(signIn);
            Future<String> third = threads.submit(signIn);
            // Both are inside get() while the build runs, so what they return can only come from waiting for it.
            awaitWaitingInsideSnapshots(callers.poll(5, TimeUnit.SECONDS));
            awaitWaitingInsideSnapshots(callers.poll(5, TimeUnit.SECONDS));
            assertThat(second).isNotDone();
            assertThat(third).isNotDone();
            release.countDown();

            assertThat(List.of(first.get(5, TimeUnit.SECONDS), second.get(5, TimeUnit.SECONDS), third.get(5, TimeUnit.SECONDS)))
                    .containsOnly("slow");
            assertThat(builds).hasValue(1);
        }

        @Test
        void aSnapshotOlderThanMaxAgeIsRebuilt() {
            snapshots.get("r1", () -> build("old"));
            clock.addAndGet(Duration.ofMinutes(4).toNanos());
            assertThat(snapshots.get("r1", () -> build("new"))).isEqualTo("old");
            clock.addAndGet(Duration.ofMinutes(2).toNanos());
            assertThat(snapshots.get("r1", () -> build("new"))).isEqualTo("new");
        }

        @Test
        void aFailedBuildIsNotKept() {
            assertThatThrownBy(() -> snapshots.get("r1", () -> {
                throw new IllegalStateException("database down");
            })).hasMessage("database down");

            assertThat(snapshots.size()).isZero();
            assertThat(snapshots.get("r1", () -> build("fine"))).isEqualTo("fine");
        }
    }

    @Nested
    @DisplayName("given a change in the realm")
    class Invalidation {

        @Test
        void theNextSignInBuildsANewSnapshot() {
            snapshots.get("r1", () -> build("before"));
            snapshots.get("r2", () -> build("other"));
            snapshots.invalidate("r1");

            assertThat(snapshots.get("r1", () -> build("after"))).isEqualTo("after");
            assertThat(snapshots.get("r2", () -> build("x"))).isEqualTo("other");
            snapshots.invalidateAll();
            assertThat(snapshots.get("r2", () -> build("y"))).isEqualTo("y");
        }

        @Test
        void aBuildRunningDuringTheChangeServesItsCallerButIsNotKept() throws Exception {
            CountDownLatch building = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<String> during = threads.submit(() -> snapshots.get("r1", () -> {
                building.countDown();
                await(release);
                return build("read before the change");
            }));
            assertThat(building.await(5, TimeUnit.SECONDS)).as("the build started").isTrue();
            snapshots.invalidate("r1");
            release.countDown();

            assertThat(during.get(5, TimeUnit.SECONDS)).isEqualTo("read before the change");
            assertThat(snapshots.get("r1", () -> build("read after the change"))).isEqualTo("read after the change");
        }

        @Test
        void selectedSnapshotsCanBeDropped() {
            snapshots.get("r1", () -> build("keep"));
            snapshots.get("r2", () -> build("drop"));
            snapshots.invalidateIf((realm, value) -> value.equals("drop"));

            assertThat(snapshots.size()).isEqualTo(1);
            assertThat(snapshots.get("r1", () -> build("x"))).isEqualTo("keep");
        }
    }

    @Nested
    @DisplayName("given many realms")
    class Bounds {

        @Test
        void theLeastRecentlyUsedRealmGoesBeyondTheRealmLimit() {
            snapshots.get("r1", () -> build("a"));
            clock.incrementAndGet();
            snapshots.get("r2", () -> build("b"));
            clock.incrementAndGet();
            snapshots.get("r3", () -> build("c"));
            clock.incrementAndGet();
            snapshots.get("r1", () -> build("x")); // r1 used again: r2 is now the oldest
            clock.incrementAndGet();
            snapshots.get("r4", () -> build("d"));

            assertThat(snapshots.size()).isEqualTo(3);
            assertThat(snapshots.get("r1", () -> build("x"))).isEqualTo("a");
            assertThat(snapshots.get("r2", () -> build("rebuilt"))).isEqualTo("rebuilt");
        }

        @Test
        void theTotalWeightStaysWithinItsLimit() {
            snapshots.get("r1", () -> build("x".repeat(60)));
            clock.incrementAndGet();
            snapshots.get("r2", () -> build("y".repeat(60)));

            assertThat(snapshots.weight()).isEqualTo(60);
            assertThat(snapshots.get("r2", () -> build("z"))).hasSize(60).startsWith("y");
        }
    }

    /** Returns once {@code caller} is parked inside {@link RealmSnapshots} (waiting for a build); fails after 5 s. */
    private static void awaitWaitingInsideSnapshots(Thread caller) {
        assertThat(caller).as("a sign-in thread started").isNotNull();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(caller.getState() == Thread.State.WAITING && Arrays.stream(caller.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(RealmSnapshots.class.getName())))) {
            assertThat(System.nanoTime()).as("%s never waited inside RealmSnapshots: it is %s", caller.getName(), caller.getState())
                    .isLessThan(deadline);
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
