package io.jitprovisioning.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.jitprovisioning.compat.KeycloakRelease;

/**
 * The one Keycloak all integration test classes share: started by the first class that asks, stopped when the test
 * JVM exits. Paths and ports come from failsafe's system properties (see pom.xml).
 */
public final class SharedKeycloak {

    /** Keycloak's (experimental) feature that shows the extension's setup page in the admin console. */
    public static final String DECLARATIVE_UI = "--features=declarative-ui";

    /** A first start builds Keycloak (about 50 s alone on 2 cores); a machine shared with other builds needs longer. */
    private static final Duration START_TIMEOUT = Duration.ofMinutes(8);

    private static KeycloakServer server;
    private static AdminApi admin;
    private static ServerClock clock;

    private SharedKeycloak() {
    }

    public static synchronized KeycloakServer server() {
        if (server == null) {
            Path home = Path.of(required("kc.it.home"));
            Path jar = Path.of(required("kc.it.provider.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("Build the extension first (mvn verify): missing " + jar);
            }
            KeycloakServer started = new KeycloakServer(home,
                    Integer.parseInt(required("kc.it.port")), Integer.parseInt(required("kc.it.management.port")),
                    List.of(DECLARATIVE_UI), Map.of());
            if (Boolean.getBoolean("kc.it.reuse") && started.isReady()) {
                // Development shortcut: a Keycloak someone keeps running (with the current jar) is used as it is.
                server = started;
                return server;
            }
            started.wipeData();
            started.installProvider(jar);
            // Only the IT server gets the test clock, in a jar of its own (never the extension's).
            started.installProvider(ServerClock.providerJar(jar.getParent().resolve("it-providers")));
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "stop-keycloak"));
            started.start(START_TIMEOUT);
            server = started;
        }
        return server;
    }

    /**
     * Stops and starts the shared server, keeping its database. False when this JVM did not start it (a reused
     * development server), so that the caller can skip.
     */
    public static synchronized boolean restart() {
        KeycloakServer running = server();
        if (!running.isRunning()) {
            return false;
        }
        running.stop();
        running.start(START_TIMEOUT);
        return true;
    }

    /** The release the running server reports, for the tests of what differs between releases. */
    public static KeycloakRelease release() {
        String version = admin().serverInfo().get("systemInfo").get("version").asText();
        return KeycloakRelease.parse(version)
                .orElseThrow(() -> new IllegalStateException("Keycloak reports an unreadable version: " + version));
    }

    /** The server's clock, which the ITs move forward or back instead of waiting. */
    public static synchronized ServerClock clock() {
        if (clock == null) {
            clock = new ServerClock(server().baseUrl());
        }
        return clock;
    }

    public static synchronized AdminApi admin() {
        if (admin == null) {
            admin = new AdminApi(server().baseUrl());
        }
        return admin;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("System property " + property + " is not set: run the ITs through Maven (mvn verify)");
        }
        return value;
    }
}
