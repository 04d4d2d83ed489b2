package io.jitprovisioning.compat;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What happens to a provider compiled against one release of an SPI and run with the next: the provider is compiled
 * once with version 1 of the SPI, and loaded next to version 2.
 */
@DisplayName("Overrides finds SPI methods a provider no longer overrides or implements")
class OverridesTest {

    private static final String PROVIDER = """
            package demo;
            public class Provider implements Spi {
                @Override public boolean trustEmail() { return true; }
                @Override public String id() { return "demo"; }
            }
            """;

    @TempDir
    Path dir;

    @Test
    @DisplayName("the same SPI: nothing to report")
    void sameSpi() {
        String spi = "package demo; public interface Spi { default boolean trustEmail() { return false; } String id(); }";

        assertThat(problems(spi, spi)).isEmpty();
    }

    @Test
    @DisplayName("a method whose return type became a box no longer overrides: Keycloak would call the default")
    void changedSignature() {
        String before = "package demo; public interface Spi { default boolean trustEmail() { return false; } String id(); }";
        String after = "package demo; public interface Spi { default Boolean trustEmail() { return null; } String id(); }";

        assertThat(problems(before, after)).singleElement().asString()
                .contains("demo.Provider.trustEmail no longer overrides a Keycloak method");
    }

    @Test
    @DisplayName("a new abstract method is reported: Keycloak would get an AbstractMethodError")
    void newAbstractMethod() {
        String before = "package demo; public interface Spi { default boolean trustEmail() { return false; } String id(); }";
        String after = "package demo; public interface Spi { default boolean trustEmail() { return false; } String id(); int order(); }";

        assertThat(problems(before, after)).singleElement().asString().contains("demo.Provider does not implement order()I");
    }

    private List<String> problems(String spiBefore, String spiAfter) {
        Path compiled = compile("v1", Map.of("Spi", spiBefore, "Provider", PROVIDER));
        Path spiOnly = compile("v2", Map.of("Spi", spiAfter));
        try (URLClassLoader built = new URLClassLoader(new URL[]{url(compiled)}, null);
             URLClassLoader running = new URLClassLoader(new URL[]{url(providerOnly(compiled)), url(spiOnly)}, null)) {
            return Overrides.problems(Class.forName("demo.Provider", false, built), Class.forName("demo.Provider", false, running));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    private Path compile(String name, Map<String, String> sources) {
        try {
            Path src = Files.createDirectories(dir.resolve(name + "-src/demo"));
            Path out = Files.createDirectories(dir.resolve(name + "-classes"));
            List<String> arguments = new ArrayList<>(List.of("-d", out.toString()));
            for (Map.Entry<String, String> source : sources.entrySet()) {
                Path file = src.resolve(source.getKey() + ".java");
                Files.writeString(file, source.getValue());
                arguments.add(file.toString());
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac").isZero();
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path providerOnly(Path compiled) {
        try {
            Path out = Files.createDirectories(dir.resolve("provider-only/demo"));
            Files.copy(compiled.resolve("demo/Provider.class"), out.resolve("Provider.class"));
            return out.getParent();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path path) {
        try {
            return path.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
