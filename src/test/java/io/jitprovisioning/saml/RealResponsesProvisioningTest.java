package io.jitprovisioning.saml;

import static io.jitprovisioning.saml.RealResponses.attributes;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnknownRolePolicy;
import io.jitprovisioning.profile.ProfileResolver;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.InMemoryRoleDirectory;
import io.jitprovisioning.roles.RefusedRole;
import io.jitprovisioning.roles.RefusedRole.Reason;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleResolver;

/** The profile and roles a new account would get from real SAML responses. */
class RealResponsesProvisioningTest {

    private static final JitSettings NO_MAPPING = JitSettings.builder().build();

    @Nested
    @DisplayName("given a new account and no attribute mapping")
    class WellKnownNames {

        @Test
        void azureAdClaimUrisGiveTheNames() {
            ProfileValues profile = ProfileResolver.forNewAccount(
                    attributes("auth0_passport-wsfed-saml2__office365_azuread_assertion.xml"), NO_MAPPING, null);

            assertThat(profile.firstName()).contains("Matias");
            assertThat(profile.lastName()).contains("Woloski");
            assertThat(profile.email()).isEmpty();
            assertThat(profile.rejected()).isEmpty();
        }

        @Test
        void shibbolethOidNamesGiveNamesAndEmail() {
            ProfileValues profile = ProfileResolver.forNewAccount(
                    attributes("crewjam_saml__TestParseXMLArtifactResponse_assertion.xml"), NO_MAPPING, null);

            assertThat(profile.firstName()).contains("Rick");
            assertThat(profile.lastName()).contains("Sanchez");
            assertThat(profile.email()).contains("rsanchez@samltest.id");
        }

        @Test
        void simpleSamlPhpBasicNamesGiveNamesAndEmail() {
            ProfileValues profile = ProfileResolver.forNewAccount(
                    attributes("peer-run__simplesamlphp_idp_initiated_response.xml"), NO_MAPPING, null);

            assertThat(profile.firstName()).contains("Jit");
            assertThat(profile.lastName()).contains("Tester");
            assertThat(profile.email()).contains("jit.tester@example.org");
            assertThat(profile.phoneNumber()).isEmpty();
        }

        @Test
        void capitalisedNamesAreNotWellKnownSoOnlyTheNameIdEmailIsUsed() {
            ProfileValues profile = ProfileResolver.forNewAccount(
                    attributes("SAML-Toolkits_python3-saml__open_saml_response.xml"), NO_MAPPING, "someone@example.org");

            assertThat(profile.firstName()).isEmpty();
            assertThat(profile.lastName()).isEmpty();
            assertThat(profile.email()).contains("someone@example.org");
        }

        @Test
        void theEmailAttributeWinsOverTheNameId() {
            ProfileValues profile = ProfileResolver.forNewAccount(
                    attributes("peer-run__saml-idp_sp_initiated_response.xml"), NO_MAPPING, "jit.tester@example.org");

            assertThat(profile.email()).contains("ada@example.org");
            assertThat(profile.firstName()).contains("Ada");
        }
    }

    @Nested
    @DisplayName("given an attribute mapping")
    class Mapping {

        @Test
        void capitalisedNamesWorkOnceMapped() {
            JitSettings settings = JitSettings.builder()
                    .map("FirstName", AttributeTarget.USER_FIRST_NAME).map("LastName", AttributeTarget.USER_LAST_NAME).build();

            ProfileValues profile = ProfileResolver.mapped(attributes("SAML-Toolkits_python3-saml__open_saml_response.xml"), settings);

            assertThat(profile.firstName()).contains("Someone");
            assertThat(profile.lastName()).contains("Special");
        }

        @Test
        void phoneNumbersOfRealIdpsPass() {
            JitSettings settings = JitSettings.builder().map("telephoneNumber", AttributeTarget.USER_PHONE_NUMBER)
                    .map("mobile", AttributeTarget.USER_PHONE_NUMBER).map("phone", AttributeTarget.USER_PHONE_NUMBER).build();

            assertThat(phone("peer-run__simplesamlphp_idp_initiated_response.xml", settings)).contains("+1-555-0100");
            assertThat(phone("peer-run__saml-idp_sp_initiated_response.xml", settings)).contains("+44 20 0000");
            assertThat(phone("IdentityPython_pysaml2__simplesamlphp_authnresponse.xml", settings)).contains("+4741107700");
            assertThat(phone("crewjam_saml__plaintext.xml", settings)).contains("555-5555");
        }

        private Optional<String> phone(String file, JitSettings settings) {
            return ProfileResolver.mapped(attributes(file), settings).phoneNumber();
        }

        @Test
        void theMappedNameIsTheOnlySourceForAMappedField() {
            JitSettings settings = JitSettings.builder().map("displayName", AttributeTarget.USER_FIRST_NAME).build();

            ProfileValues profile = ProfileResolver.forNewAccount(
                    attributes("crewjam_saml__TestParseXMLArtifactResponse_assertion.xml"), settings, null);

            assertThat(profile.firstName()).contains("Rick Sanchez");
            assertThat(profile.lastName()).contains("Sanchez");
        }
    }

    @Nested
    @DisplayName("given the role values of peer-run IdPs")
    class Roles {

        private final InMemoryRoleDirectory directory = new InMemoryRoleDirectory()
                .role("Agent").role("editor").role("viewer").role("my-app.reader").adminName("realm-admin");

        private RoleDecision resolve(String file, JitSettings settings) {
            RoleResolver resolver = new RoleResolver(settings, directory, () -> Optional.of(directory.ref("Agent")));
            return resolver.resolve(attributes(file).values(settings.attributesFor(AttributeTarget.USER_ROLE)));
        }

        @Test
        void bothValuesNameRoles() {
            JitSettings settings = JitSettings.builder().map("role", AttributeTarget.USER_ROLE).build();

            assertThat(resolve("peer-run__saml-idp_idp_initiated_response.xml", settings).wanted())
                    .containsExactlyInAnyOrder(directory.ref("editor"), directory.ref("viewer"));
        }

        @Test
        void theRoleValueTableTranslatesOneOfThem() {
            JitSettings settings = JitSettings.builder()
                    .map("role", AttributeTarget.USER_ROLE).roleValue("Viewer", "my-app.reader").build();

            assertThat(resolve("peer-run__simplesamlphp_idp_initiated_response.xml", settings).wanted())
                    .containsExactlyInAnyOrder(directory.ref("editor"), directory.ref("my-app.reader"));
        }

        @Test
        void anAllowlistWithDenyRefusesAnUnknownAndAForbiddenRole() {
            JitSettings settings = JitSettings.builder().map("role", AttributeTarget.USER_ROLE)
                    .assignableRole("viewer").set(JitConfigProperties.UNKNOWN_ROLE_POLICY, UnknownRolePolicy.DENY).build();

            RoleDecision decision = resolve("peer-run__saml-idp_sp_initiated_response.xml", settings);

            assertThat(decision.refusal()).isEqualTo(JitError.ROLE_NOT_ALLOWED);
            assertThat(decision.refused()).containsExactly(
                    new RefusedRole("admin", Reason.UNKNOWN), new RefusedRole("editor", Reason.NOT_ASSIGNABLE));
        }

        @Test
        void aRoleAttributeWithoutValuesGivesTheDefaultRole() {
            JitSettings settings = JitSettings.builder().map("evilcorp.roles", AttributeTarget.USER_ROLE)
                    .set(JitConfigProperties.UNKNOWN_ROLE_POLICY, UnknownRolePolicy.DENY).build();

            RoleDecision decision = resolve("node-saml_node-saml__response-with-uncomplete-attribute.xml", settings);

            assertThat(decision.isRefused()).isFalse();
            assertThat(decision.wanted()).containsExactly(directory.ref("Agent"));
            assertThat(decision.fromDefault()).isTrue();
        }
    }
}
