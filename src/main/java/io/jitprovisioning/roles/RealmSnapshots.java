package io.jitprovisioning.roles;

import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Snapshots of something derived from a realm's model (its role names; later its group names), kept on this node
 * between sign-ins so that a sign-in does not read the whole realm.
 *
 * <ul>
 *   <li>A snapshot is built on first use, by one thread per realm at a time; sign-ins that need it meanwhile wait
 *       for that build instead of starting their own.</li>
 *   <li>{@link #invalidate} drops it; the next use builds a new one. A build that was running while it was dropped
 *       still serves the sign-ins already waiting for it (they overlapped the change) but is never installed, so
 *       nothing read before a change outlives the invalidation that reports it.</li>
 *   <li>After {@code maxAge} a snapshot is rebuilt at its next use, whatever happened.</li>
 *   <li>Memory is bounded: at most {@code maxRealms} snapshots and {@code maxWeight} in total (a snapshot's weight
 *       is, for example, its number of names); the least recently used go first.</li>
 * </ul>
 *
 * @param <T> the snapshot; immutable, or safe for concurrent use
 */
public final class RealmSnapshots<T> {

    private final Map<String, Slot<T>> slots = new ConcurrentHashMap<>();
    private final long maxAgeNanos;
    private final int maxRealms;
    private final long maxWeight;
    private final ToLongFunction<T> weigher;
    private final LongSupplier nanoClock;

    public RealmSnapshots(Duration maxAge, int maxRealms, long maxWeight, ToLongFunction<T> weigher) {
        this(maxAge, maxRealms, maxWeight, weigher, System::nanoTime);
    }

    RealmSnapshots(Duration maxAge, int maxRealms, long maxWeight, ToLongFunction<T> weigher, LongSupplier nanoClock) {
        this.maxAgeNanos = maxAge.toNanos();
        this.maxRealms = maxRealms;
        this.maxWeight = maxWeight;
        this.weigher = weigher;
        this.nanoClock = nanoClock;
    }

    private static final class Slot<T> {
        final FutureTask<T> build;
        final long builtAt;
        volatile long lastUsed;

        Slot(Supplier<T> build, long now) {
            this.build = new FutureTask<>(build::get);
            this.builtAt = now;
            this.lastUsed = now;
        }

        T doneValue() {
            if (!build.isDone()) {
                return null;
            }
            try {
                return build.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            } catch (ExecutionException | RuntimeException e) {
                return null;
            }
        }
    }

    /**
     * The realm's snapshot, built with {@code build} (in the calling thread) when there is none or it is too old.
     *
     * @throws RuntimeException what {@code build} threw; nothing is kept then, and the next call tries again
     */
    public T get(String realmId, Supplier<T> build) {
        long now = nanoClock.getAsLong();
        Slot<T> slot = slots.get(realmId);
        if (slot == null || now - slot.builtAt > maxAgeNanos && slot.build.isDone()) {
            Slot<T> fresh = new Slot<>(build, now);
            boolean mine = slot == null ? slots.putIfAbsent(realmId, fresh) == null : slots.replace(realmId, slot, fresh);
            if (mine) {
                slot = fresh;
                fresh.build.run();
                if (fresh.doneValue() != null) {
                    evictBeyondBounds(realmId);
                }
            } else {
                Slot<T> other = slots.get(realmId);
                if (other == null) {
                    // Invalidated between our two reads: build for this caller only, keep nothing.
                    return build.get();
                }
                slot = other;
            }
        }
        slot.lastUsed = now;
        return await(realmId, slot);
    }

    private T await(String realmId, Slot<T> slot) {
        try {
            return slot.build.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the snapshot of realm " + realmId, e);
        } catch (ExecutionException e) {
            slots.remove(realmId, slot);
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
    }

    /** Drops the realm's snapshot: the realm changed. */
    public void invalidate(String realmId) {
        slots.remove(realmId);
    }

    /** Drops every snapshot: something changed in a realm this node cannot tell. */
    public void invalidateAll() {
        slots.clear();
    }

    /** Drops the snapshots for which {@code test(realmId, snapshot)} holds; snapshots still being built are dropped too. */
    public void invalidateIf(BiPredicate<String, T> test) {
        slots.forEach((realmId, slot) -> {
            T value = slot.doneValue();
            if (value == null || test.test(realmId, value)) {
                slots.remove(realmId, slot);
            }
        });
    }

    /** Runs {@code action} on the realm's finished snapshot, if there is one. */
    public void ifPresent(String realmId, Consumer<T> action) {
        Slot<T> slot = slots.get(realmId);
        T value = slot == null ? null : slot.doneValue();
        if (value != null) {
            action.accept(value);
        }
    }

    /** Runs {@code action} on every finished snapshot. */
    public void forEach(Consumer<T> action) {
        slots.values().forEach(slot -> {
            T value = slot.doneValue();
            if (value != null) {
                action.accept(value);
            }
        });
    }

    /** Number of snapshots kept (including ones being built). */
    public int size() {
        return slots.size();
    }

    /** Total weight of the finished snapshots. */
    public long weight() {
        long total = 0;
        for (Slot<T> slot : slots.values()) {
            T value = slot.doneValue();
            total += value == null ? 0 : weigher.applyAsLong(value);
        }
        return total;
    }

    private void evictBeyondBounds(String keep) {
        while (slots.size() > maxRealms || slots.size() > 1 && weight() > maxWeight) {
            String oldest = slots.entrySet().stream()
                    .filter(entry -> !entry.getKey().equals(keep))
                    .min(Comparator.comparingLong(entry -> entry.getValue().lastUsed))
                    .map(Map.Entry::getKey).orElse(null);
            if (oldest == null) {
                return;
            }
            slots.remove(oldest);
        }
    }
}
