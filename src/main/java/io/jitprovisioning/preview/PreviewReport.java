package io.jitprovisioning.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import org.keycloak.models.UserModel;

import io.jitprovisioning.events.Changes;
import io.jitprovisioning.groups.GroupRef;
import io.jitprovisioning.login.AccountUpdate;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleRef;

/**
 * The answer of a preview: the checks, and the decision as a sign-in would make it. Names only: role and group names,
 * profile field names, refused IdP values with their reasons (as the events carry them); never a profile value.
 * For an administrator who may not view users, {@code withheld} says so and nothing in the answer depends on existing
 * accounts (see {@link WithheldReport}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PreviewReport(String identityProvider, String input, List<Check> checks, String withheld, Account account,
                            Decision decision, Memberships roles, Memberships groups, Profile profile,
                            Organization organization, List<Problem> settingsProblems) {

    /** The account signed in to, linked or looked at; {@code new} for one that would be created. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Account(String id, String username, @JsonProperty("new") Boolean created, Boolean hidden) {
    }

    /** {@code create}, {@code link}, {@code sign_in}, {@code refuse}, or {@code invalid_response} (Keycloak refuses it). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Decision(String outcome, String code, String rule) {
    }

    /** Roles, or groups by path: what the sign-in changes, or (without view-users) what the IdP's values ask for. */
    public sealed interface Memberships permits Grants, Wanted {
        /** The IdP's values that give nothing, with why: {@code value(reason)}. */
        List<String> refused();
    }

    /** Whether this sign-in changes them at all, and how. */
    public record Grants(boolean applies, List<String> grant, List<String> revoke, List<String> keep, List<String> refused)
            implements Memberships {
        static final Grants NONE = new Grants(false, List.of(), List.of(), List.of(), List.of());
    }

    /**
     * What the IdP's values ask for, whoever the account is.
     *
     * @param fromDefault true when {@code wanted} is the default role (no usable role value, or IdP Managed Roles off)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Wanted(List<String> wanted, Boolean fromDefault, List<String> refused) implements Memberships {
    }

    /**
     * Profile fields by name: those that would change ({@code changed}), or without view-users those the IdP's values
     * would set ({@code fields}); and the mapping targets whose values were unfit.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Profile(List<String> changed, List<String> fields, List<String> rejected) {
    }

    /** The identity provider's organization; {@code joins} only when the account is known. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(String alias, Boolean joins) {
    }

    public boolean refusedByKeycloak() {
        return "invalid_response".equals(decision.outcome());
    }

    static PreviewReport invalid(String alias, String input, List<Check> checks, List<Problem> problems) {
        String failed = checks.stream().filter(Check::failed).map(Check::check).findFirst().orElse("parse");
        return new PreviewReport(alias, input, checks, null, null, new Decision("invalid_response", null, failed), Grants.NONE,
                Grants.NONE, new Profile(List.of(), null, List.of()), null, problems);
    }

    static PreviewReport of(String alias, String input, List<Check> checks, Verdict verdict, List<Problem> problems,
                            Predicate<UserModel> mayView) {
        Changes changes = verdict.changes() == null ? new Changes() : verdict.changes();
        if (verdict.outcome() == Verdict.Outcome.REFUSE) {
            changes.refused(verdict.refusedRoles());
        }
        AccountUpdate decision = verdict.update();
        Profile profile = new Profile(changes.profileUpdated(), null, changes.profileRejected());
        return new PreviewReport(alias, input, checks, null, account(verdict, mayView),
                new Decision(verdict.outcome().name().toLowerCase(Locale.ROOT), verdict.code(), verdict.rule()),
                roles(decision, changes), groups(decision, changes), profile, organization(verdict), problems);
    }

    private static Account account(Verdict verdict, Predicate<UserModel> mayView) {
        if (verdict.outcome() == Verdict.Outcome.CREATE) {
            return new Account(null, null, true, null);
        }
        UserModel user = verdict.account();
        if (user == null) {
            return null;
        }
        return mayView.test(user) ? new Account(user.getId(), user.getUsername(), null, null) : new Account(null, null, null, true);
    }

    private static Grants roles(AccountUpdate decision, Changes changes) {
        if (decision == null || !decision.changesRoles() || decision.roles().outcome() != RoleDecision.Outcome.APPLY) {
            return new Grants(false, List.of(), List.of(), List.of(), changes.refusedRoles());
        }
        return new Grants(true, changes.granted(), changes.revoked(),
                kept(decision.roles().wanted().stream().map(RoleRef::qualifiedName).toList(), changes.granted()), changes.refusedRoles());
    }

    private static Grants groups(AccountUpdate decision, Changes changes) {
        if (decision == null || !decision.changesGroups()) {
            return Grants.NONE;
        }
        return new Grants(true, changes.groupsJoined(), changes.groupsLeft(),
                kept(decision.groups().wanted().stream().map(GroupRef::path).toList(), changes.groupsJoined()), changes.refusedGroups());
    }

    /** Wanted and not to be granted: already held. */
    private static List<String> kept(List<String> wanted, List<String> granted) {
        List<String> kept = new ArrayList<>(wanted);
        kept.removeAll(granted);
        kept.sort(null);
        return kept;
    }

    private static Organization organization(Verdict verdict) {
        if (verdict.signIn() == null || verdict.signIn().organization().isEmpty()) {
            return null;
        }
        var organization = verdict.signIn().organization().get();
        boolean joins = verdict.outcome() == Verdict.Outcome.CREATE
                || verdict.outcome() == Verdict.Outcome.LINK && !organization.isMember(verdict.account());
        return new Organization(organization.alias(), joins);
    }
}
