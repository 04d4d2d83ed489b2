package io.jitprovisioning.admission;

import java.util.Optional;

import io.jitprovisioning.organization.OrganizationMembership;

/**
 * How far an identity provider is trusted for the email it asserts. An identity provider of an organization is an
 * authority only for that organization's verified domains: an email outside them never matches or links an
 * account, is never stored as verified, and so never counts as proof later.
 *
 * @param email                        the cleaned email, or null
 * @param usable                       may be used to find an existing account
 * @param inVerifiedOrganizationDomain inside a verified domain of the identity provider's organization
 * @param verified                     may be stored as verified (Trust email on, and usable)
 */
public record EmailTrust(String email, boolean usable, boolean inVerifiedOrganizationDomain, boolean verified) {

    public static EmailTrust of(String email, boolean trustEmail, Optional<OrganizationMembership> organization) {
        if (email == null) {
            return new EmailTrust(null, false, false, false);
        }
        boolean inDomain = organization.map(org -> org.ownsVerifiedDomainOf(email)).orElse(false);
        boolean usable = organization.isEmpty() || inDomain;
        return new EmailTrust(email, usable, inDomain, trustEmail && usable);
    }
}
