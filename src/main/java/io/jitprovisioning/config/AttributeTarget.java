package io.jitprovisioning.config;

import java.util.Locale;
import java.util.Optional;

/**
 * What a SAML attribute can feed, as named by the product page's "Attribute Mapping".
 */
public enum AttributeTarget {
    USER_ROLE,
    USER_FIRST_NAME,
    USER_LAST_NAME,
    USER_DISPLAY_NAME,
    USER_PHONE_NUMBER,
    USER_EMAIL;

    /** Lenient parse for values typed into the admin console: trims and ignores case. */
    public static Optional<AttributeTarget> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
