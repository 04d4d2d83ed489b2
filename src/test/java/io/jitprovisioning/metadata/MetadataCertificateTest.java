package io.jitprovisioning.metadata;

import static io.jitprovisioning.metadata.Issues.errors;
import static io.jitprovisioning.metadata.Issues.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jitprovisioning.problem.ProblemCode;

@DisplayName("MetadataValidator certificates")
class MetadataCertificateTest {

    private static MetadataReport validate(IdpXml xml, Clock clock) {
        return new MetadataValidator(clock).validate(xml.bytes(), null);
    }

    private static MetadataReport validate(IdpXml xml) {
        return validate(xml, TestCertificates.NOW);
    }

    private static IdpXml withKeys() {
        return IdpXml.empty().sso(IdpXml.POST, IdpXml.SSO_POST_URL);
    }

    @Nested
    @DisplayName("given which KeyDescriptors hold them")
    class Use {
        @Test
        void describesEachCertificate() {
            MetadataReport report = validate(withKeys().key("signing", TestCertificates.CURRENT));
            assertThat(report.certificates()).containsExactly(new CertificateInfo("signing",
                    TestCertificates.CURRENT_SUBJECT, TestCertificates.CURRENT_NOT_AFTER, false));
        }

        @Test
        void withoutUseServesForSigning() {
            MetadataReport report = validate(withKeys().key(null, TestCertificates.CURRENT));
            assertThat(report.valid()).isTrue();
            assertThat(report.certificates()).extracting(CertificateInfo::use).containsExactly("unspecified");
            assertThat(report.signingCertificates()).containsExactly(TestCertificates.CURRENT);
        }

        @Test
        void encryptionOnlyIsNoSigningCertificate() {
            MetadataReport report = validate(withKeys().key("encryption", TestCertificates.CURRENT));
            assertThat(errors(report)).containsExactly(ProblemCode.MISSING_SIGNING_CERTIFICATE);
            assertThat(report.certificates()).extracting(CertificateInfo::use).containsExactly("encryption");
            assertThat(report.signingCertificates()).isEmpty();
        }

        @Test
        void useSamlDoesNotDefineIsIgnored() {
            MetadataReport report = validate(withKeys().key("both", TestCertificates.CURRENT));
            assertThat(errors(report)).containsExactly(ProblemCode.MISSING_SIGNING_CERTIFICATE);
        }

        @Test
        void certificateInTheMetadataNamespaceIsNotAnXmlDsigCertificate() {
            MetadataReport report = validate(withKeys().keyDescriptor("signing",
                    "<md:KeyInfo><md:X509Data><md:X509Certificate>" + TestCertificates.CURRENT
                            + "</md:X509Certificate></md:X509Data></md:KeyInfo>"));
            assertThat(errors(report)).containsExactly(ProblemCode.MISSING_SIGNING_CERTIFICATE);
        }

        @Test
        void anyPrefixBoundToXmlDsigCounts() {
            MetadataReport report = validate(withKeys().keyDescriptor("signing",
                    "<sig:KeyInfo xmlns:sig=\"" + IdpXml.DS + "\"><sig:X509Data><sig:X509Certificate>"
                            + TestCertificates.CURRENT + "</sig:X509Certificate></sig:X509Data></sig:KeyInfo>"));
            assertThat(report.valid()).isTrue();
        }

        @Test
        void keyDescriptorWithKeyNameOnlyIsNoCertificate() {
            MetadataReport report = validate(withKeys().keyDescriptor("signing",
                    "<ds:KeyInfo><ds:KeyName>IdP signing key</ds:KeyName></ds:KeyInfo>"));
            assertThat(errors(report)).containsExactly(ProblemCode.MISSING_SIGNING_CERTIFICATE);
        }

        @Test
        void sameCertificateForTwoUsesIsListedOnceForSigning() {
            MetadataReport report = validate(withKeys().key(null, TestCertificates.CURRENT)
                    .key("signing", "\n  " + TestCertificates.CURRENT + "\n").key("encryption", TestCertificates.CURRENT));
            assertThat(report.certificates()).hasSize(3);
            assertThat(report.signingCertificates()).containsExactly(TestCertificates.CURRENT);
        }
    }

    @Nested
    @DisplayName("given certificate text that is not plain base64 DER")
    class Encoding {
        @ParameterizedTest
        @ValueSource(strings = {"...", "", "not base64!", "AAAA", "TUlJQg=="})
        void unreadableSigningCertificateIsInvalid(String text) {
            MetadataReport report = validate(withKeys().key("signing", text));
            assertThat(errors(report)).containsExactly(ProblemCode.INVALID_CERTIFICATE);
            assertThat(report.certificates()).isEmpty();
        }

        @Test
        void oneReadableSigningCertificateIsEnough() {
            MetadataReport report = validate(withKeys().key("signing", "...").key("signing", TestCertificates.CURRENT));
            assertThat(report.valid()).isTrue();
            assertThat(report.certificates()).hasSize(1);
        }

        @Test
        void lineBreaksAreRemoved() {
            String wrapped = TestCertificates.CURRENT.replaceAll("(.{64})", "$1\r\n\t ");
            MetadataReport report = validate(withKeys().key("signing", wrapped));
            assertThat(report.valid()).isTrue();
            assertThat(report.warnings()).isEmpty();
            assertThat(report.signingCertificates()).containsExactly(TestCertificates.CURRENT);
        }

        @Test
        void base64OfAPemFileIsUnwrappedToDer() throws Exception {
            MetadataReport report = validate(withKeys().key("signing", TestCertificates.base64OfPem(TestCertificates.CURRENT)));

            assertThat(report.valid()).isTrue();
            assertThat(warnings(report)).containsExactly(ProblemCode.CERTIFICATE_PEM_WRAPPED);
            String normalised = report.signingCertificates().get(0);
            assertThat(normalised).isEqualTo(TestCertificates.CURRENT).doesNotContainAnyWhitespaces();
            assertThat(parseDer(normalised).getSubjectX500Principal().getName()).isEqualTo(TestCertificates.CURRENT_SUBJECT);
        }

        @Test
        void pemArmourInTheElementIsUnwrappedToo() {
            MetadataReport report = validate(withKeys().key("signing", TestCertificates.pemFile(TestCertificates.CURRENT)));
            assertThat(report.valid()).isTrue();
            assertThat(warnings(report)).containsExactly(ProblemCode.CERTIFICATE_PEM_WRAPPED);
            assertThat(report.signingCertificates()).containsExactly(TestCertificates.CURRENT);
        }

        private X509Certificate parseDer(String base64) throws Exception {
            byte[] der = Base64.getDecoder().decode(base64);
            assertThat(new String(der, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("-----BEGIN");
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        }
    }

    @Nested
    @DisplayName("given the clock")
    class Validity {
        @Test
        void expiredSigningCertificateIsAWarning() {
            MetadataReport report = validate(withKeys().key("signing", TestCertificates.CURRENT), TestCertificates.FAR_FUTURE);
            assertThat(report.valid()).isTrue();
            assertThat(warnings(report)).containsExactly(ProblemCode.CERTIFICATE_EXPIRED);
            assertThat(report.certificates()).extracting(CertificateInfo::expired).containsExactly(true);
        }

        @Test
        void rolledOverCertificateIsCounted() {
            MetadataReport report = validate(withKeys().key("signing", TestCertificates.CURRENT)
                    .key("signing", TestCertificates.SHORT_LIVED), TestCertificates.AFTER_ROLLOVER);
            assertThat(warnings(report)).containsExactly(ProblemCode.CERTIFICATE_EXPIRED);
            assertThat(report.warnings().get(0).message()).startsWith("1 of 2 ");
        }

        @Test
        void expiredEncryptionCertificateIsOnlyDescribed() {
            MetadataReport report = validate(withKeys().key("signing", TestCertificates.CURRENT)
                    .key("encryption", TestCertificates.SHORT_LIVED), TestCertificates.AFTER_ROLLOVER);
            assertThat(report.warnings()).isEmpty();
            assertThat(report.certificates()).extracting(CertificateInfo::expired).containsExactly(false, true);
        }

        @Test
        void notYetValidSigningCertificateIsAWarning() {
            MetadataReport report = validate(withKeys().key("signing", TestCertificates.CURRENT), TestCertificates.PAST);
            assertThat(report.valid()).isTrue();
            assertThat(warnings(report)).containsExactly(ProblemCode.CERTIFICATE_NOT_YET_VALID);
        }
    }
}
