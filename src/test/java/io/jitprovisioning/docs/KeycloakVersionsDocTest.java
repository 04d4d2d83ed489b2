package io.jitprovisioning.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.compat.KeycloakCompatibility;
import io.jitprovisioning.testsupport.Pom;

/**
 * The Keycloak versions are written in one place, pom.xml. The scripts read them from there; a document that must
 * name a release names one of the pom's, so that a change of release is one edit plus what this test then names.
 */
@DisplayName("The Keycloak versions, written once in pom.xml")
class KeycloakVersionsDocTest {

    /** A Keycloak release (26.7.3; two-digit major), not an IP address or another tool's version. */
    private static final Pattern RELEASE = Pattern.compile("(?<!\\d)(?<!\\d\\.)\\d{2}\\.\\d+\\.\\d+(?!\\d)(?!\\.\\d)");
    /** The supported range as prose writes it: "26.4 to 26.7". */
    private static final Pattern RANGE = Pattern.compile("(?<!\\d)(?<!\\d\\.)\\d{2}\\.\\d+ to \\d{2}\\.\\d+(?!\\d)(?!\\.\\d)");
    private static final List<Path> SCRIPTS = Stream.of("demo/run", "compat/run", "cluster/run", "bench/run", "browser/run",
            "browser/install", ".ci/run", "tools/versions.sh", "docker/Dockerfile", "docker/compose.yml").map(Path::of).toList();
    /** The scripts that start or fetch a Keycloak release, and so read the versions. */
    private static final List<Path> READERS = Stream.of("demo/run", "compat/run", "bench/run", "browser/run", ".ci/run").map(Path::of)
            .toList();

    private static final Comparator<String> BY_VERSION = Comparator.comparing(
            version -> Stream.of(version.split("\\.")).mapToInt(Integer::parseInt).toArray(), Arrays::compare);

    @Test
    @DisplayName("the compatibility releases run from the compile API (the oldest) to the runtime (the newest), all supported")
    void compatibilityReleases() {
        List<String> releases = Pom.keycloakCompatVersions();

        assertThat(releases).doesNotHaveDuplicates().isSortedAccordingTo(BY_VERSION);
        assertThat(releases.get(0)).as("the jar is compiled against the oldest release it is tested on").isEqualTo(Pom.keycloakVersion());
        assertThat(releases.get(releases.size() - 1)).as("the runtime is the newest").isEqualTo(Pom.keycloakDistVersion());
        assertThat(releases).allSatisfy(release ->
                assertThat(KeycloakCompatibility.judge(release)).as(release).isEqualTo(KeycloakCompatibility.Verdict.SUPPORTED));
    }

    @Test
    @DisplayName("every release README.md and docs/*.md name is one of the pom's, and every range is the one the extension checks")
    void documentsNameThePomsReleases() throws IOException {
        String range = KeycloakCompatibility.SUPPORTED_RANGE.replace("Keycloak ", "");
        SoftAssertions softly = new SoftAssertions();
        for (Path document : Markdown.documents()) {
            String text = Files.readString(document);
            softly.assertThat(found(RELEASE, text)).as("releases named in %s (pom.xml: %s)", document, Pom.keycloakReleases())
                    .isSubsetOf(Pom.keycloakReleases());
            softly.assertThat(found(RANGE, text)).as("supported ranges named in %s", document).allSatisfy(named -> assertThat(named).isEqualTo(range));
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("the compatibility table has a row for each compatibility release, and the README's install step names them")
    void testedReleasesAreThePoms() throws IOException {
        List<Map<String, String>> rows = Markdown.of(Path.of("docs/compatibility.md")).table("Compatibility", "Keycloak");
        List<String> tableReleases = rows.stream().map(row -> row.get("Keycloak")).filter(cell -> RELEASE.matcher(cell).matches()).toList();
        Matcher tested = Pattern.compile("tested on ([^;)]*)").matcher(Files.readString(Markdown.README));

        assertThat(tableReleases).containsExactlyInAnyOrderElementsOf(Pom.keycloakCompatVersions());
        assertThat(tested.find()).as("README: \"tested on ...\"").isTrue();
        assertThat(found(RELEASE, tested.group(1))).containsExactlyInAnyOrderElementsOf(Pom.keycloakCompatVersions());
    }

    @Test
    @DisplayName("no script or Docker file writes a release; those that run Keycloak source tools/versions.sh")
    void scriptsReadThePom() throws IOException {
        SoftAssertions softly = new SoftAssertions();
        String range = KeycloakCompatibility.SUPPORTED_RANGE.replace("Keycloak ", "");
        for (Path script : SCRIPTS) {
            String text = Files.readString(script);
            softly.assertThat(found(RELEASE, text)).as("releases written in %s", script).isEmpty();
            softly.assertThat(found(RANGE, text)).as("ranges named in %s", script).allSatisfy(named -> assertThat(named).isEqualTo(range));
        }
        for (Path script : READERS) {
            softly.assertThat(Files.readAllLines(script)).as(script.toString()).contains("source tools/versions.sh");
        }
        softly.assertAll();
    }

    @Test
    @DisplayName("a release is told from an address and from another tool's version")
    void releasePattern() {
        assertThat(found(RELEASE, "Keycloak 26.7.3 on 127.0.0.1, maven-dependency-plugin:3.8.1, 26.4 to 26.7, 1.26.4.7, v26.5.6."))
                .containsExactly("26.7.3", "26.5.6");
    }

    private static List<String> found(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
