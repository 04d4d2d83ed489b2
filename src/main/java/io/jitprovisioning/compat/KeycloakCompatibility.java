package io.jitprovisioning.compat;

import java.util.concurrent.atomic.AtomicBoolean;

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
    /** Several of the extension's factories check; the warning is worth one line, not one per factory. */
    private static final AtomicBoolean WARNED = new AtomicBoolean();

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

    /** For the factories' {@code init}: throws on a Keycloak older than the range, so that Keycloak does not start. */
    public static void requireSupportedKeycloak() {
        requireSupported(Version.VERSION);
    }

    static void requireSupported(String version) {
        switch (judge(version)) {
            case SUPPORTED -> LOG.debugf("Keycloak %s is within the supported range (%s)", version, SUPPORTED_RANGE);
            case OLDER -> {
                String message = "keycloak-jit-provisioning supports " + SUPPORTED_RANGE + "; this server is Keycloak "
                        + version + ". Remove keycloak-jit-provisioning.jar from providers/ (and run kc.sh build), "
                        + "or upgrade Keycloak.";
                LOG.error(message);
                throw new UnsupportedKeycloakException(message);
            }
            case NEWER -> warnOnce("keycloak-jit-provisioning is tested with " + SUPPORTED_RANGE + "; this server is "
                    + "Keycloak " + version + ", newer than that range. It starts, but test brokered sign-ins before "
                    + "relying on it, and look for a release of the extension that names this Keycloak.");
            case UNRECOGNISED -> warnOnce("keycloak-jit-provisioning supports " + SUPPORTED_RANGE + " and cannot read "
                    + "this server's Keycloak version '" + version + "'; it starts, unchecked.");
        }
    }

    private static void warnOnce(String message) {
        if (WARNED.compareAndSet(false, true)) {
            LOG.warn(message);
        }
    }
}
