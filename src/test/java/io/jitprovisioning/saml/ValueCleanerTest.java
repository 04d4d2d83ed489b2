package io.jitprovisioning.saml;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ValueCleanerTest {

    private static final String GRINNING_FACE = "\uD83D\uDE00";

    @Nested
    @DisplayName("given text with invisible characters")
    class Invisible {

        @ParameterizedTest
        @ValueSource(strings = {"\u200B", "\uFEFF", "\u202E", "\u200D", "\u00AD", "\u0000", "\u0007", "\u001B", "\u007F",
                "\uE000", "\uDC00"})
        void theyAreRemovedFromInsideAWord(String invisible) {
            assertThat(ValueCleaner.text("Jo" + invisible + "hn", 255)).isEqualTo("John");
        }

        @Test
        void aRightToLeftOverrideCannotReverseWhatIsShown() {
            assertThat(ValueCleaner.personName("\u202Enhoj\u202C Doe")).isEqualTo("nhoj Doe");
        }

        @Test
        void onlyInvisibleCharactersLeaveNothing() {
            assertThat(ValueCleaner.text("\u200B\uFEFF\u0000 \t", 255)).isNull();
            assertThat(ValueCleaner.personName("\u200B")).isNull();
        }
    }

    @Nested
    @DisplayName("given text with odd spacing")
    class Spacing {

        @Test
        void whitespaceRunsCollapseToOneSpaceAndTheEndsAreTrimmed() {
            assertThat(ValueCleaner.text("\t Mary \u00A0\n\r Ann\u2028Smith  ", 255)).isEqualTo("Mary Ann Smith");
        }

        @Test
        void aRemovedCharacterBetweenSpacesLeavesOneSpace() {
            assertThat(ValueCleaner.text("Mary \u200B Ann", 255)).isEqualTo("Mary Ann");
        }
    }

    @Nested
    @DisplayName("given long text")
    class Bounds {

        @Test
        void aThreeHundredCharacterNameKeeps255() {
            assertThat(ValueCleaner.personName("x".repeat(300))).isEqualTo("x".repeat(255));
        }

        @Test
        void anEmojiAtTheBoundaryIsKeptWholeOrDropped() {
            String fits = ValueCleaner.personName("x".repeat(253) + GRINNING_FACE + GRINNING_FACE);
            String doesNotFit = ValueCleaner.personName("x".repeat(254) + GRINNING_FACE);

            assertThat(fits).isEqualTo("x".repeat(253) + GRINNING_FACE);
            assertThat(doesNotFit).isEqualTo("x".repeat(254));
            assertThat(Character.isHighSurrogate(doesNotFit.charAt(doesNotFit.length() - 1))).isFalse();
        }

        @Test
        @DisplayName("the bound counts UTF-16 units, as Keycloak's length validator does, so a cut value always passes it")
        void theBoundIsCountedAsKeycloakCounts() {
            String name = ValueCleaner.text(GRINNING_FACE.repeat(10), 8);

            assertThat(name).isEqualTo(GRINNING_FACE.repeat(4));
            assertThat(ValueCleaner.personName(GRINNING_FACE.repeat(300))).hasSize(254);
        }

        @Test
        void theBoundNeverGluesTheNextWordOn() {
            String cut = ValueCleaner.text("x".repeat(254) + " y", 255);

            // The cleaned text is 254 x's, a space and y: cut at 255 it is the x's alone, not a new word "xx...xy".
            assertThat(cut).isEqualTo("x".repeat(254));
        }
    }

    @Test
    void textIsComposedToNfc() {
        String decomposed = "Rene\u0301e Mu\u0308ller";

        String cleaned = ValueCleaner.personName(decomposed);

        assertThat(cleaned).isEqualTo("Ren\u00E9e M\u00FCller");
        assertThat(Normalizer.isNormalized(cleaned, Normalizer.Form.NFC)).isTrue();
    }

    @Nested
    @DisplayName("given person names")
    class PersonNames {

        @ParameterizedTest
        @ValueSource(strings = {"O'Brien", "Anne-Marie", "Zoë", "李", "José María", "Nguyễn Văn"})
        void realNamesPass(String name) {
            assertThat(ValueCleaner.personName(name)).isEqualTo(Normalizer.normalize(name, Normalizer.Form.NFC));
        }

        @ParameterizedTest
        @ValueSource(strings = {"<script>", "Bob (admin)", "a&b", "50%", "x=y", "C:\\temp", "John; DROP", "{name}", "a/b"})
        void keycloaksProhibitedCharactersAreRefused(String name) {
            assertThat(ValueCleaner.personName(name)).isNull();
        }
    }

    @Nested
    @DisplayName("given email addresses")
    class Emails {

        @Test
        void aValidAddressIsTrimmedAndLowerCased() {
            assertThat(ValueCleaner.email("  Jit.Tester@Example.ORG ")).isEqualTo("jit.tester@example.org");
        }

        @Test
        void aZeroWidthCharacterCannotHideInAnAddress() {
            assertThat(ValueCleaner.email("jit\u200B@example.org")).isEqualTo("jit@example.org");
        }

        @ParameterizedTest
        @ValueSource(strings = {"not an email", "jit.example.org", "jit@", "@example.org", "jit @example.org", "a@b@c"})
        void somethingElseIsRefused(String text) {
            assertThat(ValueCleaner.email(text)).isNull();
        }

        @Test
        void anOverlongAddressIsRefusedNotCutIntoAnotherAddress() {
            String overlong = "jit@" + "a.".repeat(148) + "example.org";

            assertThat(ValueCleaner.email(overlong)).isNull();
        }
    }

    @Nested
    @DisplayName("given phone numbers")
    class Phones {

        @ParameterizedTest
        @ValueSource(strings = {"+1-555-0100", "+44 20 0000", "+4741107700", "030/1234.5678", "+1 555 0100 x123",
                "+1 555 0100 ext. 12", "+1 (555) 555-0100"})
        void digitsWithSeparatorsPass(String phone) {
            assertThat(ValueCleaner.phoneNumber(phone)).isEqualTo(phone);
        }

        @Test
        void anAreaCodeInParenthesesMayComeFirst() {
            assertThat(ValueCleaner.phoneNumber("(555) 555-0100")).isEqualTo("(555) 555-0100");
        }

        @ParameterizedTest
        @ValueSource(strings = {"555-CALL-NOW", "0800 FLOWERS", "call me", "12", "+1 555 0100 x1234567", "javascript:1"})
        void lettersAndFragmentsAreRefused(String phone) {
            assertThat(ValueCleaner.phoneNumber(phone)).isNull();
        }
    }

    @Test
    void roleValuesAreCleanedButKeepTheirCase() {
        assertThat(ValueCleaner.roleValue(" Editor\u200B ")).isEqualTo("Editor");
    }
}
