package io.jitprovisioning.compat;

import org.jboss.logging.Logger;
import org.keycloak.common.Version;

/**
 * The Keycloak releases this jar runs on, checked when Keycloak starts. An older Keycloak lacks model calls the
 * extension makes, and would answer every brokered sign-in with a 500: it is refused before the first request
 * instead. A newer one is allowed with a warning, since its SPIs usually still fit and a refusal would take the
 * whole server down on an upgrade.
 */
public final class KeycloakCompatibility {

    public static final KeycloakRelease OLDEST = new KeycloakRelease(26, 4);
    public static final KeycloakRelease NEWEST = new KeycloakRelease(26, 7);
    public static final String SUPPORTED_RANGE = "Keycloak " + OLDEST + " to " + NEWEST;

    private static final Logger LOG = Logger.getLogger(KeycloakCompatibility.class);

    public enum Verdict { SUPPORTED, NEWER, OLDER, UNRECOGNISED }

    private KeycloakCompatibility() {
    }

    public static Verdict judge(String version) {
        return KeycloakRelease.parse(version).map(release -> {
            if (release.compareTo(OLDEST) < 0) {
                return Verdict.OLDER;
            }
            return release.compareTo(NEWEST) > 0 ? Verdict.NEWER : Verdict.SUPPORTED;
        }).orElse(Verdict.UNRECOGNISED);
    }

    /**
     * For the mapper factory's {@code init}: throws on a Keycloak older than the range, so that Keycloak does not
     * start, and warns on a newer or unreadable one. The other factories only refuse ({@link #refuseOlderKeycloak}),
     * so that a start logs the warning once, not once per factory.
     */
    public static void requireSupportedKeycloak() {
        requireSupported(Version.VERSION);
    }

    /** For the other factories' {@code init}: throws on a Keycloak older than the range, silent otherwise. */
    public static void refuseOlderKeycloak() {
        refuseOlder(Version.VERSION);
    }

    static void requireSupported(String version) {
        switch (judge(version)) {
            case SUPPORTED -> LOG.debugf("Keycloak %s is within the supported range (%s)", version, SUPPORTED_RANGE);
            case OLDER -> refuseOlder(version);
            case NEWER -> LOG.warn("keycloak-jit-provisioning is tested with " + SUPPORTED_RANGE + "; this server is "
                    + "Keycloak " + version + ", newer than that range. It starts, but test brokered sign-ins before "
                    + "relying on it, and look for a release of the extension that names this Keycloak.");
            case UNRECOGNISED -> LOG.warn("keycloak-jit-provisioning supports " + SUPPORTED_RANGE + " and cannot read "
                    + "this server's Keycloak version '" + version + "'; it starts, unchecked.");
        }
    }

    static void refuseOlder(String version) {
        if (judge(version) == Verdict.OLDER) {
            String message = "keycloak-jit-provisioning supports " + SUPPORTED_RANGE + "; this server is Keycloak "
                    + version + ". Remove keycloak-jit-provisioning.jar from providers/ (and run kc.sh build), "
                    + "or upgrade Keycloak.";
            LOG.error(message);
            throw new UnsupportedKeycloakException(message);
        }
    }
}
