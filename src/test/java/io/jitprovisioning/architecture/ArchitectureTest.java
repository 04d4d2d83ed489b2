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
 * The structure drawn from the imports of {@code src/main}: dependencies point down the layers, so there is no
 * circle, and no class grows past 200 lines.
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
            List.of("sync", "provenance.jpa"),
            List.of("login"),
            List.of("admission", "preparation", "events"),
            List.of("groups"),
            List.of("roles", "profile", "organization"),
            List.of("config", "provenance", "metadata", "refusal"),
            List.of("saml"),
            List.of("identity"),
            List.of(""),
            // What differs between the supported Keycloak releases: uses nothing of the extension's own.
            List.of("compat"));

    private static final Map<String, Set<String>> imports = new TreeMap<>();
    private static final Map<Path, Long> lines = new HashMap<>();

    @BeforeAll
    static void readSources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                String from = MAIN.relativize(file.getParent() == null ? MAIN : file.getParent()).toString().replace('/', '.');
                Set<String> targets = imports.computeIfAbsent(from, any -> new TreeSet<>());
                Matcher matcher = IMPORT.matcher(source);
                while (matcher.find()) {
                    if (!matcher.group(1).equals(from)) {
                        targets.add(matcher.group(1));
                    }
                }
                lines.put(file, source.lines().count());
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
        assertThat(upward).as("imports that do not point to a lower layer").isEmpty();
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
