package io.jitprovisioning.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The build's properties, read from pom.xml as the scripts read them (tools/versions.sh): the first element of that
 * name, with {@code ${...}} references to other properties resolved. pom.xml is the one place where the Keycloak
 * versions are written; tests that check other files against them ask here.
 */
public final class Pom {

    private static final Path FILE = Path.of("pom.xml");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9._-]+)}");

    private Pom() {
    }

    /** The element's text; fails when pom.xml has no such element. */
    public static String value(String element) {
        Matcher matcher = Pattern.compile("<" + Pattern.quote(element) + ">([^<]+)</" + Pattern.quote(element) + ">").matcher(text());
        if (!matcher.find()) {
            throw new IllegalStateException("pom.xml has no <" + element + ">");
        }
        return REFERENCE.matcher(matcher.group(1).trim()).replaceAll(reference -> Matcher.quoteReplacement(value(reference.group(1))));
    }

    /** {@code keycloak.version}: the Keycloak API the jar is compiled against, the oldest supported release. */
    public static String keycloakVersion() {
        return value("keycloak.version");
    }

    /** {@code keycloak.dist.version}: the release the ITs, the demo, docker/, the cluster test and the benchmark run. */
    public static String keycloakDistVersion() {
        return value("keycloak.dist.version");
    }

    /** {@code keycloak.compat.versions}: the releases compat/run runs the ITs on, in the pom's order. */
    public static List<String> keycloakCompatVersions() {
        return Arrays.stream(value("keycloak.compat.versions").split(",")).map(String::trim).toList();
    }

    /** Every Keycloak release the build names. */
    public static Set<String> keycloakReleases() {
        Set<String> releases = new LinkedHashSet<>(List.of(keycloakVersion(), keycloakDistVersion()));
        releases.addAll(keycloakCompatVersions());
        return releases;
    }

    private static String text() {
        try {
            return Files.readString(FILE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
