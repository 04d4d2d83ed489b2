package io.jitprovisioning.admission;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

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
}
