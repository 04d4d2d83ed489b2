package io.jitprovisioning.admission;

/**
 * The person signing in, as the first-login decision sees them.
 *
 * @param idpAlias     the identity provider
 * @param brokerUserId their identity at that identity provider
 * @param username     the username Keycloak would give a new account
 * @param email        the email they asserted, and how far it is trusted
 * @param jitEnabled   JIT on; off means invitation-only
 */
public record SigningIn(String idpAlias, String brokerUserId, String username, EmailTrust email, boolean jitEnabled) {
}
