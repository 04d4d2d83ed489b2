package io.jitprovisioning.testsupport;

import java.time.Duration;

/** Waiting in tests and test servers: an interrupt ends the wait early and stays set for the caller to see. */
public final class Pause {

    private Pause() {
    }

    public static void sleep(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
