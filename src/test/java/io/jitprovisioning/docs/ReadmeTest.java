package io.jitprovisioning.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The README is the front door: short, with the two commands that work, and a way into every document. */
@DisplayName("README.md")
class ReadmeTest {

    /** "At most about 15 KB" (issue 21): the reference lives in docs/. */
    private static final int MAX_BYTES = 16 * 1024;

    @Test
    @DisplayName("stays a front door: at most about 15 KB")
    void isShort() throws IOException {
        assertThat(Files.size(Markdown.README)).as("README.md's size in bytes: move reference text to docs/").isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    @DisplayName("its Documentation section links every document in docs/")
    void linksEveryDocument() throws IOException {
        List<String> linked = Markdown.links(Markdown.of(Markdown.README).section("Documentation"));
        List<String> documents;
        try (Stream<Path> files = Files.list(Markdown.DOCS)) {
            documents = files.map(Path::toString).filter(name -> name.endsWith(".md")).map(name -> name.replace('\\', '/')).toList();
        }

        assertThat(documents).isNotEmpty();
        assertThat(linked).containsAll(documents);
    }

    @Test
    @DisplayName("its two commands are demo/run and mvn -B verify, and CI runs that test command as written")
    void twoCommands() throws IOException {
        String readme = Files.readString(Markdown.README);
        Matcher block = Pattern.compile("## Two commands\\s+```bash\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        assertThat(block.find()).as("a bash block under \"Two commands\"").isTrue();
        List<String> commands = block.group(1).lines().map(line -> line.replaceFirst("#.*", "").strip()).filter(line -> !line.isEmpty())
                .toList();

        assertThat(commands).containsExactly("demo/run", "mvn -B verify");
        assertThat(Path.of("demo/run")).isExecutable();
        assertThat(Files.readAllLines(Path.of(".ci/run"))).contains("mvn -B verify");
    }
}
