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
 * @param membership                 its organization membership, seen from the identity provider's organization
 * @param hasSessions                whether someone is signed in to it right now
 * @param ageMillis                  time since it was created
 * @param provisionedForThisIdentity whether the JIT step created it for the very identity signing in
 */
public record AccountFacts(boolean enabled, boolean emailVerified, boolean hasCredential, int linkedIdentityProviders,
                           LinkToThisIdp linkToThisIdp, boolean holdsAdminRole, Membership membership, boolean hasSessions,
                           long ageMillis, boolean provisionedForThisIdentity) {

    public enum LinkToThisIdp { NONE, SAME_IDENTITY, OTHER_IDENTITY }

    public enum Membership { NONE, IDP_ORGANIZATION, OTHER_ORGANIZATION }

    /** Nobody can sign in to it: no credential and no identity-provider link. An invitation, in other words. */
    public boolean isCredentialless() {
        return !hasCredential && linkedIdentityProviders == 0;
    }
}
