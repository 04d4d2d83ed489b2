package io.jitprovisioning.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.saml.SamlAttribute;
import io.jitprovisioning.saml.SamlAttributes;

class SignInGatesTest {

    static final SamlAttributes ACTIVE = SamlAttributes.of(List.of(new SamlAttribute("status", null, List.of(" active\u200B"))));

    @Test
    @DisplayName("without gates everyone passes, even without an email")
    void noGates() {
        assertThat(SignInGates.refusal(JitSettings.builder().build(), SamlAttributes.of(List.of()), null)).isEmpty();
    }

    @Test
    @DisplayName("the email domain must be one of the allowed, ignoring case; no email is refused")
    void domains() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.ALLOWED_EMAIL_DOMAINS, List.of("acme.test")).build();

        assertThat(SignInGates.refusal(settings, ACTIVE, "ada@ACME.test")).isEmpty();
        assertThat(SignInGates.refusal(settings, ACTIVE, "ada@sub.acme.test")).contains(JitError.DOMAIN_NOT_ALLOWED);
        assertThat(SignInGates.refusal(settings, ACTIVE, "ada@acme.test.evil")).contains(JitError.DOMAIN_NOT_ALLOWED);
        assertThat(SignInGates.refusal(settings, ACTIVE, null)).contains(JitError.DOMAIN_NOT_ALLOWED);
    }

    @Test
    @DisplayName("the required attribute must carry one of the values, matched exactly after cleaning")
    void requiredValue() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.REQUIRED_ATTRIBUTE, "status")
                .set(JitConfigProperties.REQUIRED_VALUES, List.of("active")).build();

        assertThat(SignInGates.refusal(settings, ACTIVE, null)).isEmpty();
        assertThat(SignInGates.refusal(settings, SamlAttributes.of(List.of(new SamlAttribute("status", null, List.of("Active")))), null))
                .contains(JitError.NOT_ALLOWED);
        assertThat(SignInGates.refusal(settings, SamlAttributes.of(List.of()), null)).contains(JitError.NOT_ALLOWED);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "ada@initech.test              | true",
            "ada@INITECH.TEST              | true",
            "ada@\u0131nitech.test         | false",
            "ada@\u0130nitech.test         | false",
            "ada@initech.test.             | false",
            "ada@sub.initech.test          | false",
            "ada@initech.test.evil         | false",
            "ada@b\u00FCcher.test          | true",
            "ada@xn--bcher-kva.test        | true",
            "ada@\u017Ftark.test           | false",
            "ada@\uFF53tark.test           | false",
            "ada@\u212Atark.test           | false"})
    @DisplayName("domains are compared on their canonical form (IDNA ASCII, lower case): dotless and dotted I are other "
            + "domains; text that only reaches an ASCII name through folding or mapping (long s, full-width letters, the "
            + "Kelvin sign) has no canonical form and is not admitted")
    void domainsCompareCanonically(String email, boolean admitted) {
        JitSettings settings = JitSettings.from(Map.of(JitConfigProperties.ALLOWED_EMAIL_DOMAINS.key(),
                "initech.test\nB\u00FCcher.test\nstark.test"));

        assertThat(settings.unusable()).isEmpty();
        assertThat(SignInGates.refusal(settings, ACTIVE, email))
                .isEqualTo(admitted ? Optional.empty() : Optional.of(JitError.DOMAIN_NOT_ALLOWED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@corp.example", "*.corp.example", "corp.example\n*.corp.example", "bob@corp.example", "corp.example."})
    @DisplayName("allowed email domains with an entry that is not a domain refuse everyone, even an address in the usable entry")
    void unusableDomainsRefuseEveryone(String stored) {
        JitSettings settings = JitSettings.from(Map.of(JitConfigProperties.ALLOWED_EMAIL_DOMAINS.key(), stored));

        assertThat(SignInGates.refusal(settings, ACTIVE, "ada@corp.example")).contains(JitError.SETTINGS_INVALID);
        assertThat(SignInGates.refusal(settings, ACTIVE, null)).contains(JitError.SETTINGS_INVALID);
    }

    @Test
    @DisplayName("required values without a required attribute refuse everyone: the gate is never skipped")
    void requiredValuesWithoutAttribute() {
        JitSettings settings = JitSettings.builder().set(JitConfigProperties.REQUIRED_VALUES, List.of("active")).build();

        assertThat(SignInGates.refusal(settings, ACTIVE, null)).contains(JitError.SETTINGS_INVALID);
    }

    @Test
    @DisplayName("a required attribute whose values are only invisible characters refuses everyone, even one sending them")
    void invisibleRequiredValue() {
        JitSettings settings = JitSettings.from(Map.of(JitConfigProperties.REQUIRED_ATTRIBUTE.key(), "status",
                JitConfigProperties.REQUIRED_VALUES.key(), "active\n\u200B\u200E"));
        SamlAttributes invisible = SamlAttributes.of(List.of(new SamlAttribute("status", null, List.of("\u200B\u200E", "active"))));

        assertThat(SignInGates.refusal(settings, invisible, null)).contains(JitError.SETTINGS_INVALID);
    }
}
