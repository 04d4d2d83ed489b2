package io.jitprovisioning.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Supplier;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import org.keycloak.services.resource.RealmResourceProviderFactory;

import io.jitprovisioning.testsupport.clock.TestClockProviderFactory;

/**
 * The IT Keycloak's clock, moved instead of waited for: time windows are tested without sleeping, and whatever the
 * machine's speed. It goes through the test-only provider of {@code testsupport.clock}, which sets Keycloak's offset
 * ({@code Time.setOffset}, whole seconds); the extension reads Keycloak's clock ({@code KeycloakClock}), so it sees
 * the move. Every move is undone when its action returns. Keycloak runs on this machine: its clock without offset is
 * this JVM's {@code System.currentTimeMillis()}.
 */
public final class ServerClock {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Fixed entry times, so that an unchanged provider gives the same bytes and Keycloak does not rebuild. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2026, 1, 1, 0, 0);

    private final String baseUrl;

    public ServerClock(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Runs {@code action} with Keycloak's clock set back to {@code epochMillis}, to the second: it reads from
     * {@code epochMillis} up to a second later when the action starts, and runs on from there.
     */
    public <T> T from(long epochMillis, Supplier<T> action) {
        long behind = System.currentTimeMillis() - epochMillis;
        return withOffset((int) -(behind / 1000), action);
    }

    /** Runs {@code action} with Keycloak's clock moved {@code ahead}, rounded up to whole seconds. */
    public <T> T ahead(Duration ahead, Supplier<T> action) {
        return withOffset((int) ((ahead.toMillis() + 999) / 1000), action);
    }

    private <T> T withOffset(int seconds, Supplier<T> action) {
        setOffset(seconds);
        try {
            return action.get();
        } finally {
            setOffset(0);
        }
    }

    private void setOffset(int seconds) {
        URI uri = URI.create(baseUrl + "/realms/master/" + TestClockProviderFactory.PROVIDER_ID + "/" + seconds);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                    .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().equals(String.valueOf(seconds))) {
                throw new IllegalStateException("Keycloak's test clock answered " + response.statusCode() + " " + response.body()
                        + " to " + uri + " (a server reused with -Dkc.it.reuse must have been started with "
                        + providerJarName() + " in providers/)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Packs the test clock provider (the classes of {@code testsupport.clock}, compiled into the test classes) into a
     * jar of its own in {@code directory}: only the IT Keycloak gets it, never the extension's jar.
     */
    public static Path providerJar(Path directory) {
        String folder = TestClockProviderFactory.class.getPackageName().replace('.', '/');
        try (Stream<Path> files = Files.list(testClasses().resolve(folder))) {
            List<Path> classes = files.filter(file -> file.toString().endsWith(".class")).sorted().toList();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (JarOutputStream jar = new JarOutputStream(bytes)) {
                add(jar, "META-INF/services/" + RealmResourceProviderFactory.class.getName(),
                        (TestClockProviderFactory.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
                for (Path file : classes) {
                    add(jar, folder + "/" + file.getFileName(), Files.readAllBytes(file));
                }
            }
            Path target = Files.createDirectories(directory).resolve(providerJarName());
            Files.write(target, bytes.toByteArray());
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String providerJarName() {
        return TestClockProviderFactory.PROVIDER_ID + ".jar";
    }

    private static void add(JarOutputStream jar, String name, byte[] content) throws IOException {
        JarEntry entry = new JarEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        jar.putNextEntry(entry);
        jar.write(content);
        jar.closeEntry();
    }

    private static Path testClasses() {
        try {
            return Path.of(TestClockProviderFactory.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
