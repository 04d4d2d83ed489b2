package io.jitprovisioning.admission;

import static io.jitprovisioning.config.JitConfigProperties.ALLOWED_EMAIL_DOMAINS;
import static io.jitprovisioning.config.JitConfigProperties.REQUIRED_ATTRIBUTE;
import static io.jitprovisioning.config.JitConfigProperties.REQUIRED_VALUES;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.identity.Identifiers;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.saml.SamlAttributes;
import io.jitprovisioning.saml.ValueCleaner;

/**
 * Who may sign in through an identity provider at all, first or later: the allowed email domains, and a required
 * attribute value. A refused sign-in changes nothing on the account. A gate whose setting is unusable refuses
 * everyone ({@code SETTINGS_INVALID}): it never opens.
 */
public final class SignInGates {

    private SignInGates() {
    }

    /**
     * @param email the email the IdP asserted (cleaned), or null
     * @return the refusal, or empty when every gate lets the person through
     */
    public static Optional<JitError> refusal(JitSettings settings, SamlAttributes attributes, String email) {
        if (!settings.unusable().isEmpty()) {
            return Optional.of(JitError.SETTINGS_INVALID);
        }
        if (!settings.get(ALLOWED_EMAIL_DOMAINS).isEmpty() && !inAllowedDomain(settings.get(ALLOWED_EMAIL_DOMAINS), email)) {
            return Optional.of(JitError.DOMAIN_NOT_ALLOWED);
        }
        Optional<String> required = Optional.ofNullable(settings.get(REQUIRED_ATTRIBUTE));
        if (required.isPresent() && !carriesRequiredValue(attributes.values(required.get()), settings.get(REQUIRED_VALUES))) {
            return Optional.of(JitError.NOT_ALLOWED);
        }
        return Optional.empty();
    }

    /** The allowed domains are stored in their canonical form; the email's domain is compared in the same. */
    private static boolean inAllowedDomain(List<String> domains, String email) {
        return Identifiers.emailDomain(email).filter(domains::contains).isPresent();
    }

    /** Exact match after the cleaning every IdP value gets (spaces collapsed, invisible characters removed, NFC). */
    private static boolean carriesRequiredValue(List<String> sent, List<String> required) {
        List<String> wanted = required.stream().map(ValueCleaner::roleValue).filter(Objects::nonNull).toList();
        return sent.stream().map(ValueCleaner::roleValue).filter(Objects::nonNull).anyMatch(wanted::contains);
    }
}
