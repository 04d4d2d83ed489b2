package io.jitprovisioning.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.protocol.saml.SamlPrincipalType;

import io.jitprovisioning.metadata.Endpoint;
import io.jitprovisioning.metadata.MetadataReport;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

class SamlIdpFromMetadataTest {

    private static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    private static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    private static final String EMAIL = "urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress";
    private static final String PERSISTENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:persistent";
    private static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
    private static final String UNSPECIFIED = "urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified";

    private static MetadataReport report(List<String> formats, Boolean wantAuthnRequestsSigned) {
        return new MetadataReport("https://new-idp.example/entity", List.of(new Endpoint(REDIRECT, "https://new-idp.example/sso")),
                List.of(new Endpoint(POST, "https://new-idp.example/slo")), List.of("NEWCERT1", "NEWCERT2"), List.of(), formats,
                wantAuthnRequestsSigned, List.of(), List.of());
    }

    /** An identity provider as an administrator left it: every choice differs from what the setup would pick. */
    private static SAMLIdentityProviderConfig configuredByHand() {
        SAMLIdentityProviderConfig idp = new SAMLIdentityProviderConfig();
        idp.setAlias("okta");
        idp.setIdpEntityId("https://old-idp.example/entity");
        idp.setSingleSignOnServiceUrl("https://old-idp.example/sso");
        idp.setPostBindingAuthnRequest(true);
        idp.setSingleLogoutServiceUrl("https://old-idp.example/slo");
        idp.setPostBindingLogout(false);
        idp.setSigningCertificate("OLDCERT");
        idp.setNameIDPolicyFormat(PERSISTENT);
        idp.setPrincipalType(SamlPrincipalType.ATTRIBUTE);
        idp.setPrincipalAttribute("uid");
        idp.setSyncMode(IdentityProviderSyncMode.FORCE);
        idp.setWantAuthnRequestsSigned(false);
        idp.setValidateSignature(true);
        idp.setWantAssertionsSigned(true);
        idp.setPostBindingResponse(true);
        return idp;
    }

    private static Map<String, String> withoutMetadataOwned(Map<String, String> config) {
        Map<String, String> rest = new LinkedHashMap<>(config);
        List.of("idpEntityId", "singleSignOnServiceUrl", "postBindingAuthnRequest", "singleLogoutServiceUrl", "postBindingLogout",
                "signingCertificate").forEach(rest::remove);
        return rest;
    }

    @Nested
    @DisplayName("given a new file for an existing identity provider (a certificate rollover)")
    class Existing {

        @Test
        void onlyWhatTheMetadataOwnsChanges() {
            SAMLIdentityProviderConfig idp = configuredByHand();
            Map<String, String> adminChoices = withoutMetadataOwned(idp.getConfig());

            List<Problem> warnings = SamlIdpFromMetadata.applyToExisting(idp, report(List.of(EMAIL, PERSISTENT), null));

            assertThat(warnings).isEmpty();
            assertThat(idp.getIdpEntityId()).isEqualTo("https://new-idp.example/entity");
            assertThat(idp.getSingleSignOnServiceUrl()).isEqualTo("https://new-idp.example/sso");
            assertThat(idp.isPostBindingAuthnRequest()).as("the file offers HTTP-Redirect only").isFalse();
            assertThat(idp.getSingleLogoutServiceUrl()).isEqualTo("https://new-idp.example/slo");
            assertThat(idp.isPostBindingLogout()).isTrue();
            assertThat(idp.getSigningCertificates()).containsExactly("NEWCERT1", "NEWCERT2");
            assertThat(withoutMetadataOwned(idp.getConfig())).as("NameID format, principal, sync mode, signatures")
                    .isEqualTo(adminChoices);
            assertThat(idp.getNameIDPolicyFormat()).as("email is offered, the administrator chose persistent").isEqualTo(PERSISTENT);
        }

        @Test
        void anIdpThatRequiresSignedRequestsGetsThem() {
            SAMLIdentityProviderConfig idp = configuredByHand();

            SamlIdpFromMetadata.applyToExisting(idp, report(List.of(PERSISTENT), true));

            assertThat(idp.isWantAuthnRequestsSigned()).isTrue();
        }

        @Test
        void falseOrAbsentKeepsTheAdministratorsRequestSigning() {
            SAMLIdentityProviderConfig signing = configuredByHand();
            signing.setWantAuthnRequestsSigned(true);
            SamlIdpFromMetadata.applyToExisting(signing, report(List.of(PERSISTENT), false));
            assertThat(signing.isWantAuthnRequestsSigned()).as("false in the file: still signed").isTrue();

            SAMLIdentityProviderConfig unsigned = configuredByHand();
            SamlIdpFromMetadata.applyToExisting(unsigned, report(List.of(PERSISTENT), null));
            assertThat(unsigned.isWantAuthnRequestsSigned()).as("absent in the file: still unsigned").isFalse();
            SamlIdpFromMetadata.applyToExisting(unsigned, report(List.of(PERSISTENT), false));
            assertThat(unsigned.isWantAuthnRequestsSigned()).as("false in the file: still unsigned").isFalse();
        }

        @Test
        void aFormatNoLongerOfferedIsWarnedAboutAndKept() {
            SAMLIdentityProviderConfig idp = configuredByHand();
            Map<String, String> adminChoices = withoutMetadataOwned(idp.getConfig());

            List<Problem> warnings = SamlIdpFromMetadata.applyToExisting(idp, report(List.of(EMAIL, TRANSIENT), null));

            assertThat(warnings).extracting(Problem::code).containsExactly(ProblemCode.NAME_ID_FORMAT_NOT_OFFERED);
            assertThat(warnings.get(0).message()).contains(PERSISTENT);
            assertThat(withoutMetadataOwned(idp.getConfig())).isEqualTo(adminChoices);
            assertThat(idp.getSigningCertificates()).as("the rest of the file still applies").containsExactly("NEWCERT1", "NEWCERT2");
        }

        @Test
        void noListedFormatsOrUnspecifiedInUseIsNoWarning() {
            assertThat(SamlIdpFromMetadata.applyToExisting(configuredByHand(), report(List.of(), null))).isEmpty();

            SAMLIdentityProviderConfig unspecified = configuredByHand();
            unspecified.setNameIDPolicyFormat(UNSPECIFIED);
            assertThat(SamlIdpFromMetadata.applyToExisting(unspecified, report(List.of(EMAIL), null))).isEmpty();
        }

        @Test
        void formatsAreComparedExactly() {
            assertThat(SamlIdpFromMetadata.isOffered(PERSISTENT, List.of(PERSISTENT.toUpperCase(java.util.Locale.ROOT)))).isFalse();
            assertThat(SamlIdpFromMetadata.isOffered(PERSISTENT, List.of(PERSISTENT + " "))).isFalse();
        }
    }

    @Nested
    @DisplayName("given a new identity provider")
    class New {

        @Test
        void theSetupChoosesTheFormatAndFollowsTheRequestSigningOfTheFile() {
            SAMLIdentityProviderConfig idp = new SAMLIdentityProviderConfig();

            SamlIdpFromMetadata.applyToNew(idp, report(List.of(PERSISTENT, EMAIL, TRANSIENT), true));

            assertThat(idp.getNameIDPolicyFormat()).isEqualTo(EMAIL);
            assertThat(idp.isWantAuthnRequestsSigned()).isTrue();
            assertThat(idp.getSingleSignOnServiceUrl()).isEqualTo("https://new-idp.example/sso");
        }

        @Test
        void persistentThenUnspecifiedNeverTransient() {
            assertThat(SamlIdpFromMetadata.nameIdFormat(List.of(TRANSIENT, PERSISTENT))).isEqualTo(PERSISTENT);
            assertThat(SamlIdpFromMetadata.nameIdFormat(List.of(TRANSIENT))).isEqualTo(UNSPECIFIED);
        }
    }
}
