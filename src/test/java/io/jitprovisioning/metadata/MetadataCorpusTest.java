package io.jitprovisioning.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;
import io.jitprovisioning.testsupport.Prerequisites;

/**
 * Real-world metadata from other SAML projects, kept outside this repository (never copy it in). Skipped when the
 * shared test data is not there, and failed then with {@code -Djit.require.corpus=true} ({@link Prerequisites#CORPUS});
 * override its location with {@code -Djit.shared.testdata=/path/to/testdata}.
 */
class MetadataCorpusTest {
    private static final int EXPECTED_ROWS = 30;

    private final MetadataValidator validator = new MetadataValidator(Clock.systemUTC());

    record Row(String file, boolean accept, List<ProblemCode> codes) {
        static Row parse(String line) {
            String[] columns = line.split("\t");
            List<ProblemCode> codes = columns[2].equals("-") ? List.of()
                    : Arrays.stream(columns[2].split(",")).map(String::strip).map(ProblemCode::valueOf).toList();
            return new Row(columns[0], columns[1].equals("ACCEPT"), codes);
        }
    }

    @Test
    void corpusListsEveryFile() throws IOException {
        assertThat(rows()).hasSize(EXPECTED_ROWS);
    }

    @TestFactory
    Stream<DynamicTest> eachFileGetsItsExpectedVerdict() throws IOException {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.file(), () -> check(row)));
    }

    private void check(Row row) throws IOException {
        MetadataReport report = validator.validate(Files.readAllBytes(corpus().resolve(row.file())), null);
        List<ProblemCode> warnings = report.warnings().stream().map(Problem::code).toList();
        List<ProblemCode> errors = report.errors().stream().map(Problem::code).toList();
        if (row.accept()) {
            assertThat(errors).as("errors").isEmpty();
            assertThat(warnings).as("warnings").containsAll(row.codes());
            assertThat(report.entityId()).isNotBlank();
            assertThat(report.preferredSsoService()).isPresent();
            assertThat(report.signingCertificates()).isNotEmpty();
        } else {
            assertThat(errors).as("errors").containsAll(row.codes()).isNotEmpty();
        }
    }

    private static List<Row> rows() throws IOException {
        Path expected = corpus().resolve("EXPECTED.tsv");
        Prerequisites.CORPUS.requireOrSkip(Files.isRegularFile(expected), "the shared SAML metadata corpus " + expected);
        return Files.readAllLines(expected, StandardCharsets.UTF_8).stream()
                .filter(line -> !line.isBlank() && !line.startsWith("#") && !line.startsWith("file\t"))
                .map(Row::parse)
                .toList();
    }

    private static Path corpus() {
        return Path.of(System.getProperty("jit.shared.testdata", "../shared/testdata")).resolve("saml-metadata");
    }
}
