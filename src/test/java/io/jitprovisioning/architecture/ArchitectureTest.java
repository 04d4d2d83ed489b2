package io.jitprovisioning.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure drawn from {@code src/main}: dependencies (imports, and names written out in full) point down the
 * layers, so there is no circle; no class grows past 200 lines; and nothing keeps state in static fields, where it
 * would be shared by everything in the JVM (two Keycloaks in one JVM, tests) and live as long as the class.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/io/jitprovisioning");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?io\\.jitprovisioning\\.([\\w.]*?)\\.?[A-Z]\\w*(?:\\.\\w+)*;",
            Pattern.MULTILINE);

    /**
     * From the top down: the SPI shell; the preview of a sign-in; writers and storage; the per-sign-in decision; the
     * rules; the base. A package
     * may import its own layer's packages only if it is itself; anything in a lower layer freely.
     */
    private static final List<List<String>> LAYERS = List.of(
            List.of("broker.saml.mappers", "authentication.authenticators.broker", "admin"),
            List.of("preview"),
            List.of("sync", "provenance.jpa", "references", "delegation"),
            List.of("login"),
            List.of("admission", "preparation", "events"),
            List.of("groups"),
            List.of("roles", "profile", "organization"),
            List.of("config", "provenance", "metadata", "refusal"),
            List.of("saml"),
            List.of("identity", "problem"),
            List.of(""),
            // What differs between the supported Keycloak releases: uses nothing of the extension's own.
            List.of("compat"));

    private static final Map<String, Set<String>> imports = new TreeMap<>();
    private static final Map<Path, Long> lines = new HashMap<>();
    private static final Map<Path, JavaSource> sources = new TreeMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                JavaSource java = new JavaSource(source);
                String from = MAIN.relativize(file.getParent() == null ? MAIN : file.getParent()).toString().replace('/', '.');
                Set<String> targets = imports.computeIfAbsent(from, any -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(java.code());
                while (matcher.find()) {
                    targets.add(matcher.group(1));
                }
                // A name written out in full (io.jitprovisioning.x.Y, no import) is a dependency all the same.
                targets.addAll(java.qualifiedPackages());
                targets.remove(from);
                lines.put(file, source.lines().count());
                sources.put(file, java);
            }
        }
    }

    @Test
    void everyPackageHasALayer() {
        assertThat(imports.keySet()).allSatisfy(pkg -> assertThat(layerOf(pkg)).as("layer of '%s'", pkg).isNotNegative());
    }

    @Test
    void importsPointDown() {
        List<String> upward = new ArrayList<>();
        imports.forEach((from, targets) -> targets.stream()
                .filter(to -> layerOf(to) >= layerOf(from))
                .forEach(to -> upward.add(from + " -> " + to)));
        assertThat(upward).as("imports and fully qualified names that do not point to a lower layer").isEmpty();
    }

    @Test
    void noPackageReachesItself() {
        List<String> circles = new ArrayList<>();
        for (String start : imports.keySet()) {
            if (reaches(start, start, new TreeSet<>())) {
                circles.add(start);
            }
        }
        assertThat(circles).as("packages on a circle of imports").isEmpty();
    }

    @Test
    void noClassIsLongerThan200Lines() {
        assertThat(lines).as("main classes and their lengths").allSatisfy((file, count) -> assertThat(count).as("%s", file).isLessThanOrEqualTo(200));
    }

    /**
     * Static state found in the sources ({@link StaticState} says what counts and what it lets through): it would be
     * one copy per JVM, shared by every Keycloak and every test in it, living as long as the class.
     */
    @Test
    void noStaticMutableState() {
        assertThat(StaticState.findIn(sources)).as("static fields that hold mutable state").isEmpty();
    }

    private static boolean reaches(String from, String target, Set<String> seen) {
        for (String next : imports.getOrDefault(from, Set.of())) {
            if (next.equals(target) || seen.add(next) && reaches(next, target, seen)) {
                return true;
            }
        }
        return false;
    }

    private static int layerOf(String pkg) {
        for (int i = 0; i < LAYERS.size(); i++) {
            if (LAYERS.get(i).contains(pkg)) {
                return LAYERS.size() - i;
            }
        }
        return -1;
    }
}
