package io.jitprovisioning;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.keycloak.common.util.Time;

/**
 * Keycloak's clock as a {@link Clock}: {@code Time.currentTimeMillis()}, the system clock plus the offset Keycloak's
 * test suites set with {@code Time.setOffset}. Keycloak times what it stores with it (an account's creation, codes,
 * sessions, SAML conditions), so the extension's windows are measured on it too; a unit test hands the rules a fixed
 * clock instead ({@link Clock#fixed}).
 */
public final class KeycloakClock extends Clock {

    private static final KeycloakClock IN_UTC = new KeycloakClock(ZoneOffset.UTC);

    private final ZoneId zone;

    private KeycloakClock(ZoneId zone) {
        this.zone = zone;
    }

    /** Keycloak's clock, in UTC. */
    public static Clock get() {
        return IN_UTC;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId otherZone) {
        return otherZone.equals(zone) ? this : new KeycloakClock(otherZone);
    }

    @Override
    public long millis() {
        return Time.currentTimeMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }
}
