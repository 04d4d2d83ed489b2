package io.jitprovisioning.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.dom.saml.v2.assertion.AssertionType;
import org.keycloak.dom.saml.v2.protocol.ResponseType;
import org.keycloak.saml.common.exceptions.ParsingException;
import org.keycloak.saml.processing.core.parsers.saml.SAMLParser;

import io.jitprovisioning.testsupport.Prerequisites;

/**
 * Real SAML responses from other projects' test suites and from IdPs run on loopback, kept outside this repository
 * (never copy them in). Whoever asks for them is skipped when they are not there, and failed then with
 * {@code -Djit.require.corpus=true} ({@link Prerequisites#CORPUS}); override their location with
 * {@code -Djit.shared.testdata=/path/to/testdata}.
 */
final class RealResponses {

    /** What INDEX.tsv says one file holds. */
    record Row(String file, int statements, List<Listed> attributes) {
        static Row parse(String line) {
            String[] columns = line.split("\t", -1);
            List<Listed> attributes = columns[13].isBlank() ? List.of()
                    : Arrays.stream(columns[13].split(";")).map(String::strip).map(Listed::parse).toList();
            return new Row(columns[0], Integer.parseInt(columns[10]), attributes);
        }
    }

    /** One {@code name(friendlyName)[values]} entry of INDEX.tsv. */
    record Listed(String name, String friendlyName, int values) {
        private static final Pattern ENTRY = Pattern.compile("(.+?)(?:\\((.*)\\))?\\[(\\d+)]");

        static Listed parse(String entry) {
            Matcher matcher = ENTRY.matcher(entry);
            if (!matcher.matches()) {
                throw new IllegalArgumentException("not an INDEX.tsv attribute entry: " + entry);
            }
            return new Listed(matcher.group(1), matcher.group(2), Integer.parseInt(matcher.group(3)));
        }
    }

    private static final String SP = "https://sp.example.org/saml";

    private RealResponses() {
    }

    static Path folder() {
        Path folder = Path.of(System.getProperty("jit.shared.testdata", "../shared/testdata")).resolve("saml-responses");
        Prerequisites.CORPUS.requireOrSkip(Files.isRegularFile(folder.resolve("INDEX.tsv")), "the shared SAML responses " + folder);
        return folder;
    }

    static List<Row> index() {
        try {
            return Files.readAllLines(folder().resolve("INDEX.tsv"), StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("file\t"))
                    .map(Row::parse)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SamlAttributes attributes(String file) {
        return SamlAttributes.from(assertion(file));
    }

    /**
     * The (first) assertion of a file, read by Keycloak's own parser. A file the parser refuses, or whose assertion is
     * encrypted, fails the test that names it: tests name only files Keycloak reads.
     */
    static AssertionType assertion(String file) {
        Path path = folder().resolve(file);
        Prerequisites.CORPUS.requireOrSkip(Files.isRegularFile(path), file + " in the shared SAML responses");
        String xml;
        try {
            xml = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Object parsed = parse(xml);
        if (parsed == null && (xml.contains("{audience}") || xml.contains("{recipient}"))) {
            // python3-saml and ruby-saml keep these as template placeholders, which Keycloak refuses as URIs.
            parsed = parse(xml.replace("{audience}", SP).replace("{recipient}", SP + "/acs"));
        }
        assertThat(parsed).as("Keycloak's SAML parser reads %s", file).isNotNull();
        AssertionType assertion = parsed instanceof ResponseType response
                ? response.getAssertions().get(0).getAssertion()
                : (AssertionType) parsed;
        assertThat(assertion).as("the assertion of %s is not encrypted", file).isNotNull();
        return assertion;
    }

    private static Object parse(String xml) {
        try {
            return SAMLParser.getInstance().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (ParsingException | IllegalArgumentException refused) {
            // Keycloak 26.4's parser lets the URI error of a placeholder through; later releases wrap it.
            return null;
        }
    }
}
