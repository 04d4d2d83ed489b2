package io.jitprovisioning.admission;

import io.jitprovisioning.refusal.JitError;

/**
 * The rule that decided whether an existing account is linked. Linking hands the account over, so it takes proof
 * that the account belongs to the person signing in: the account must be safe to hand over, and something must
 * vouch for it. Refusing rules come first; the first rule that applies decides.
 */
public enum LinkRule {
    /** Several accounts have the email: which one is theirs cannot be told. */
    AMBIGUOUS_EMAIL(JitError.ACCOUNT_EXISTS_UNTRUSTED),
    /** An administrator disabled the account; it stays disabled. */
    ACCOUNT_DISABLED(JitError.ACCOUNT_DISABLED),
    /** The same identity was linked a moment ago by a concurrent sign-in: signing in again simply works. */
    LINKED_A_MOMENT_AGO(JitError.TRY_AGAIN),
    /** Another identity of the same identity provider owns the account. */
    LINKED_TO_ANOTHER_IDENTITY(JitError.ACCOUNT_EXISTS_UNTRUSTED),
    /**
     * The JIT step created the account for another identity whose sign-in has not finished (it was never linked):
     * the account is that identity's, never an invitation, and never linked to anyone else.
     */
    PROVISIONED_FOR_ANOTHER_IDENTITY(JitError.ACCOUNT_EXISTS_UNTRUSTED),
    /**
     * A moment ago the account was handed to another identity whose first sign-in Keycloak has not finished: one
     * account is never handed to two identities at once. Once that sign-in finished (or can no longer), signing in
     * again is decided by the other rules.
     */
    BEING_LINKED_TO_ANOTHER_IDENTITY(JitError.TRY_AGAIN),
    /**
     * A concurrent sign-in of this identity created the account a moment ago (under 3 s) and is linking it, or has just
     * linked it and signed in. Nothing is linked; signing in again works.
     */
    BEING_PROVISIONED(JitError.TRY_AGAIN),
    /**
     * The JIT step created the account for this identity minutes ago and a node died before linking it: still no
     * credential, no link and no session, so nobody else can have taken it over.
     */
    HALF_WRITTEN_ACCOUNT(null),
    /** Accounts holding Keycloak admin rights are never linked automatically. */
    ADMIN_ACCOUNT(JitError.ACCOUNT_EXISTS_UNTRUSTED),
    /** The account belongs to an organization this identity provider is not part of. */
    OTHER_ORGANIZATION(JitError.ACCOUNT_EXISTS_UNTRUSTED),
    /** Found by username only, and someone can sign in to it: a username proves nothing. */
    USERNAME_MATCH_WITH_CREDENTIAL(JitError.ACCOUNT_EXISTS_UNTRUSTED),
    /** Its email is not verified and someone can sign in to it: possibly a squatter waiting for the link. */
    UNVERIFIED_EMAIL_WITH_CREDENTIAL(JitError.ACCOUNT_EXISTS_UNTRUSTED),
    /** A member of the identity provider's organization. */
    ORGANIZATION_MEMBER(null),
    /** Its email is in a verified domain of the identity provider's organization. */
    ORGANIZATION_DOMAIN(null),
    /** The identity provider is trusted for the email, and the account's email is verified. */
    TRUSTED_EMAIL(null),
    /**
     * Invitation-only mode: an account nobody can sign in to is itself the invitation. Through an identity provider
     * of an organization, only an invitation of that organization (a member, or its email in one of its verified
     * domains: the member case is {@link #ORGANIZATION_MEMBER}).
     */
    INVITATION(null),
    /** Invitation-only mode, an identity provider of an organization, and an account that is not that organization's. */
    INVITATION_OF_ANOTHER_ORGANIZATION(JitError.ACCOUNT_EXISTS_UNTRUSTED),
    /** Nothing vouches for the account. */
    NOT_VOUCHED_FOR(JitError.ACCOUNT_EXISTS_UNTRUSTED);

    private final JitError refusal;

    LinkRule(JitError refusal) {
        this.refusal = refusal;
    }

    public boolean links() {
        return refusal == null;
    }

    /** The refusal code; null when the rule links. */
    public JitError refusal() {
        return refusal;
    }
}
