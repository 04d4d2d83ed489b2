package io.jitprovisioning.compat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every reference the extension's jar makes, resolved against the libraries of a Keycloak distribution, and every
 * Keycloak method it overrides, checked to be overridden there too.
 */
public final class JarLinkage {

    /** Where a Quarkus-based Keycloak keeps the libraries its providers run with (not its build-time ones). */
    private static final List<String> RUNTIME_LIBRARIES = List.of("lib/lib/boot", "lib/lib/main", "lib/app");

    public record Report(int classes, int references, List<String> problems) {
    }

    private JarLinkage() {
    }

    public static Report check(Path providerJar, Path keycloakHome) {
        List<URL> urls = new ArrayList<>();
        urls.add(url(providerJar));
        RUNTIME_LIBRARIES.forEach(dir -> urls.addAll(jarsIn(keycloakHome.resolve(dir))));
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
             JarFile jar = new JarFile(providerJar.toFile())) {
            Linkage linkage = new Linkage(loader);
            List<String> problems = new ArrayList<>();
            int classes = 0;
            int references = 0;
            for (JarEntry entry : jar.stream().filter(e -> e.getName().endsWith(".class")).toList()) {
                classes++;
                String user = entry.getName().replace('/', '.').replaceAll("\\.class$", "");
                for (ClassReference reference : ConstantPool.references(jar.getInputStream(entry).readAllBytes())) {
                    references++;
                    Optional<String> problem = linkage.problem(reference);
                    problem.ifPresent(text -> problems.add(user + ": " + text));
                }
                problems.addAll(overrideProblems(user, loader));
            }
            return new Report(classes, references, problems.stream().distinct().sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The class as compiled (against the build's Keycloak, on this JVM's class path) and as it loads in the distribution. */
    private static List<String> overrideProblems(String className, ClassLoader distribution) {
        try {
            Class<?> compiled = Class.forName(className, false, JarLinkage.class.getClassLoader());
            Class<?> running = Class.forName(className, false, distribution);
            return Overrides.problems(compiled, running);
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of(className + ": cannot load (" + e + ")");
        }
    }

    private static List<URL> jarsIn(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("not a Keycloak distribution: " + dir + " is missing");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(file -> file.toString().endsWith(".jar")).sorted().map(JarLinkage::url).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path file) {
        try {
            return file.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(e);
        }
    }
}
