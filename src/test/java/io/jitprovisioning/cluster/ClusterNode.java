package io.jitprovisioning.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.jitprovisioning.testsupport.KeycloakServer;
import io.jitprovisioning.testsupport.Pause;

/**
 * One Keycloak of the cluster, in production mode ({@code kc.sh build} once, then {@code kc.sh start --optimized}):
 * PostgreSQL, Infinispan's distributed caches with JGroups on loopback and the default {@code jdbc-ping} discovery,
 * and every URL it writes pointing at the load balancer.
 */
final class ClusterNode {

    /** Build-time options: changing them, or the provider jar, needs {@code kc.sh build} again. */
    static final List<String> BUILD_OPTIONS = List.of("--db=postgres", "--health-enabled=true");

    /** A log line with Infinispan's "ISPN000094: Received new cluster view for channel ISPN: [node|3] (2) [...]". */
    private static final Pattern VIEW = Pattern.compile(
            "^(\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3}) .*cluster view for channel \\S+: \\[[^\\]]*\\] \\((\\d+)\\)",
            Pattern.MULTILINE);
    private static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private final String name;
    private final Path home;
    private final KeycloakServer server;

    record Database(String url, String username, String password) {
    }

    /** A cluster view this node received: when, and how many members it has. */
    record View(Instant received, int members) {
        static final View NONE = new View(Instant.EPOCH, 0);
    }

    ClusterNode(String name, Path home, int port, int managementPort, int jgroupsPort, String frontendUrl, Database db) {
        this.name = name;
        this.home = home;
        List<String> arguments = List.of("start", "--optimized",
                "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port, "--http-management-port=" + managementPort,
                "--hostname=" + frontendUrl,
                "--db-url=" + db.url(), "--db-username=" + db.username(), "--db-password=" + db.password(),
                "--cache=ispn", "--cache-stack=jdbc-ping",
                "--cache-embedded-network-bind-address=127.0.0.1", "--cache-embedded-network-bind-port=" + jgroupsPort);
        this.server = KeycloakServer.withArguments(home, port, managementPort, arguments, Map.of());
    }

    /** Installs the jar and runs {@code kc.sh build} unless this home was built with the same options and jar. */
    void build(Path providerJar) {
        server.installProvider(providerJar);
        Path marker = home.resolve("cluster-build.txt");
        String expected = String.join(" ", BUILD_OPTIONS) + " " + sha256(providerJar);
        try {
            if (Files.exists(marker) && Files.readString(marker).equals(expected)) {
                return;
            }
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString(), "build"));
            command.addAll(BUILD_OPTIONS);
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(home.resolve("build.log").toFile()));
            builder.environment().put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + Files.createDirectories(home.resolve("tmp")));
            Process build = builder.start();
            if (!build.waitFor(5, TimeUnit.MINUTES) || build.exitValue() != 0) {
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build failed in " + home + "; see build.log");
            }
            Files.writeString(marker, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void start() {
        try {
            Files.deleteIfExists(server.log());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.start(Duration.ofMinutes(6));
        writePid();
    }

    /** Waits until this node's Infinispan view has {@code members} members (it logs every view it receives). */
    View awaitClusterView(int members, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            View view = lastView();
            if (view.members() == members) {
                return view;
            }
            Pause.sleep(Duration.ofSeconds(1));
        }
        throw new IllegalStateException(name + " did not see a cluster of " + members + " within " + timeout
                + " (last view: " + lastView() + "); see " + server.log());
    }

    View lastView() {
        try {
            Matcher matcher = VIEW.matcher(Files.exists(server.log()) ? Files.readString(server.log(), StandardCharsets.UTF_8) : "");
            View view = View.NONE;
            while (matcher.find()) {
                Instant received = LocalDateTime.parse(matcher.group(1), LOG_TIME).atZone(ZoneId.systemDefault()).toInstant();
                view = new View(received, Integer.parseInt(matcher.group(2)));
            }
            return view;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Ends the node's JVM with SIGKILL: no shutdown hook, no graceful leave from the cluster. */
    void kill() {
        ProcessHandle java = server.javaProcess().orElseThrow(() -> new IllegalStateException(name + " is not running"));
        java.destroyForcibly();
        java.onExit().join();
    }

    boolean isRunning() {
        return server.isRunning();
    }

    void stop() {
        server.stop();
        try {
            Files.deleteIfExists(home.resolve("keycloak.pid"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For cluster/run, which ends a node the test JVM could not stop (when that JVM itself was killed). */
    private void writePid() {
        try {
            Files.writeString(home.resolve("keycloak.pid"), server.javaProcess().map(p -> Long.toString(p.pid())).orElse(""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
