package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.compat.JarLinkage;

/**
 * The jar is compiled against the oldest supported Keycloak, but runs on newer ones, where a method may have changed
 * its signature (a {@code boolean} parameter that became {@code Boolean} is enough). The JVM only notices when a code
 * path first runs, in the middle of a sign-in; this test resolves every reference of every class in the jar against
 * the libraries of the distribution the ITs run ({@code -Dkc.it.dist.version}), whichever paths the other ITs take.
 */
@DisplayName("Binary compatibility with the Keycloak distribution under test")
class BinaryCompatibilityIT {

    @Test
    @DisplayName("every class, method and field the jar uses exists in this Keycloak's libraries")
    void everyReferenceResolves() {
        Path jar = Path.of(System.getProperty("kc.it.provider.jar"));
        Path home = Path.of(System.getProperty("kc.it.home"));

        JarLinkage.Report report = JarLinkage.check(jar, home);

        assertThat(report.classes()).as("classes read from %s", jar).isGreaterThan(50);
        assertThat(report.references()).as("references checked").isGreaterThan(1000);
        assertThat(report.problems()).as("references %s cannot resolve", home.getFileName()).isEmpty();
    }
}
