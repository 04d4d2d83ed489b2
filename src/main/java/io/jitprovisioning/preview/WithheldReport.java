package io.jitprovisioning.preview;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.events.Changes;
import io.jitprovisioning.groups.GroupDecision;
import io.jitprovisioning.groups.GroupRef;
import io.jitprovisioning.login.SignIn;
import io.jitprovisioning.preview.PreviewReport.Decision;
import io.jitprovisioning.preview.PreviewReport.Organization;
import io.jitprovisioning.preview.PreviewReport.Profile;
import io.jitprovisioning.preview.PreviewReport.Wanted;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.profile.UserAttributes;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleRef;

/**
 * The answer for an administrator who may view identity providers but not users. Which account a sign-in matches,
 * and with it the rule, the roles kept or revoked, the profile changes and whether the account joins the
 * organization, would tell who exists and what they hold: none of it is worked out. What holds whoever the account
 * is stays: the checks, the settings problems, the refusals that apply to everyone ({@link SignIn#refusal()},
 * the same method the sign-in asks), what the IdP's values ask for, and the profile fields they would set.
 */
final class WithheldReport {

    /** The decision's rule when the answer depends on accounts: public contract, in docs/rest-api.md. */
    static final String RULE = "VIEW_USERS_REQUIRED";
    static final String OUTCOME = "withheld";
    static final String WITHHELD = "The rest of this answer depends on existing accounts (which account matches, the rule, "
            + "the roles and groups to grant, revoke or keep, the profile fields that change, whether the account joins the "
            + "organization) and needs the \"view-users\" permission of the realm. Shown without it: the checks, the settings "
            + "problems, the refusals that apply to everyone, what the identity provider's values ask for, and the profile "
            + "fields they would set. Names only, never a profile value.";

    private WithheldReport() {
    }

    static PreviewReport of(String alias, String input, List<Check> checks, SignIn login, List<Problem> problems) {
        Optional<SignInOutcome.Refuse> refusal = login.refusal();
        Decision decision = refusal.map(refuse -> new Decision("refuse", refuse.code().name(), refuse.rule()))
                .orElse(new Decision(OUTCOME, null, RULE));
        return new PreviewReport(alias, input, checks, WITHHELD, null, decision, roles(login.roleDecision()),
                groups(login.groupDecision()), profile(login.newAccountProfile()),
                login.organization().map(organization -> new Organization(organization.alias(), null)).orElse(null), problems);
    }

    private static Wanted roles(RoleDecision roles) {
        Changes refused = new Changes();
        refused.refused(roles.refused());
        return new Wanted(sorted(roles.wanted().stream().map(RoleRef::qualifiedName).toList()),
                roles.outcome() == RoleDecision.Outcome.APPLY && roles.fromDefault() ? Boolean.TRUE : null, refused.refusedRoles());
    }

    /** None wanted when no attribute is mapped to USER_GROUP: the sign-in leaves groups alone. */
    private static Wanted groups(GroupDecision groups) {
        if (groups == null) {
            return new Wanted(List.of(), null, List.of());
        }
        Changes refused = new Changes();
        refused.refusedGroups(groups.refused());
        return new Wanted(sorted(groups.wanted().stream().map(GroupRef::path).toList()), null, refused.refusedGroups());
    }

    /** The fields a new account would get from the IdP's values (a known one, the mapped ones), and the unfit ones. */
    private static Profile profile(ProfileValues profile) {
        return new Profile(null, sorted(UserAttributes.fieldsOf(profile)),
                sorted(profile.rejected().stream().map(Enum::name).toList()));
    }

    private static List<String> sorted(List<String> names) {
        return List.copyOf(new TreeSet<>(names));
    }
}
