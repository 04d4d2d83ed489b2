package io.jitprovisioning.config;

/**
 * What happens when the IdP sends role values but none of them names a role the IdP may grant.
 */
public enum UnknownRolePolicy {
    /** Grant the default role instead. */
    DEFAULT_ROLE,
    /** Refuse the login; no account is created or changed. */
    DENY,
    /** Leave the roles the account holds as they are. */
    KEEP_CURRENT
}
