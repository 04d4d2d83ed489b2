package io.jitprovisioning.sync;

import java.util.Optional;

import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.events.Changes;
import io.jitprovisioning.login.AccountUpdate;
import io.jitprovisioning.login.SignIn;
import io.jitprovisioning.login.SignInDecision;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.refusal.JitError;

/**
 * The one place that writes what a sign-in decided, through {@link AccountWrites}: the realm's preparation, the new
 * account and its provisioning record, the link's precondition and reservation, the profile, roles, groups and their
 * provenance, the organization membership, and what Keycloak's link must find. Reading it shows everything a sign-in
 * can change. It decides nothing: a write-time precondition that no longer holds (a concurrent sign-in took the
 * username or the account, or the account changed since it was judged) refuses with {@code TRY_AGAIN} and writes
 * nothing more.
 */
public final class SignInWriter {

    /** What came of the writes. */
    public sealed interface Result {
        /**
         * @param account the account written (null for one a preview would create)
         * @param update  what the sign-in wanted on it
         */
        record Written(UserModel account, AccountUpdate update, Changes changes) implements Result {
        }

        record Refused(JitError code, String rule) implements Result {
        }
    }

    private final SignIn signIn;
    private final AccountWrites writes;
    private final ProfileWriter profile;
    private final RoleWriter roles;
    private final GroupWriter groups;

    public SignInWriter(SignIn signIn, AccountWrites writes) {
        this.signIn = signIn;
        this.writes = writes;
        this.profile = new ProfileWriter(signIn.session(), signIn.realm(), writes);
        this.roles = new RoleWriter(signIn.realm(), writes);
        this.groups = new GroupWriter(signIn.session(), signIn.realm(), writes);
    }

    public Result apply(SignInOutcome outcome) {
        try {
            if (outcome instanceof SignInOutcome.Create create) {
                return create(create);
            }
            if (outcome instanceof SignInOutcome.Link link) {
                return link(link);
            }
            if (outcome instanceof SignInOutcome.Update update) {
                return write(update.account(), SignInDecision.update(signIn, update.account(), update.kind()));
            }
            SignInOutcome.Refuse refusal = (SignInOutcome.Refuse) outcome;
            return new Result.Refused(refusal.code(), refusal.rule());
        } catch (AccountWrites.Taken concurrentSignIn) {
            return new Result.Refused(JitError.TRY_AGAIN, "TAKEN_BY_A_CONCURRENT_SIGN_IN");
        }
    }

    private Result create(SignInOutcome.Create create) {
        writes.prepareRealm(signIn.settings());
        UserModel account = writes.createAccount(create.username());
        writes.recordProvisioning(account, signIn.idpAlias(), signIn.brokerUserId());
        return firstSignIn(account, SignInDecision.update(signIn, null, SignInOutcome.AccountKind.NEW));
    }

    private Result link(SignInOutcome.Link link) {
        if (!SignInDecision.stillAsSeen(signIn, link)) {
            return new Result.Refused(JitError.TRY_AGAIN, "ACCOUNT_CHANGED");
        }
        writes.prepareRealm(signIn.settings());
        writes.reserveLink(link.account(), signIn.idpAlias(), signIn.brokerUserId());
        return firstSignIn(link.account(), SignInDecision.update(signIn, link.account(), SignInOutcome.AccountKind.LINKED));
    }

    private Result firstSignIn(UserModel account, AccountUpdate update) {
        Result.Written written = write(account, update);
        Changes changes = written.changes();
        Optional<OrganizationMembership> organization = signIn.organization();
        if (organization.isPresent() && organization.get().vouches() && (account == null || !organization.get().isMember(account))) {
            writes.joinOrganization(organization.get(), account);
            changes.joinedOrganization(organization.get().alias());
        }
        writes.expectLink(account, signIn.idpAlias(), signIn.brokerUserId());
        return written;
    }

    private Result.Written write(UserModel account, AccountUpdate update) {
        Changes changes = new Changes();
        profile.apply(account, update.profile(), update.emailVerified(), changes);
        if (update.changesRoles()) {
            roles.apply(account, update.idpAlias(), update.roles(), update.grants(), changes);
        }
        if (update.changesGroups()) {
            groups.apply(account, update.idpAlias(), update.groups(), update.grants(), changes);
        }
        return new Result.Written(account, update, changes);
    }
}
