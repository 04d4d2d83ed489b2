package io.jitprovisioning.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What happens when the IdP sends role values but none of them names a role the IdP may grant.
 */
public enum UnknownRolePolicy {
    /** Grant the default role instead. */
    DEFAULT_ROLE,
    /** Refuse the login; no account is created or changed. */
    DENY,
    /** Leave the roles the account holds as they are. */
    KEEP_CURRENT;

    public static Optional<UnknownRolePolicy> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
