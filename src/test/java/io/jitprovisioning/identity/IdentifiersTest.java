package io.jitprovisioning.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Identifiers: one canonical form, no look-alike ever matches")
class IdentifiersTest {

    @ParameterizedTest(name = "{0} is not initech.test ({1})")
    @CsvSource(delimiter = '|', value = {
            "ınitech.test      | dotless i: another registrable domain",
            "İnitech.test      | dotted capital I lowers to i + combining dot",
            "ınıtech.test      | two dotless i",
            "\u212Anitech.test | Kelvin sign (another name, but the same folding trap)",
            "ｉnitech.test      | full-width i",
            "initech.test.     | trailing dot",
            "xn--nitech-o9a.test | the punycode of ınitech.test",
            "initech.test\u200B | zero-width space",
            "initech.tеst      | Cyrillic e"})
    void lookAlikesNeverMatch(String lookAlike, String why) {
        assertThat(Identifiers.sameDomain(lookAlike, "initech.test")).as(why).isFalse();
        assertThat(Identifiers.sameEmail("bob@" + lookAlike, "bob@initech.test")).as(why).isFalse();
    }

    @ParameterizedTest(name = "{0} has no canonical form")
    @CsvSource(delimiter = '|', value = {
            "ſtuff.test        | long s: IDNA maps it to s, so it imitates stuff.test",
            "\u212Aelvin.test  | Kelvin sign: lowers into ASCII k",
            "ｓtuff.test        | full-width s: IDNA maps it to s",
            "İnitech.test      | capital dotted I: lowers into ASCII i",
            "initech.test.     | trailing dot",
            ".initech.test     | leading dot",
            "initech..test     | empty label",
            "*.initech.test    | wildcard",
            "bob@initech.test  | an address",
            "a_b.test          | not a host name"})
    void noCanonicalForm(String raw, String why) {
        assertThat(Identifiers.domain(raw)).as(why).isEmpty();
    }

    @Test
    @DisplayName("the same domain in other forms: ASCII case, Unicode and its punycode, an internationalised domain")
    void sameDomainInOtherForms() {
        assertThat(Identifiers.sameDomain("ACME.Test", "acme.test")).isTrue();
        assertThat(Identifiers.sameDomain("ınitech.test", "xn--nitech-o9a.test")).isTrue();
        assertThat(Identifiers.sameDomain("münchen.test", "XN--MNCHEN-3YA.test")).isTrue();
        assertThat(Identifiers.domain("ınitech.test")).contains("xn--nitech-o9a.test");
    }

    @Test
    @DisplayName("an email: local part in lower case, domain canonical; a local part with a folding look-alike has no form")
    void emails() {
        assertThat(Identifiers.email("Bob@ACME.test")).contains("bob@acme.test");
        assertThat(Identifiers.email("jürgen@münchen.test")).contains("jürgen@xn--mnchen-3ya.test");
        assertThat(Identifiers.email("\u212Aarl@acme.test")).as("Kelvin sign in the local part").isEmpty();
        assertThat(Identifiers.email("no-at-sign")).isEmpty();
        assertThat(Identifiers.email("@acme.test")).isEmpty();
        assertThat(Identifiers.email(null)).isEmpty();
        assertThat(Identifiers.emailDomain("bob@ınitech.test")).contains("xn--nitech-o9a.test");
        assertThat(Identifiers.sameEmail("bob@initech.test", "BOB@initech.test")).isTrue();
    }

    @Test
    @DisplayName("the spellings Keycloak may have stored an address under: both forms of an internationalised domain")
    void spellings() {
        assertThat(Identifiers.emailSpellings("Bob@ACME.test")).containsExactly("bob@acme.test");
        assertThat(Identifiers.emailSpellings("jo@münchen.test")).containsExactly("jo@münchen.test", "jo@xn--mnchen-3ya.test");
        assertThat(Identifiers.emailSpellings("jo@xn--mnchen-3ya.test")).containsExactly("jo@xn--mnchen-3ya.test", "jo@münchen.test");
        assertThat(Identifiers.emailSpellings("k@\u212Aelvin.test")).isEmpty();
    }
}
