package io.jitprovisioning.metadata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/**
 * One sample per issue code, each with a secret planted in the file's text, attributes or element names: the code
 * must be reported with a useful message that never repeats what the file says.
 */
@DisplayName("MetadataValidator issue codes")
class MetadataIssueCodeTest {
    private static final String SECRET = "s3cr3t-planted-by-test";
    private static final String SECRET_ID = "https://idp.example.test/" + SECRET;

    record Sample(byte[] xml, Clock clock, String chosenEntityId) {
        Sample(IdpXml xml) {
            this(xml.bytes(), TestCertificates.NOW, null);
        }

        Sample(String xml) {
            this(xml.getBytes(StandardCharsets.UTF_8), TestCertificates.NOW, null);
        }
    }

    private static IdpXml planted() {
        return IdpXml.valid().entityId(SECRET_ID).nameIdFormat(SECRET);
    }

    private static final Map<ProblemCode, Sample> SAMPLES = new EnumMap<>(Map.ofEntries(
            Map.entry(ProblemCode.NOT_WELL_FORMED, new Sample("<md:EntityDescriptor xmlns:md=\"" + IdpXml.MD + "\"><"
                    + SECRET + " a=\"" + SECRET + "\">" + SECRET + "</md:EntityDescriptor>")),
            Map.entry(ProblemCode.DOCTYPE_FORBIDDEN, new Sample("<!DOCTYPE " + SECRET + ">" + planted().element())),
            Map.entry(ProblemCode.TOO_LARGE, new Sample(planted().xml() + "<!--" + SECRET.repeat(60_000) + "-->")),
            Map.entry(ProblemCode.NOT_ENTITY_DESCRIPTOR, new Sample("<" + SECRET + " id=\"" + SECRET + "\">" + SECRET
                    + "</" + SECRET + ">")),
            Map.entry(ProblemCode.MISSING_ENTITY_ID, new Sample(planted().entityId(null))),
            Map.entry(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR, new Sample(planted().serviceProvider())),
            Map.entry(ProblemCode.MISSING_SSO_SERVICE, new Sample(IdpXml.empty().entityId(SECRET_ID)
                    .key("signing", TestCertificates.CURRENT).sso(SECRET, "https://idp.example.test/" + SECRET))),
            Map.entry(ProblemCode.INVALID_SSO_LOCATION, new Sample(planted().sso(IdpXml.REDIRECT, "javascript:" + SECRET))),
            Map.entry(ProblemCode.MISSING_SIGNING_CERTIFICATE, new Sample(IdpXml.empty().entityId(SECRET_ID)
                    .key("encryption", TestCertificates.CURRENT).sso(IdpXml.POST, IdpXml.SSO_POST_URL))),
            Map.entry(ProblemCode.INVALID_CERTIFICATE, new Sample(IdpXml.empty().entityId(SECRET_ID)
                    .key("signing", Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.US_ASCII)))
                    .sso(IdpXml.POST, IdpXml.SSO_POST_URL))),
            Map.entry(ProblemCode.MULTIPLE_IDPS, new Sample(IdpXml.aggregate("Name=\"" + SECRET + "\"",
                    IdpXml.valid().entityId("https://a.example.test/").nameIdFormat(SECRET).element(),
                    IdpXml.valid().entityId("https://b.example.test/").nameIdFormat(SECRET).element()),
                    TestCertificates.NOW, null)),
            Map.entry(ProblemCode.CERTIFICATE_EXPIRED, new Sample(planted().bytes(), TestCertificates.FAR_FUTURE, null)),
            Map.entry(ProblemCode.CERTIFICATE_NOT_YET_VALID, new Sample(planted().bytes(), TestCertificates.PAST, null)),
            Map.entry(ProblemCode.CERTIFICATE_PEM_WRAPPED, new Sample(IdpXml.empty().entityId(SECRET_ID).nameIdFormat(SECRET)
                    .key("signing", TestCertificates.base64OfPem(TestCertificates.CURRENT))
                    .sso(IdpXml.POST, IdpXml.SSO_POST_URL))),
            Map.entry(ProblemCode.AGGREGATE_SINGLE_IDP, new Sample(IdpXml.aggregate("Name=\"" + SECRET + "\"",
                    planted().element(), planted().entityId(SECRET_ID + "/sp").serviceProvider().element()),
                    TestCertificates.NOW, null)),
            Map.entry(ProblemCode.METADATA_EXPIRED, new Sample(planted().entityAttributes("validUntil=\"2001-01-01T00:00:00Z\""
                    + " ID=\"" + SECRET + "\"")))));

    /** The codes the metadata validator answers: those of kind METADATA. */
    static java.util.List<ProblemCode> metadataCodes() {
        return Arrays.stream(ProblemCode.values()).filter(code -> code.kind() == ProblemCode.Kind.METADATA).toList();
    }

    @Test
    void everyCodeHasASample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrder(metadataCodes().toArray(ProblemCode[]::new));
    }

    @Test
    void codeNamesAreThePublicContract() {
        assertThat(metadataCodes().stream().filter(ProblemCode::isError).map(Enum::name)).containsExactly(
                "NOT_WELL_FORMED", "DOCTYPE_FORBIDDEN", "TOO_LARGE", "NOT_ENTITY_DESCRIPTOR", "MISSING_ENTITY_ID",
                "MISSING_IDP_SSO_DESCRIPTOR", "MISSING_SSO_SERVICE", "INVALID_SSO_LOCATION",
                "MISSING_SIGNING_CERTIFICATE", "INVALID_CERTIFICATE", "MULTIPLE_IDPS");
        assertThat(metadataCodes().stream().filter(code -> !code.isError()).map(Enum::name)).containsExactly(
                "CERTIFICATE_EXPIRED", "CERTIFICATE_NOT_YET_VALID", "CERTIFICATE_PEM_WRAPPED", "AGGREGATE_SINGLE_IDP",
                "METADATA_EXPIRED");
    }

    @TestFactory
    Stream<DynamicTest> eachCodeIsReportedWithAMessageThatDoesNotEchoTheFile() {
        return SAMPLES.entrySet().stream().map(entry -> DynamicTest.dynamicTest(entry.getKey().name(), () -> {
            ProblemCode code = entry.getKey();
            Sample sample = entry.getValue();

            MetadataReport report = new MetadataValidator(sample.clock()).validate(sample.xml(), sample.chosenEntityId());

            var issues = code.isError() ? report.errors() : report.warnings();
            assertThat(issues).extracting(Problem::code).contains(code);
            assertThat(report.valid()).as("valid with only this %s", code.isError() ? "error" : "warning").isEqualTo(!code.isError());
            for (Problem issue : report.errors().isEmpty() ? report.warnings() : report.errors()) {
                assertThat(issue.message()).hasSizeGreaterThan(60).doesNotContain(SECRET);
            }
            report.warnings().forEach(issue -> assertThat(issue.message()).doesNotContain(SECRET));
        }));
    }
}
