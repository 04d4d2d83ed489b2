package io.jitprovisioning.config;

import static io.jitprovisioning.config.JitConfigProperties.ALLOWED_EMAIL_DOMAINS;
import static io.jitprovisioning.config.JitConfigProperties.REQUIRED_ATTRIBUTE;
import static io.jitprovisioning.config.JitConfigProperties.REQUIRED_VALUES;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.jitprovisioning.problem.ProblemCode;
import io.jitprovisioning.saml.ValueCleaner;

/**
 * The gates whose settings are unusable as written, whatever the realm holds: an entry of Allowed email domains that
 * is not a domain name, a Required attribute without Required values or the other way round, a Required value that
 * is only spaces and invisible characters. (The allowlists of roles and groups depend on the realm: see the decision
 * layer.) An entry that can never be used as written makes the whole setting unusable: the administrator wrote
 * something that does not mean what they think, and guessing could let in whom they meant to keep out.
 */
final class UnusableSettings {

    private UnusableSettings() {
    }

    static List<UnusableSetting> of(List<String> allowedDomains, Optional<String> requiredAttribute, List<String> requiredValues) {
        List<UnusableSetting> unusable = new ArrayList<>();
        List<String> notDomains = allowedDomains.stream().filter(entry -> !DomainsFormat.isDomain(entry)).toList();
        if (!notDomains.isEmpty()) {
            unusable.add(new UnusableSetting(ALLOWED_EMAIL_DOMAINS, ProblemCode.INVALID_EMAIL_DOMAIN, "not an email domain such as "
                    + "example.com: " + quoted(notDomains) + " (write the domain alone: no '@', no wildcard, no trailing dot)"));
        }
        if (requiredAttribute.isPresent() && requiredValues.isEmpty()) {
            unusable.add(new UnusableSetting(REQUIRED_VALUES, ProblemCode.INVALID_REQUIRED_VALUES, "the Required attribute '"
                    + requiredAttribute.get() + "' has no Required values, so nobody could carry one"));
        }
        if (requiredAttribute.isEmpty() && !requiredValues.isEmpty()) {
            unusable.add(new UnusableSetting(REQUIRED_ATTRIBUTE, ProblemCode.INVALID_REQUIRED_ATTRIBUTE,
                    "Required values are set, but no Required attribute to look for them in"));
        }
        long blank = requiredValues.stream().map(ValueCleaner::roleValue).filter(Objects::isNull).count();
        if (blank > 0) {
            unusable.add(new UnusableSetting(REQUIRED_VALUES, ProblemCode.INVALID_REQUIRED_VALUES, blank + " of the Required values "
                    + "is only spaces or invisible characters, which the cleaning of what identity providers send removes"));
        }
        return unusable;
    }

    private static String quoted(List<String> entries) {
        return String.join(", ", entries.stream().map(entry -> "'" + entry + "'").toList());
    }
}
