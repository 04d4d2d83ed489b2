package io.jitprovisioning.admission;

import io.jitprovisioning.admission.AccountFacts.CreatedBy;
import io.jitprovisioning.admission.AccountFacts.LinkToThisIdp;
import io.jitprovisioning.admission.AccountFacts.Membership;
import io.jitprovisioning.admission.AccountFacts.PendingFor;
import io.jitprovisioning.admission.LinkRequest.Match;

/**
 * When an existing account may be linked to the identity signing in, with no page shown. Keycloak's own first
 * broker login asks the person to prove they own the account (re-authenticate, or a link by email); this flow
 * shows no page, so it links only an account that is both
 * <ul>
 * <li>safe to hand over: its email is verified, or nobody can sign in to it (no credential, no identity-provider
 * link); an account found by username alone only in the latter case; and</li>
 * <li>vouched for: a member of the identity provider's organization, its email in a verified domain of that
 * organization, an identity provider trusted for that email with the email verified, or, in invitation-only mode,
 * an account nobody can sign in to (the invitation itself; through an organization's identity provider, only that
 * organization's invitation).</li>
 * </ul>
 * An account the JIT step created for one identity belongs to that identity: until that sign-in finishes, it is never
 * an invitation and never linked to anyone else.
 * These close the pre-hijacked-account classes (Sudhodanan and Paverd, USENIX Security 2022): a squatter's
 * password or unverified email never gets linked.
 */
public final class LinkRules {

    /** A concurrent sign-in that created the account this long ago is still finishing it. */
    public static final long PROVISIONING_WINDOW_MILLIS = 3_000;
    /** A crashed node's half-written account is recovered only this soon after it was created. */
    static final long RECOVERY_WINDOW_MILLIS = 5 * 60_000;

    private LinkRules() {
    }

    public static LinkRule decide(LinkRequest request, AccountFacts account) {
        if (!account.enabled()) {
            return LinkRule.ACCOUNT_DISABLED;
        }
        if (account.linkToThisIdp() == LinkToThisIdp.SAME_IDENTITY) {
            return LinkRule.LINKED_A_MOMENT_AGO;
        }
        if (account.linkToThisIdp() == LinkToThisIdp.OTHER_IDENTITY) {
            return LinkRule.LINKED_TO_ANOTHER_IDENTITY;
        }
        if (account.createdBy() == CreatedBy.ANOTHER_IDENTITY_UNFINISHED) {
            return LinkRule.PROVISIONED_FOR_ANOTHER_IDENTITY;
        }
        if (account.pendingLink() == PendingFor.ANOTHER_IDENTITY) {
            return LinkRule.BEING_LINKED_TO_ANOTHER_IDENTITY;
        }
        if (account.provisionedForThisIdentity() && account.ageMillis() < PROVISIONING_WINDOW_MILLIS) {
            // Whatever else is seen of it: its link and its session are read one after the other, so a sign-in that
            // finished between the two reads shows a session and no link yet. Nothing is linked; the retry signs in.
            return LinkRule.BEING_PROVISIONED;
        }
        if (isUnfinishedProvisioning(account)) {
            return LinkRule.HALF_WRITTEN_ACCOUNT;
        }
        if (account.holdsAdminRole()) {
            return LinkRule.ADMIN_ACCOUNT;
        }
        if (account.membership() == Membership.OTHER_ORGANIZATION) {
            return LinkRule.OTHER_ORGANIZATION;
        }
        if (request.match() == Match.USERNAME && !account.isCredentialless()) {
            return LinkRule.USERNAME_MATCH_WITH_CREDENTIAL;
        }
        if (!account.emailVerified() && !account.isCredentialless()) {
            return LinkRule.UNVERIFIED_EMAIL_WITH_CREDENTIAL;
        }
        return vouching(request, account);
    }

    /**
     * Created by the JIT step for this very identity moments ago, and still as it left it: no credential, no link, and
     * nobody signed in. Once it has been linked and used, removing the link does not make it unfinished again.
     */
    private static boolean isUnfinishedProvisioning(AccountFacts account) {
        return account.provisionedForThisIdentity() && account.isCredentialless() && !account.hasSessions()
                && account.ageMillis() < RECOVERY_WINDOW_MILLIS;
    }

    private static LinkRule vouching(LinkRequest request, AccountFacts account) {
        if (account.membership() == Membership.IDP_ORGANIZATION) {
            return LinkRule.ORGANIZATION_MEMBER;
        }
        boolean byEmail = request.match() == Match.EMAIL;
        if (byEmail && request.emailInVerifiedOrganizationDomain()) {
            return LinkRule.ORGANIZATION_DOMAIN;
        }
        if (byEmail && request.idpTrustedForEmail() && account.emailVerified()) {
            return LinkRule.TRUSTED_EMAIL;
        }
        if (!request.jitEnabled() && account.isCredentialless()) {
            // A username proves nothing across an organization's boundary: the invitation must be the organization's.
            return !request.idpOfOrganization() || account.emailInOrganizationDomain()
                    ? LinkRule.INVITATION : LinkRule.INVITATION_OF_ANOTHER_ORGANIZATION;
        }
        return LinkRule.NOT_VOUCHED_FOR;
    }
}
