package io.jitprovisioning;

import java.util.Map;

/** The extension's version as the jar's manifest states it, for the admin console's server info. */
public final class JitVersion {

    private JitVersion() {
    }

    public static String version() {
        String version = JitVersion.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    public static Map<String, String> operationalInfo() {
        return Map.of("Version", version());
    }
}
