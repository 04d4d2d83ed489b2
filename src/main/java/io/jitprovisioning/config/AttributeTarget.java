package io.jitprovisioning.config;

/**
 * What a SAML attribute can feed, as named by the product page's "Attribute Mapping".
 */
public enum AttributeTarget {
    USER_ROLE,
    USER_FIRST_NAME,
    USER_LAST_NAME,
    USER_DISPLAY_NAME,
    USER_PHONE_NUMBER,
    USER_EMAIL
}
