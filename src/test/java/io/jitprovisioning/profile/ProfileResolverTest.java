package io.jitprovisioning.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.saml.SamlAttribute;
import io.jitprovisioning.saml.SamlAttributes;

class ProfileResolverTest {

    private static final JitSettings NO_MAPPING = JitSettings.builder().build();

    /** Attributes as name, value, name, value, ...; a repeated name is a second element of that name. */
    private static SamlAttributes sent(String... namesAndValues) {
        List<SamlAttribute> attributes = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            attributes.add(new SamlAttribute(namesAndValues[i], null, List.of(namesAndValues[i + 1])));
        }
        return SamlAttributes.of(attributes);
    }

    @Nested
    @DisplayName("given an attribute mapping")
    class Mapped {

        private final JitSettings settings = JitSettings.builder()
                .map("corpMail", AttributeTarget.USER_EMAIL)
                .map("first", AttributeTarget.USER_FIRST_NAME)
                .map("nick", AttributeTarget.USER_DISPLAY_NAME)
                .map("tel", AttributeTarget.USER_PHONE_NUMBER)
                .build();

        @Test
        void everyMappedTargetIsReadAndCleaned() {
            ProfileValues values = ProfileResolver.mapped(
                    sent("corpMail", "Ada@Example.ORG", "first", " Ada ", "nick", "Countess\u200B", "tel", "+44 20 0000"),
                    settings);

            assertThat(values.email()).contains("ada@example.org");
            assertThat(values.firstName()).contains("Ada");
            assertThat(values.displayName()).contains("Countess");
            assertThat(values.phoneNumber()).contains("+44 20 0000");
            assertThat(values.lastName()).isEmpty();
            assertThat(values.rejected()).isEmpty();
        }

        @Test
        void wellKnownNamesAreNotReadForMappedFieldsOnly() {
            ProfileValues values = ProfileResolver.mapped(sent("mail", "ada@example.org", "sn", "Lovelace"), settings);

            assertThat(values.email()).isEmpty();
            assertThat(values.lastName()).isEmpty();
        }

        @Test
        void theFirstFitValueWinsAndEarlierUnfitOnesAreNotHeldAgainstIt() {
            ProfileValues values = ProfileResolver.mapped(sent("first", "<Ada>", "first", "Ada", "first", "Augusta"), settings);

            assertThat(values.firstName()).contains("Ada");
            assertThat(values.rejected()).isEmpty();
        }

        @Test
        void attributesForOneTargetAreTriedInTheAdministratorsOrder() {
            JitSettings twoSources = JitSettings.builder()
                    .map("preferredName", AttributeTarget.USER_FIRST_NAME)
                    .map("givenName", AttributeTarget.USER_FIRST_NAME)
                    .build();

            ProfileValues values = ProfileResolver.mapped(sent("givenName", "Augusta", "preferredName", "Ada"), twoSources);

            assertThat(values.firstName()).contains("Ada");
        }

        @Test
        void unfitValuesAreRejectedWhileBlankOnesAreAbsent() {
            ProfileValues values = ProfileResolver.mapped(
                    sent("corpMail", "not an email", "first", "  ", "nick", "\u200B", "tel", "555-CALL-NOW"), settings);

            assertThat(values.rejected()).containsExactlyInAnyOrder(AttributeTarget.USER_EMAIL, AttributeTarget.USER_PHONE_NUMBER);
            assertThat(values.email()).isEmpty();
            assertThat(values.firstName()).isEmpty();
            assertThat(values.displayName()).isEmpty();
            assertThat(values.phoneNumber()).isEmpty();
        }

        @Test
        void profileValuesNeverPrintPersonalData() {
            ProfileValues values = ProfileResolver.mapped(sent("first", "Ada", "corpMail", "ada@example.org"), settings);

            assertThat(values.toString()).contains("USER_FIRST_NAME").doesNotContain("Ada", "ada@example.org");
        }
    }

    @Nested
    @DisplayName("given a new account")
    class NewAccount {

        @Test
        void wellKnownNamesFillUnmappedFields() {
            ProfileValues values = ProfileResolver.forNewAccount(
                    sent("urn:oid:0.9.2342.19200300.100.1.3", "rick@example.org", "urn:oid:2.5.4.42", "Rick",
                            "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/surname", "Sanchez"),
                    NO_MAPPING, null);

            assertThat(values.email()).contains("rick@example.org");
            assertThat(values.firstName()).contains("Rick");
            assertThat(values.lastName()).contains("Sanchez");
        }

        @Test
        void wellKnownNamesAreTriedInTheirOwnOrderNotTheDocuments() {
            ProfileValues values = ProfileResolver.forNewAccount(
                    sent("mail", "second@example.org", "email", "first@example.org", "sn", "Sn", "lastName", "Last"),
                    NO_MAPPING, null);

            assertThat(values.email()).contains("first@example.org");
            assertThat(values.lastName()).contains("Last");
        }

        @Test
        void aMappedFieldWinsOverAWellKnownName() {
            JitSettings settings = JitSettings.builder().map("corpMail", AttributeTarget.USER_EMAIL).build();

            ProfileValues values = ProfileResolver.forNewAccount(
                    sent("mail", "private@example.org", "corpMail", "work@example.org"), settings, "nameid@example.org");

            assertThat(values.email()).contains("work@example.org");
        }

        @Test
        void aMappedFieldThatIsNotSentIsNotFilledFromWellKnownNames() {
            JitSettings settings = JitSettings.builder().map("first", AttributeTarget.USER_FIRST_NAME).build();

            ProfileValues values = ProfileResolver.forNewAccount(sent("givenName", "Ada", "sn", "Lovelace"), settings, null);

            assertThat(values.firstName()).isEmpty();
            assertThat(values.lastName()).contains("Lovelace");
        }

        @Test
        void theNameIdEmailComesLast() {
            assertThat(ProfileResolver.forNewAccount(sent("mail", "attr@example.org"), NO_MAPPING, "nameid@example.org")
                    .email()).contains("attr@example.org");
            assertThat(ProfileResolver.forNewAccount(sent("uid", "ada"), NO_MAPPING, " NameID@Example.org ")
                    .email()).contains("nameid@example.org");
        }

        @Test
        void theNameIdEmailReplacesAnUnfitAttributeAndClearsItsRejection() {
            ProfileValues values = ProfileResolver.forNewAccount(sent("mail", "ada at example"), NO_MAPPING, "ada@example.org");

            assertThat(values.email()).contains("ada@example.org");
            assertThat(values.rejected()).doesNotContain(AttributeTarget.USER_EMAIL);
        }

        @Test
        void anUnfitAttributeStaysRejectedWithoutAUsableNameId() {
            ProfileValues values = ProfileResolver.forNewAccount(sent("mail", "ada at example", "givenName", "Ada;"),
                    NO_MAPPING, "a1b2c3-transient");

            assertThat(values.email()).isEmpty();
            assertThat(values.rejected()).containsExactlyInAnyOrder(AttributeTarget.USER_EMAIL, AttributeTarget.USER_FIRST_NAME);
        }

        @Test
        void wellKnownNamesAreMatchedExactly() {
            ProfileValues values = ProfileResolver.forNewAccount(sent("FirstName", "Someone", "MAIL", "x@example.org"),
                    NO_MAPPING, null);

            assertThat(values.firstName()).isEmpty();
            assertThat(values.email()).isEmpty();
        }

        @Test
        void displayNameAndPhoneComeOnlyFromTheMapping() {
            ProfileValues values = ProfileResolver.forNewAccount(
                    sent("displayName", "Ada", "telephoneNumber", "+1-555-0100", "phone", "+1-555-0100"), NO_MAPPING, null);

            assertThat(values.displayName()).isEmpty();
            assertThat(values.phoneNumber()).isEmpty();
        }
    }
}
