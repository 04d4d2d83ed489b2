package io.jitprovisioning.admission;

/**
 * How an existing account was found for the person signing in, and what the identity provider can vouch for.
 *
 * @param match                        by email (only an email the IdP is trusted for is used to match) or by username
 * @param jitEnabled                   JIT on; off means invitation-only
 * @param emailInVerifiedOrganizationDomain the email's domain is a verified domain of the IdP's organization
 * @param idpTrustedForEmail           Trust email is on, and the email is inside the IdP's organization's verified
 *                                     domains when the IdP belongs to one
 * @param idpOfOrganization            the IdP belongs to an organization: an invitation must then be that
 *                                     organization's
 */
public record LinkRequest(Match match, boolean jitEnabled, boolean emailInVerifiedOrganizationDomain,
                          boolean idpTrustedForEmail, boolean idpOfOrganization) {

    public enum Match { EMAIL, USERNAME }
}
