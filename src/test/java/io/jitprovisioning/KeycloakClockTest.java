package io.jitprovisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.keycloak.common.util.Time;

/** The extension's clock is Keycloak's: the offset Keycloak's test suites set moves it too. */
class KeycloakClockTest {

    @AfterEach
    void resetKeycloaksOffset() {
        Time.setOffset(0);
    }

    @Test
    void itFollowsKeycloaksOffset() {
        long before = System.currentTimeMillis();
        Time.setOffset(3600);

        long read = KeycloakClock.get().millis();

        assertThat(read).isBetween(before + 3_600_000, System.currentTimeMillis() + 3_600_000);
        assertThat(KeycloakClock.get().instant().toEpochMilli()).isGreaterThanOrEqualTo(read);
        assertThat(KeycloakClock.get().getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
