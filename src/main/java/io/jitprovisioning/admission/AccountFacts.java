package io.jitprovisioning.admission;

/**
 * What the linking rules need to know about an existing account, read once from Keycloak. Plain values, so that
 * the rules can be tested with accounts made up in memory.
 *
 * @param enabled                    whether an administrator left the account enabled
 * @param emailVerified              whether its email address is marked verified
 * @param hasCredential              a password, OTP, passkey or any stored credential, or a user-storage (LDAP,
 *                                   Kerberos) link: something someone other than the person signing in may sign in with
 * @param linkedIdentityProviders    how many identity-provider identities are linked to it (each is a way in)
 * @param linkToThisIdp              whether one of them is of the identity provider signing in
 * @param holdsAdminRole             whether its effective roles (direct, composite, through groups and their parents)
 *                                   include one of Keycloak's admin roles
 * @param membership                 its organization membership, seen from the identity provider's organization (a
 *                                   disabled organization has no members that count)
 * @param emailInOrganizationDomain  its own email is in a verified domain of the identity provider's (enabled)
 *                                   organization
 * @param hasSessions                whether someone is signed in to it right now
 * @param ageMillis                  time since it was created
 * @param createdBy                  whether the JIT step created it, and for which identity
 * @param pendingLink                whether the JIT step handed it to an identity whose first sign-in may still finish
 */
public record AccountFacts(boolean enabled, boolean emailVerified, boolean hasCredential, int linkedIdentityProviders,
                           LinkToThisIdp linkToThisIdp, boolean holdsAdminRole, Membership membership,
                           boolean emailInOrganizationDomain, boolean hasSessions, long ageMillis, CreatedBy createdBy,
                           PendingFor pendingLink) {

    public enum LinkToThisIdp { NONE, SAME_IDENTITY, OTHER_IDENTITY }

    public enum Membership { NONE, IDP_ORGANIZATION, OTHER_ORGANIZATION }

    /** Who the JIT step created the account for. */
    public enum CreatedBy {
        /** An administrator, an import, self-registration, another flow: not the JIT step. */
        NOT_JIT,
        /** The JIT step, for the very identity signing in. */
        THIS_IDENTITY,
        /** The JIT step, for another identity, which has never been linked to it: that sign-in has not finished. */
        ANOTHER_IDENTITY_UNFINISHED,
        /** The JIT step, for another identity, whose sign-in finished (it was linked). */
        ANOTHER_IDENTITY
    }

    /** The identity an existing account was handed to, while that first sign-in may still finish. */
    public enum PendingFor { NONE, THIS_IDENTITY, ANOTHER_IDENTITY }

    /**
     * Whether another reading of the account finds it as this one did, its age aside: what linking relied on still
     * holds. An account that changed in between (a credential, an admin role, a link, a membership) is not handed over
     * on an old reading.
     */
    public boolean sameStateAs(AccountFacts later) {
        return later.withAge(0).equals(withAge(0));
    }

    private AccountFacts withAge(long age) {
        return new AccountFacts(enabled, emailVerified, hasCredential, linkedIdentityProviders, linkToThisIdp, holdsAdminRole,
                membership, emailInOrganizationDomain, hasSessions, age, createdBy, pendingLink);
    }

    public boolean provisionedForThisIdentity() {
        return createdBy == CreatedBy.THIS_IDENTITY;
    }

    /** Nobody can sign in to it: no credential and no identity-provider link. An invitation, in other words. */
    public boolean isCredentialless() {
        return !hasCredential && linkedIdentityProviders == 0;
    }
}
