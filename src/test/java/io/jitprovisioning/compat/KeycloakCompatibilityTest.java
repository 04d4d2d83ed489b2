package io.jitprovisioning.compat;

import static io.jitprovisioning.compat.KeycloakCompatibility.Verdict.SUPPORTED;
import static io.jitprovisioning.compat.KeycloakCompatibility.Verdict.UNRECOGNISED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.common.Version;

@DisplayName("The Keycloak versions the extension starts on")
class KeycloakCompatibilityTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "26.4.0, SUPPORTED", "26.4.7, SUPPORTED", "26.5.6, SUPPORTED", "26.6.1, SUPPORTED", "26.7.3, SUPPORTED",
            "26.7.99, SUPPORTED", "26.4.7.redhat-00001, SUPPORTED",
            "26.3.5, OLDER", "26.0.0, OLDER", "25.0.6, OLDER", "9.0.0, OLDER",
            "26.8.0, NEWER", "26.10.0, NEWER", "27.0.0, NEWER", "999.0.0-SNAPSHOT, NEWER",
            "UNKNOWN, UNRECOGNISED", "'', UNRECOGNISED", "26, UNRECOGNISED", "v26.4.7, UNRECOGNISED"})
    void judgesByMajorAndMinor(String version, KeycloakCompatibility.Verdict expected) {
        assertThat(KeycloakCompatibility.judge(version)).isEqualTo(expected);
    }

    @Test
    @DisplayName("no version at all cannot be judged")
    void nullVersion() {
        assertThat(KeycloakCompatibility.judge(null)).isEqualTo(UNRECOGNISED);
    }

    @Test
    @DisplayName("an older Keycloak is refused with a message naming the supported range and what to do")
    void olderIsRefused() {
        assertThatThrownBy(() -> KeycloakCompatibility.requireSupported("26.3.5"))
                .isInstanceOf(UnsupportedKeycloakException.class)
                .hasMessageContaining("Keycloak 26.4 to 26.7")
                .hasMessageContaining("Keycloak 26.3.5")
                .hasMessageContaining("providers/");
    }

    @Test
    @DisplayName("the factories that do not warn refuse an older Keycloak all the same, and let the others start")
    void quietFactoriesRefuseOlder() {
        assertThatThrownBy(() -> KeycloakCompatibility.refuseOlder("26.3.5")).isInstanceOf(UnsupportedKeycloakException.class);
        assertThatCode(() -> KeycloakCompatibility.refuseOlder("27.0.0")).doesNotThrowAnyException();
        assertThatCode(() -> KeycloakCompatibility.refuseOlder("UNKNOWN")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("supported, newer and unreadable versions start")
    void othersStart() {
        assertThatCode(() -> KeycloakCompatibility.requireSupported("26.5.6")).doesNotThrowAnyException();
        assertThatCode(() -> KeycloakCompatibility.requireSupported("27.0.0")).doesNotThrowAnyException();
        assertThatCode(() -> KeycloakCompatibility.requireSupported("UNKNOWN")).doesNotThrowAnyException();
    }

    @Test
    @DisplayName("the range is the one the build compiles against and the README names")
    void rangeText() {
        assertThat(KeycloakCompatibility.SUPPORTED_RANGE).isEqualTo("Keycloak 26.4 to 26.7");
        assertThat(KeycloakCompatibility.judge(Version.VERSION)).as("the Keycloak on the compile class path, %s", Version.VERSION)
                .isEqualTo(SUPPORTED);
        assertThat(new KeycloakRelease(26, 10)).isGreaterThan(new KeycloakRelease(26, 9));
    }
}
