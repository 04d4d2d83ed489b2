package io.jitprovisioning.refusal;

/**
 * Why the extension refused a sign-in. The names are public: they appear on the refusal page, in the
 * {@code jit_error} event detail and in docs/reference.md (ReferenceDocTest).
 */
public enum JitError {
    /** JIT provisioning is off (or the IdP has no JIT mapper) and no account exists for the user. */
    NOT_PROVISIONED,
    /** An account with this email or username exists, but nothing proves it belongs to the person signing in. */
    ACCOUNT_EXISTS_UNTRUSTED,
    /** The account exists and an administrator disabled it. */
    ACCOUNT_DISABLED,
    /** Policy DENY: the IdP sent role values, none names an existing role. */
    UNKNOWN_ROLE,
    /** Policy DENY: the roles the IdP named exist but are protected or outside the assignable roles. */
    ROLE_NOT_ALLOWED,
    /** Another sign-in of the same person created the account a moment ago: signing in again works. */
    TRY_AGAIN,
    /** The email the IdP asserted is outside the allowed email domains of this identity provider. */
    DOMAIN_NOT_ALLOWED,
    /** The required SAML attribute does not carry one of the required values. */
    NOT_ALLOWED,
    /**
     * The email is in a verified domain of an organization this identity provider is not part of (nor trusted for):
     * only that organization's identity providers may give an account an address there.
     */
    EMAIL_DOMAIN_CLAIMED,
    /** The username the identity provider sent has control, zero-width or bidi characters (or odd spacing). */
    INVALID_USERNAME,
    /**
     * A gate or allowlist setting of the identity provider's JIT mapper is set but unusable (an allowed domain that is
     * not a domain, a required attribute without values, an allowlist naming nothing): everyone is refused until an
     * administrator fixes it.
     */
    SETTINGS_INVALID;

    /** The theme message that explains this refusal to the person signing in. */
    public String messageKey() {
        return "jit-error-" + name();
    }

    /** The value Keycloak stores as the event's error. */
    public String eventError() {
        return "jit_" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
