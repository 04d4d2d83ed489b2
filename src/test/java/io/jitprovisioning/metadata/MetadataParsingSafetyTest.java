package io.jitprovisioning.metadata;

import static io.jitprovisioning.metadata.Issues.errors;
import static io.jitprovisioning.metadata.Issues.messages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.jitprovisioning.problem.ProblemCode;

@DisplayName("MetadataValidator parses untrusted input safely")
class MetadataParsingSafetyTest {
    private static final String SECRET = "jit-local-file-secret-4711";
    private final MetadataValidator validator = new MetadataValidator(TestCertificates.NOW);

    private MetadataReport validate(String xml) {
        return validator.validate(xml.getBytes(StandardCharsets.UTF_8), null);
    }

    @Nested
    @DisplayName("given no usable bytes")
    class NoBytes {
        @Test
        void nullIsNotWellFormed() {
            assertThat(errors(validator.validate(null, null))).containsExactly(ProblemCode.NOT_WELL_FORMED);
        }

        @Test
        void emptyIsNotWellFormed() {
            assertThat(errors(validator.validate(new byte[0], null))).containsExactly(ProblemCode.NOT_WELL_FORMED);
        }

        @Test
        void binaryGarbageIsNotWellFormed() {
            byte[] zip = {0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, (byte) 0xFF};
            assertThat(errors(validator.validate(zip, null))).containsExactly(ProblemCode.NOT_WELL_FORMED);
        }
    }

    @Nested
    @DisplayName("given input around the size limit")
    class SizeLimit {
        @Test
        void exactlyOneMebibyteIsParsed() {
            byte[] xml = paddedTo(MetadataValidator.MAX_BYTES);
            assertThat(xml).hasSize(1024 * 1024);
            assertThat(validator.validate(xml, null).valid()).isTrue();
        }

        @Test
        void oneByteMoreIsTooLarge() {
            MetadataReport report = validator.validate(paddedTo(MetadataValidator.MAX_BYTES + 1), null);
            assertThat(errors(report)).containsExactly(ProblemCode.TOO_LARGE);
            assertThat(report.entityId()).isNull();
        }

        @Test
        void sizeIsCheckedBeforeParsing() {
            byte[] huge = new byte[MetadataValidator.MAX_BYTES + 1];
            byte[] doctype = "<!DOCTYPE x [<!ENTITY a 'b'>]><x/>".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(doctype, 0, huge, 0, doctype.length);
            assertThat(errors(validator.validate(huge, null))).containsExactly(ProblemCode.TOO_LARGE);
        }

        private byte[] paddedTo(int size) {
            String xml = IdpXml.valid().xml();
            int padding = size - xml.getBytes(StandardCharsets.UTF_8).length - "<!---->".length();
            return (xml + "<!--" + "x".repeat(padding) + "-->").getBytes(StandardCharsets.UTF_8);
        }
    }

    @Nested
    @DisplayName("given a DOCTYPE")
    class Doctype {
        @Test
        void externalEntityIsNotReadAndDoctypeIsForbidden(@TempDir Path dir) throws IOException {
            Path secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET);
            String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE md:EntityDescriptor [<!ENTITY xxe SYSTEM \""
                    + secretFile.toUri() + "\">]>\n" + IdpXml.valid().entityId("&xxe;").nameIdFormat("&xxe;").element();

            MetadataReport report = validate(xml);

            assertThat(errors(report)).containsExactly(ProblemCode.DOCTYPE_FORBIDDEN);
            assertThat(report.toString()).doesNotContain(SECRET);
        }

        @Test
        void billionLaughsIsForbiddenQuickly() {
            StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol0 \"lol\">");
            for (int i = 1; i <= 9; i++) {
                dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10))
                        .append("\">");
            }
            String xml = dtd + "]>" + IdpXml.valid().nameIdFormat("&lol9;").element();

            MetadataReport report = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> validate(xml));

            assertThat(errors(report)).containsExactly(ProblemCode.DOCTYPE_FORBIDDEN);
        }

        @Test
        void externalDtdIsNeverFetched() throws IOException {
            try (ServerSocket server = new ServerSocket(0)) {
                server.setSoTimeout(300);
                String url = "http://127.0.0.1:" + server.getLocalPort() + "/evil.dtd";
                String xml = "<!DOCTYPE x SYSTEM \"" + url + "\" [<!ENTITY % remote SYSTEM \"" + url + "\"> %remote;]>"
                        + IdpXml.valid().element();

                assertThat(errors(validate(xml))).containsExactly(ProblemCode.DOCTYPE_FORBIDDEN);
                assertThatThrownBy(server::accept).isInstanceOf(SocketTimeoutException.class);
            }
        }

        @Test
        void afterDeclarationAndCommentIsForbidden() {
            String xml = "<?xml version=\"1.0\"?>\n<!-- exported -->\n<!DOCTYPE md:EntityDescriptor>\n"
                    + IdpXml.valid().element();
            assertThat(errors(validate(xml))).containsExactly(ProblemCode.DOCTYPE_FORBIDDEN);
        }

        @Test
        void afterUtf8ByteOrderMarkIsForbidden() {
            assertThat(errors(validate("\uFEFF<!DOCTYPE x>" + IdpXml.valid().element())))
                    .containsExactly(ProblemCode.DOCTYPE_FORBIDDEN);
        }

        @Test
        void inUtf16IsForbidden() {
            byte[] xml = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?><!DOCTYPE x>" + IdpXml.valid().element())
                    .getBytes(StandardCharsets.UTF_16LE);
            assertThat(errors(validator.validate(xml, null))).containsExactly(ProblemCode.DOCTYPE_FORBIDDEN);
        }

        @Test
        @DisplayName("in UTF-32, which only the parser reads, is still forbidden")
        void inUtf32IsRefusedByTheParserItself() {
            byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-32BE\"?><!DOCTYPE x>" + IdpXml.valid().element())
                    .getBytes(java.nio.charset.Charset.forName("UTF-32BE"));
            assertThat(DoctypeDetector.declaresDoctype(xml)).isFalse();
            assertThat(errors(validator.validate(xml, null))).containsExactly(ProblemCode.DOCTYPE_FORBIDDEN);
        }

        @Test
        @DisplayName("is found by the pre-scan in every encoding it reads, but not inside a comment")
        void preScanIsPrecise() {
            assertThat(DoctypeDetector.declaresDoctype("<?xml version=\"1.0\"?><!-- c --><!DOCTYPE x><x/>"
                    .getBytes(StandardCharsets.UTF_8))).isTrue();
            assertThat(DoctypeDetector.declaresDoctype("\uFEFF \n<!DOCTYPE x><x/>".getBytes(StandardCharsets.UTF_8))).isTrue();
            assertThat(DoctypeDetector.declaresDoctype("\uFEFF<!DOCTYPE x><x/>".getBytes(StandardCharsets.UTF_16))).isTrue();
            assertThat(DoctypeDetector.declaresDoctype("<!DOCTYPE x><x/>".getBytes(StandardCharsets.UTF_16LE))).isTrue();
            assertThat(DoctypeDetector.declaresDoctype("<!-- <!DOCTYPE x> --><x/>".getBytes(StandardCharsets.UTF_8))).isFalse();
            assertThat(DoctypeDetector.declaresDoctype("<x><!DOCTYPE x></x>".getBytes(StandardCharsets.UTF_8))).isFalse();
        }

        @Test
        void mentionedInACommentIsNoDoctype() {
            MetadataReport report = validate("<!-- never add <!DOCTYPE here -->" + IdpXml.valid().element());
            assertThat(report.valid()).isTrue();
        }
    }

    @Nested
    @DisplayName("given other XML tricks")
    class OtherTricks {
        @Test
        void xincludeIsNotProcessed(@TempDir Path dir) throws IOException {
            Path secretFile = Files.writeString(dir.resolve("secret.txt"), SECRET);
            String include = "<xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" parse=\"text\" href=\""
                    + secretFile.toUri() + "\"/>";
            MetadataReport report = validate(IdpXml.valid().raw("<md:NameIDFormat>" + include + "</md:NameIDFormat>").xml());

            assertThat(report.valid()).isTrue();
            assertThat(report.toString()).doesNotContain(SECRET);
        }

        @Test
        void absurdNestingIsRefusedWithoutCrashing() {
            String open = "<md:EntitiesDescriptor xmlns:md=\"" + IdpXml.MD + "\">";
            String xml = open.repeat(5000) + "</md:EntitiesDescriptor>".repeat(5000);
            assertThat(errors(validate(xml))).containsExactly(ProblemCode.NOT_WELL_FORMED);
        }

        @Test
        void utf16MetadataIsRead() {
            byte[] xml = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + IdpXml.valid().element())
                    .getBytes(StandardCharsets.UTF_16BE);
            assertThat(validator.validate(xml, null).valid()).isTrue();
        }
    }

    @Nested
    @DisplayName("given XML that is not well-formed")
    class NotWellFormed {
        @Test
        void twoRootElements() {
            String entity = IdpXml.valid().element();
            assertThat(errors(validate(entity + entity))).containsExactly(ProblemCode.NOT_WELL_FORMED);
        }

        @Test
        void parserDetailsAreNotEchoed() {
            // Mismatched tags make the parser quote the element name in its own message.
            MetadataReport report = validate("<md:EntityDescriptor xmlns:md=\"" + IdpXml.MD + "\"><" + SECRET
                    + "></md:EntityDescriptor>");
            assertThat(errors(report)).containsExactly(ProblemCode.NOT_WELL_FORMED);
            assertThat(messages(report)).doesNotContain(SECRET).contains("line 1");
        }
    }

    @Nested
    @DisplayName("given well-formed XML that is not SAML metadata")
    class NotMetadata {
        @Test
        void htmlPage() {
            assertThat(errors(validate("<html><body>Sign in</body></html>")))
                    .containsExactly(ProblemCode.NOT_ENTITY_DESCRIPTOR);
        }

        @Test
        void entityDescriptorWithoutNamespace() {
            String xml = IdpXml.valid().xml().replace(" xmlns:md=\"" + IdpXml.MD + "\"", " xmlns:md=\"urn:example:other\"");
            assertThat(errors(validate(xml))).containsExactly(ProblemCode.NOT_ENTITY_DESCRIPTOR);
        }
    }
}
