package io.jitprovisioning.admission;

/**
 * How far an identity provider is trusted for the email it asserts. An identity provider of an organization is an
 * authority only for that organization's verified domains (and for none while the organization is disabled): an email
 * outside them never matches or links an account, is never stored as verified, and so never counts as proof later.
 * A verified domain of an organization is that organization's: an identity provider of another organization, or one
 * of no organization without Trust email, never claims an address there, not even unverified.
 *
 * @param email                        the cleaned email, or null
 * @param usable                       may be used to find an existing account, and stored
 * @param inVerifiedOrganizationDomain inside a verified domain of the identity provider's (enabled) organization
 * @param verified                     may be stored as verified (Trust email on, and usable)
 * @param claimedByAnotherOrganization inside a verified domain of another organization, and not usable: it may be
 *                                     neither stored nor given to a new account
 */
public record EmailTrust(String email, boolean usable, boolean inVerifiedOrganizationDomain, boolean verified,
                         boolean claimedByAnotherOrganization) {

    /**
     * @param idpOfOrganization       the identity provider belongs to an organization
     * @param inOwnVerifiedDomain     the email is in a verified domain of that organization, and it is enabled
     * @param inAnotherOrganizationsDomain the email is in a verified domain of another organization of the realm
     */
    public static EmailTrust of(String email, boolean trustEmail, boolean idpOfOrganization, boolean inOwnVerifiedDomain,
                                boolean inAnotherOrganizationsDomain) {
        if (email == null) {
            return new EmailTrust(null, false, false, false, false);
        }
        boolean usable = idpOfOrganization ? inOwnVerifiedDomain : !inAnotherOrganizationsDomain || trustEmail;
        return new EmailTrust(email, usable, inOwnVerifiedDomain, trustEmail && usable, inAnotherOrganizationsDomain && !usable);
    }
}
