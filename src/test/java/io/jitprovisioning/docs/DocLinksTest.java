package io.jitprovisioning.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Moving text between README.md and docs/ must not leave a link or an anchor pointing nowhere. */
@DisplayName("The links of README.md and docs/*.md")
class DocLinksTest {

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:.*");

    static List<Path> documents() {
        return Markdown.documents();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    @DisplayName("every relative link leads to a file that exists, and every #anchor to a heading of its document")
    void everyLinkResolves(Path document) {
        List<String> broken = new ArrayList<>();
        for (String target : Markdown.of(document).links()) {
            if (!SCHEME.matcher(target).matches()) {
                problem(document, target).ifPresent(broken::add);
            }
        }

        assertThat(broken).as("broken links in %s", document).isEmpty();
    }

    private static Optional<String> problem(Path document, String target) {
        int hash = target.indexOf('#');
        String path = URLDecoder.decode(hash < 0 ? target : target.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path file = path.isEmpty() ? document : document.toAbsolutePath().getParent().resolve(path).normalize();
        if (!Files.exists(file)) {
            return Optional.of(target + ": no file " + file);
        }
        if (anchor == null) {
            return Optional.empty();
        }
        if (!file.toString().endsWith(".md")) {
            return Optional.of(target + ": an anchor into a file that is not markdown");
        }
        return Markdown.of(file).anchors().contains(anchor) ? Optional.empty()
                : Optional.of(target + ": no heading with that anchor in " + file.getFileName());
    }

    @Test
    @DisplayName("the checker sees the links that matter: into docs/, to an image, to an anchor of another document")
    void linksAreFound() {
        assertThat(Markdown.of(Markdown.README).links())
                .contains("docs/settings.md", "docs/images/demo-first-page.png", "docs/behaviour.md#sync-modes", "#two-commands");
        assertThat(Markdown.links("see `[not](a-link.md)` and [a link](b.md#c)")).containsExactly("b.md#c");
    }

    @ParameterizedTest(name = "{0} -> #{1}")
    @DisplayName("anchors follow GitHub's rules: lower case, spaces to '-', punctuation dropped except '-' and '_'")
    @CsvSource(delimiter = '|', value = {
            "Why not Keycloak's built-in mappers?                            | why-not-keycloaks-built-in-mappers",
            "Error codes (the refusal page and the `jit_error` event detail) | error-codes-the-refusal-page-and-the-jit_error-event-detail",
            "3. The first-login flow                                         | 3-the-first-login-flow",
            "Upgrading from 0.1                                              | upgrading-from-01",
            "Groups (`USER_GROUP`)                                           | groups-user_group",
            "From the admin console: the \"JIT preview\" page                | from-the-admin-console-the-jit-preview-page",
            "See [Settings](settings.md) first                               | see-settings-first"})
    void anchors(String heading, String anchor) {
        assertThat(Markdown.anchor(heading)).isEqualTo(anchor);
    }
}
