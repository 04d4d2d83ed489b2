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

/** No Docker engine runs where this project is built, so the docker/ files are checked against the build here. */
@DisplayName("docker/ matches the build")
class DockerFilesTest {

    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");
    private static final Path COMPOSE = Path.of("docker/compose.yml");

    private static String pomValue(String element) throws IOException {
        Matcher matcher = Pattern.compile("<" + element + ">([^<]+)</" + element + ">").matcher(Files.readString(Path.of("pom.xml")));
        assertThat(matcher.find()).as("pom.xml has <%s>", element).isTrue();
        return matcher.group(1).trim();
    }

    private static List<String> lines(Path file, String regex) throws IOException {
        Pattern pattern = Pattern.compile(regex);
        return Files.readAllLines(file).stream().map(String::trim).map(pattern::matcher).filter(Matcher::matches)
                .map(m -> m.group(1)).toList();
    }

    @Test
    @DisplayName("every FROM is the official Keycloak image at <keycloak.dist.version>, the release the tests run")
    void imageVersionIsTheBuildVersion() throws IOException {
        List<String> images = lines(DOCKERFILE, "FROM\\s+(\\S+).*");

        assertThat(images).isNotEmpty().allSatisfy(image ->
                assertThat(image).isEqualTo("quay.io/keycloak/keycloak:" + pomValue("keycloak.dist.version")));
    }

    @Test
    @DisplayName("the Dockerfile copies the jar the build produces, and nothing that does not exist")
    void copiedFilesExist() throws IOException {
        List<String> sources = lines(DOCKERFILE, "COPY\\s+(?!--from)(\\S+)\\s+\\S+");

        assertThat(sources).contains("target/" + pomValue("finalName") + ".jar");
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
