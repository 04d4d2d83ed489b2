package io.jitprovisioning.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.testsupport.Pom;

/** No Docker engine runs where this project is built, so the docker/ files are checked against the build here. */
@DisplayName("docker/ matches the build")
class DockerFilesTest {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Path COMPOSE = Path.of("docker/compose.yml");
    private static final String IMAGE = "quay.io/keycloak/keycloak:${KEYCLOAK_VERSION}";
    /** How the documented commands set the image's release: from pom.xml, where it is written. */
    private static final String VERSION_FROM_POM = "KEYCLOAK_VERSION=\"$(tools/versions.sh keycloak.dist.version)\"";

    private static List<String> lines(Path file, String regex) throws IOException {
        Pattern pattern = Pattern.compile(regex);
        return Files.readAllLines(file).stream().map(String::trim).map(pattern::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
    }

    @Test
    @DisplayName("every FROM is the official Keycloak image at the build argument KEYCLOAK_VERSION, declared first with no default")
    void imageVersionIsABuildArgument() throws IOException {
        List<String> images = lines(DOCKERFILE, "FROM\\s+(\\S+).*");
        List<String> instructions = Files.readAllLines(DOCKERFILE).stream().map(String::trim)
                .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();

        assertThat(images).isNotEmpty().allSatisfy(image -> assertThat(image).isEqualTo(IMAGE));
        assertThat(instructions.get(0)).as("a default would be a second place where the release is written").isEqualTo("ARG KEYCLOAK_VERSION");
    }

    @Test
    @DisplayName("the documented commands take that release from pom.xml (<keycloak.dist.version>), and neither file writes one")
    void releaseComesFromThePom() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        String compose = Files.readString(COMPOSE);

        assertThat(dockerfile).contains("--build-arg " + VERSION_FROM_POM);
        assertThat(compose).contains(VERSION_FROM_POM + " docker compose -f docker/compose.yml up --build");
        assertThat(lines(COMPOSE, "KEYCLOAK_VERSION:\\s*(\\S+).*")).containsExactly("${KEYCLOAK_VERSION:?set");
        assertThat(Path.of("tools/versions.sh")).isExecutable();
        assertThat(Pom.keycloakDistVersion()).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(dockerfile + compose).doesNotContainPattern("(?<![\\d.])\\d+\\.\\d+\\.\\d+(?![\\d.])");
    }

    @Test
    @DisplayName("the Dockerfile copies the jar the build produces, and nothing that does not exist")
    void copiedFilesExist() throws IOException {
        List<String> sources = lines(DOCKERFILE, "COPY\\s+(?!--from)(\\S+)\\s+\\S+");

        assertThat(sources).contains("target/" + Pom.value("finalName") + ".jar");
        sources.stream().filter(source -> !source.startsWith("target/"))
                .forEach(source -> assertThat(Path.of(source)).exists());
    }

    @Test
    @DisplayName("compose builds with that Dockerfile and mounts the demo realms that exist")
    void composeReferencesExist() throws IOException {
        Path dir = COMPOSE.getParent();
        List<String> contexts = lines(COMPOSE, "context:\\s*(\\S+)");
        List<String> dockerfiles = lines(COMPOSE, "dockerfile:\\s*(\\S+)");
        List<String> volumes = lines(COMPOSE, "-\\s*([^:\\s]+):/opt/keycloak/\\S+");

        assertThat(contexts).hasSize(1);
        Path context = dir.resolve(contexts.get(0)).normalize();
        assertThat(dockerfiles).allSatisfy(file -> assertThat(context.resolve(file)).isRegularFile());
        assertThat(volumes).isNotEmpty().allSatisfy(volume -> assertThat(dir.resolve(volume)).isDirectory());
        assertThat(Files.list(dir.resolve("../demo/realms")).filter(p -> p.toString().endsWith(".json")).count()).isEqualTo(2);
    }
}
