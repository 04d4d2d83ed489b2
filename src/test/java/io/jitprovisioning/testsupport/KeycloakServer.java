package io.jitprovisioning.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Keycloak from the distribution, run with {@code kc.sh}: the extension's jar in {@code providers/},
 * listening on loopback, stopped with every process it started.
 */
public final class KeycloakServer implements AutoCloseable {

    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path home;
    private final int port;
    private final int managementPort;
    private final List<String> arguments;
    private final List<String> options;
    private final Map<String, String> environment;
    private Process process;

    /** A development server: {@code kc.sh start-dev} on loopback with health checks, then {@code options}. */
    public KeycloakServer(Path home, int port, int managementPort, List<String> options, Map<String, String> environment) {
        this(home, port, managementPort, List.of("start-dev", "--http-host=127.0.0.1", "--http-port=" + port,
                "--http-management-port=" + managementPort, "--health-enabled=true"), options, environment);
    }

    private KeycloakServer(Path home, int port, int managementPort, List<String> arguments, List<String> options,
                           Map<String, String> environment) {
        this.home = home;
        this.port = port;
        this.managementPort = managementPort;
        this.arguments = List.copyOf(arguments);
        this.options = List.copyOf(options);
        this.environment = Map.copyOf(environment);
    }

    /**
     * A server started with exactly these {@code kc.sh} arguments, command first (e.g. {@code start --optimized ...}),
     * instead of start-dev. The arguments must make it listen on {@code port} and serve {@code /health/ready} on
     * {@code managementPort}: that is where this class looks for it.
     */
    public static KeycloakServer withArguments(Path home, int port, int managementPort, List<String> arguments,
                                               Map<String, String> environment) {
        return new KeycloakServer(home, port, managementPort, arguments, List.of(), environment);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public Path home() {
        return home;
    }

    public Path log() {
        return home.resolve("keycloak.log");
    }

    /** Copies the jar only when its content differs: any change in providers/ makes Keycloak rebuild (~20 s). */
    public void installProvider(Path jar) {
        try {
            Path target = home.resolve("providers").resolve(jar.getFileName());
            if (Files.exists(target) && Arrays.equals(Files.readAllBytes(target), Files.readAllBytes(jar))) {
                return;
            }
            Files.copy(jar, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Forgets every realm, user and event: the dev database lives in data/. */
    public void wipeData() {
        deleteRecursively(home.resolve("data"));
    }

    public void start(Duration timeout) {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Path tmp = Files.createDirectories(home.resolve("tmp"));
            List<String> command = new ArrayList<>(List.of(home.resolve("bin/kc.sh").toString()));
            command.addAll(arguments);
            command.addAll(options);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(home.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            builder.environment().put("JAVA_OPTS_APPEND", "-Djava.io.tmpdir=" + tmp);
            builder.environment().putAll(environment);
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(timeout);
    }

    public void stop() {
        if (process == null) {
            return;
        }
        Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(ProcessHandle::destroyForcibly);
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    /** The JVM that runs Keycloak: kc.sh starts it as a child, or becomes it when it relaunches after a rebuild. */
    public Optional<ProcessHandle> javaProcess() {
        if (process == null || !process.isAlive()) {
            return Optional.empty();
        }
        return process.descendants()
                .filter(child -> child.info().command().map(command -> command.endsWith("/java")).orElse(false))
                .findFirst()
                .or(() -> Optional.of(process.toHandle()));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    /** Whether a Keycloak answers ready on this server's management port, whoever started it. */
    public boolean isReady() {
        try {
            return HTTP.send(readyRequest(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException notUp) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private HttpRequest readyRequest() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + "/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Keycloak exited with " + process.exitValue() + "; see " + log());
            }
            if (isReady()) {
                return;
            }
            Pause.sleep(Duration.ofMillis(500));
        }
        stop();
        throw new IllegalStateException("Keycloak was not ready within " + timeout + "; see " + log());
    }

    private static void deleteRecursively(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
