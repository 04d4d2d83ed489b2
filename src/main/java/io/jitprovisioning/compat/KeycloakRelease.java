package io.jitprovisioning.compat;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A Keycloak minor release (26.4), read from a version string such as {@code 26.4.7} or {@code 26.2.5.redhat-00001}. */
public record KeycloakRelease(int major, int minor) implements Comparable<KeycloakRelease> {

    private static final Pattern MAJOR_MINOR = Pattern.compile("^\\s*(\\d{1,4})\\.(\\d{1,4})(?:[.\\-].*)?$");

    public static Optional<KeycloakRelease> parse(String version) {
        if (version == null) {
            return Optional.empty();
        }
        Matcher matcher = MAJOR_MINOR.matcher(version);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new KeycloakRelease(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
    }

    @Override
    public int compareTo(KeycloakRelease other) {
        return major != other.major ? Integer.compare(major, other.major) : Integer.compare(minor, other.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }
}
