package io.jitprovisioning.login;

import static io.jitprovisioning.config.JitConfigProperties.IDP_MANAGED_ROLES;
import static io.jitprovisioning.config.JitConfigProperties.JIT_ENABLED;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.admission.SignInOutcome.AccountKind;
import io.jitprovisioning.admission.EmailTrust;
import io.jitprovisioning.admission.FirstLoginAdmission;
import io.jitprovisioning.admission.SigningIn;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.roles.RefusedRole;

/**
 * The one decision of a sign-in: from the settings, the assertion, the identity and the accounts, one
 * {@link SignInOutcome}. It owns the two rules Keycloak applies around it: whether this is a first sign-in (no account
 * linked to the identity) and which username a new account gets ({@link SignIn}). A first sign-in is decided once:
 * the mapper decides it before Keycloak's first-login flow, and the JIT step carries that decision out
 * ({@link FirstSignInNote}); only without a JIT mapper does the JIT step decide it itself.
 */
public final class SignInDecision {

    private SignInDecision() {
    }

    public static SignInOutcome decide(SignIn signIn) {
        Optional<UserModel> linked = signIn.linkedAccount();
        return linked.isPresent() ? returning(signIn, linked.get()) : firstSignIn(signIn);
    }

    /** A later sign-in: the gates and the unknown-role policy, then what this identity provider keeps up to date. */
    public static SignInOutcome returning(SignIn signIn, UserModel account) {
        Optional<SignInOutcome.Refuse> refusal = signIn.refusal();
        if (refusal.isPresent()) {
            return refusal.get().of(account, false, rolesBehindRefusal(signIn));
        }
        return new SignInOutcome.Update(account, AccountKind.RETURNING);
    }

    /** A first sign-in: the gates, then who the identity is to the realm's accounts (create, link or refuse). */
    public static SignInOutcome firstSignIn(SignIn signIn) {
        Optional<SignInOutcome.Refuse> refusal = signIn.refusal();
        if (refusal.isPresent()) {
            return refusal.get().of(null, true, rolesBehindRefusal(signIn));
        }
        return FirstLoginAdmission.decide(signIn.session(), signIn.realm(), person(signIn), signIn.organization(), signIn.provenance(),
                signIn.clock());
    }

    /** A first sign-in the mapper decided before the flow, carried out by the JIT step: the admission is not run again. */
    public static SignInOutcome resume(SignIn signIn, FirstSignInNote decided) {
        return decided.outcome(signIn.session(), signIn.realm());
    }

    /** Whether the account a link was decided on is still as the linking rules saw it: the link's precondition. */
    public static boolean stillAsSeen(SignIn signIn, SignInOutcome.Link link) {
        return link.seen().sameStateAs(FirstLoginAdmission.factsOf(signIn.session(), signIn.realm(), link.account(), person(signIn),
                signIn.organization(), signIn.provenance(), signIn.clock()));
    }

    /** The role values behind a role refusal (policy DENY), for the event; none for any other refusal. */
    private static List<RefusedRole> rolesBehindRefusal(SignIn signIn) {
        return signIn.settingsCheck().unusable().isEmpty() && signIn.roles().refusal().isPresent()
                ? signIn.roleDecision().refused() : List.of();
    }

    private static SigningIn person(SignIn signIn) {
        EmailTrust email = signIn.emailTrust(signIn.newAccountProfile().email().orElse(null));
        return new SigningIn(signIn.idpAlias(), signIn.brokerUserId(), signIn.username(), email, signIn.settings().get(JIT_ENABLED));
    }

    /**
     * What this sign-in writes to the account. A new account gets the whole profile, its roles and groups; a linked
     * or returning account gets the mapped profile, roles and groups; a returning account whose roles the IdP does
     * not manage gets nothing (the default role and groups apply at the first sign-in only). An email in another
     * organization's verified domain is never stored.
     */
    public static AccountUpdate update(SignIn signIn, UserModel user, AccountKind account) {
        if (account == AccountKind.RETURNING && !signIn.settings().get(IDP_MANAGED_ROLES)) {
            return AccountUpdate.nothing(signIn.idpAlias());
        }
        Grants grants = account == AccountKind.NEW ? Grants.none() : signIn.provenance().grantsOf(user.getId());
        ProfileValues profile = account == AccountKind.NEW ? signIn.newAccountProfile() : signIn.mappedProfile();
        EmailTrust email = signIn.emailTrust(profile.email().orElse(null));
        ProfileValues stored = email.claimedByAnotherOrganization() ? profile.rejecting(AttributeTarget.USER_EMAIL) : profile;
        return new AccountUpdate(signIn.idpAlias(), stored, email.verified(), signIn.roles().forAccount(account, grants),
                signIn.groupDecision(), grants);
    }
}
