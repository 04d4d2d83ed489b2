package io.jitprovisioning;

import java.util.Map;

import io.jitprovisioning.compat.KeycloakCompatibility;

/**
 * The extension's version as the jar's manifest states it, and the Keycloak releases it supports, for the admin
 * console's server info.
 */
public final class JitVersion {

    private JitVersion() {
    }

    public static String version() {
        String version = JitVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public static Map<String, String> operationalInfo() {
        return Map.of("Version", version(), "Supported Keycloak", KeycloakCompatibility.SUPPORTED_RANGE);
    }
}
