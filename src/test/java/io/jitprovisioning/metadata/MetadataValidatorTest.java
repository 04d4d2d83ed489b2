package io.jitprovisioning.metadata;

import static io.jitprovisioning.metadata.IdpXml.ARTIFACT;
import static io.jitprovisioning.metadata.IdpXml.ENTITY_ID;
import static io.jitprovisioning.metadata.IdpXml.POST;
import static io.jitprovisioning.metadata.IdpXml.REDIRECT;
import static io.jitprovisioning.metadata.IdpXml.SSO_POST_URL;
import static io.jitprovisioning.metadata.IdpXml.SSO_REDIRECT_URL;
import static io.jitprovisioning.metadata.Issues.errors;
import static io.jitprovisioning.metadata.Issues.warnings;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.jitprovisioning.problem.ProblemCode;

@DisplayName("MetadataValidator")
class MetadataValidatorTest {
    private final MetadataValidator validator = new MetadataValidator(TestCertificates.NOW);

    private MetadataReport validate(IdpXml xml) {
        return validator.validate(xml.bytes(), null);
    }

    @Nested
    @DisplayName("given complete IdP metadata")
    class Complete {
        @Test
        void reportsEverythingKeycloakNeeds() {
            MetadataReport report = validate(IdpXml.valid()
                    .idpAttributes("WantAuthnRequestsSigned=\"true\" protocolSupportEnumeration=\""
                            + "urn:oasis:names:tc:SAML:1.1:protocol urn:oasis:names:tc:SAML:2.0:protocol\"")
                    .sso(REDIRECT, SSO_REDIRECT_URL)
                    .slo(REDIRECT, "https://idp.example.test/slo/redirect")
                    .nameIdFormat(" urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress ")
                    .nameIdFormat("urn:oasis:names:tc:SAML:2.0:nameid-format:persistent"));

            assertThat(report.valid()).isTrue();
            assertThat(report.warnings()).isEmpty();
            assertThat(report.entityId()).isEqualTo(ENTITY_ID);
            assertThat(report.ssoServices()).containsExactly(new Endpoint(POST, SSO_POST_URL),
                    new Endpoint(REDIRECT, SSO_REDIRECT_URL));
            assertThat(report.sloServices()).containsExactly(
                    new Endpoint(REDIRECT, "https://idp.example.test/slo/redirect"));
            assertThat(report.signingCertificates()).containsExactly(TestCertificates.CURRENT);
            assertThat(report.nameIdFormats()).containsExactly("urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress",
                    "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent");
            assertThat(report.wantAuthnRequestsSigned()).isTrue();
        }

        @Test
        void wantAuthnRequestsSignedIsNullWhenAbsentAndReadAsXsBoolean() {
            assertThat(validate(IdpXml.valid()).wantAuthnRequestsSigned()).isNull();
            assertThat(validate(withWantSigned("0")).wantAuthnRequestsSigned()).isFalse();
            assertThat(validate(withWantSigned("false")).wantAuthnRequestsSigned()).isFalse();
            assertThat(validate(withWantSigned("1")).wantAuthnRequestsSigned()).isTrue();
        }

        private IdpXml withWantSigned(String value) {
            return IdpXml.valid().idpAttributes("WantAuthnRequestsSigned=\"" + value
                    + "\" protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"");
        }

        @Test
        void acceptsUnprefixedNamespaces() {
            String xml = "<EntityDescriptor xmlns=\"" + IdpXml.MD + "\" entityID=\"" + ENTITY_ID + "\">"
                    + "<IDPSSODescriptor protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\">"
                    + "<KeyDescriptor><KeyInfo xmlns=\"" + IdpXml.DS + "\"><X509Data><X509Certificate>"
                    + TestCertificates.CURRENT + "</X509Certificate></X509Data></KeyInfo></KeyDescriptor>"
                    + "<SingleSignOnService Binding=\"" + REDIRECT + "\" Location=\"" + SSO_REDIRECT_URL + "\"/>"
                    + "</IDPSSODescriptor></EntityDescriptor>";

            MetadataReport report = validator.validate(xml.getBytes(StandardCharsets.UTF_8), null);

            assertThat(report.valid()).isTrue();
            assertThat(report.signingCertificates()).containsExactly(TestCertificates.CURRENT);
        }
    }

    @Nested
    @DisplayName("given SingleSignOnService endpoints")
    class SingleSignOn {
        @Test
        void postOnlyIsEnough() {
            MetadataReport report = validate(IdpXml.valid());
            assertThat(report.valid()).isTrue();
            assertThat(report.preferredSsoService()).contains(new Endpoint(POST, SSO_POST_URL));
        }

        @Test
        void redirectOnlyIsEnough() {
            MetadataReport report = validate(IdpXml.empty().key("signing", TestCertificates.CURRENT)
                    .sso(REDIRECT, SSO_REDIRECT_URL));
            assertThat(report.valid()).isTrue();
            assertThat(report.preferredSsoService()).contains(new Endpoint(REDIRECT, SSO_REDIRECT_URL));
            assertThat(report.preferredSsoService().orElseThrow().isHttpPost()).isFalse();
        }

        @Test
        void postIsPreferredWhereverItIsListed() {
            MetadataReport report = validate(IdpXml.empty().key("signing", TestCertificates.CURRENT)
                    .sso(ARTIFACT, "https://idp.example.test/sso/artifact")
                    .sso(REDIRECT, SSO_REDIRECT_URL).sso(POST, SSO_POST_URL));
            assertThat(report.preferredSsoService()).contains(new Endpoint(POST, SSO_POST_URL));
            assertThat(report.ssoServices()).extracting(Endpoint::binding).containsExactly(REDIRECT, POST);
        }

        @Test
        void otherBindingsAreNotEnough() {
            MetadataReport report = validate(IdpXml.empty().key("signing", TestCertificates.CURRENT)
                    .sso(ARTIFACT, "https://idp.example.test/sso/artifact")
                    .sso("urn:oasis:names:tc:SAML:2.0:bindings:SOAP", "https://idp.example.test/sso/soap"));
            assertThat(errors(report)).containsExactly(ProblemCode.MISSING_SSO_SERVICE);
            assertThat(report.preferredSsoService()).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"/sso/post", "javascript:alert(1)", "//idp.example.test/sso", "ftp://idp.example.test/",
                "https://", "https://idp.example.test/a b"})
        void locationMustBeAnAbsoluteHttpUrl(String location) {
            MetadataReport report = validate(IdpXml.empty().key("signing", TestCertificates.CURRENT)
                    .sso(REDIRECT, SSO_REDIRECT_URL).sso(POST, location));
            assertThat(errors(report)).containsExactly(ProblemCode.INVALID_SSO_LOCATION);
            assertThat(report.ssoServices()).containsExactly(new Endpoint(REDIRECT, SSO_REDIRECT_URL));
        }

        @Test
        void plainHttpAndPortsAreAccepted() {
            assertThat(validate(IdpXml.empty().key("signing", TestCertificates.CURRENT)
                    .sso(POST, "HTTP://127.0.0.1:8080/sso?x=1")).valid()).isTrue();
        }
    }

    @Nested
    @DisplayName("given SingleLogoutService endpoints")
    class SingleLogout {
        @Test
        void postIsPreferredAndInvalidOnesAreDroppedWithoutError() {
            MetadataReport report = validate(IdpXml.valid()
                    .slo(REDIRECT, "https://idp.example.test/slo/redirect")
                    .slo(POST, "javascript:alert(1)")
                    .slo(POST, "https://idp.example.test/slo/post"));
            assertThat(report.valid()).isTrue();
            assertThat(report.sloServices()).hasSize(2);
            assertThat(report.preferredSloService()).contains(new Endpoint(POST, "https://idp.example.test/slo/post"));
        }

        @Test
        void areOptional() {
            MetadataReport report = validate(IdpXml.valid());
            assertThat(report.valid()).isTrue();
            assertThat(report.preferredSloService()).isEmpty();
        }
    }

    @Nested
    @DisplayName("given an EntityDescriptor that is not a usable IdP")
    class NotAnIdp {
        @Test
        void serviceProviderMetadataIsNamedAsSuch() {
            MetadataReport report = validate(IdpXml.valid().serviceProvider());
            assertThat(errors(report)).containsExactly(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR);
            assertThat(report.errors().get(0).message()).contains("service provider");
        }

        @Test
        void idpWithoutSaml2SupportIsNoIdp() {
            MetadataReport report = validate(IdpXml.valid()
                    .idpAttributes("protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:1.1:protocol\""));
            assertThat(errors(report)).containsExactly(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR);
            assertThat(report.errors().get(0).message()).contains("SAML 2.0");
        }

        @Test
        void missingEntityIdIsReportedWithTheOtherProblems() {
            MetadataReport report = validate(IdpXml.empty().entityId(null));
            assertThat(errors(report)).containsExactlyInAnyOrder(ProblemCode.MISSING_ENTITY_ID,
                    ProblemCode.MISSING_SSO_SERVICE, ProblemCode.MISSING_SIGNING_CERTIFICATE);
        }

        @Test
        void blankEntityIdIsMissing() {
            assertThat(errors(validate(IdpXml.valid().entityId("  ")))).containsExactly(ProblemCode.MISSING_ENTITY_ID);
        }
    }

    @Nested
    @DisplayName("given a chosen entityID and an EntityDescriptor root")
    class ChosenEntity {
        @Test
        void matchingChoiceIsFine() {
            assertThat(validator.validate(IdpXml.valid().bytes(), ENTITY_ID).valid()).isTrue();
        }

        @Test
        void blankChoiceMeansNoChoice() {
            assertThat(validator.validate(IdpXml.valid().bytes(), " ").valid()).isTrue();
        }

        @Test
        void otherChoiceNamesTheEntityFound() {
            MetadataReport report = validator.validate(IdpXml.valid().bytes(), "https://other.example.test/");
            assertThat(errors(report)).containsExactly(ProblemCode.MISSING_IDP_SSO_DESCRIPTOR);
            assertThat(report.errors().get(0).message()).contains(ENTITY_ID);
        }
    }

    @Nested
    @DisplayName("given validUntil")
    class ValidUntilDates {
        @ParameterizedTest
        @ValueSource(strings = {"2001-01-01T00:00:00Z", "2001-01-01T00:00:00", "2030-01-01T00:59:59+01:00"})
        void inThePastIsAWarning(String validUntil) {
            MetadataReport report = validate(IdpXml.valid().entityAttributes("validUntil=\"" + validUntil + "\""));
            assertThat(report.valid()).isTrue();
            assertThat(warnings(report)).containsExactly(ProblemCode.METADATA_EXPIRED);
        }

        @ParameterizedTest
        @ValueSource(strings = {"2031-01-01T00:00:00.000Z", "2029-12-31T23:59:59-01:00", "not a date"})
        void inTheFutureOrUnreadableIsIgnored(String validUntil) {
            MetadataReport report = validate(IdpXml.valid().entityAttributes("validUntil=\"" + validUntil + "\""));
            assertThat(report.warnings()).isEmpty();
        }
    }
}
