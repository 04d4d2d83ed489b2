package io.jitprovisioning.roles;

import java.util.List;
import java.util.Set;

import io.jitprovisioning.refusal.JitError;

/**
 * What the account's extension-managed roles should be after this login.
 *
 * @param outcome     whether {@code wanted} applies, the current roles stay, or the login is refused
 * @param wanted      the roles the account should hold through the extension (when {@code outcome} is APPLY)
 * @param refused     role values that gave no role, for the event and the refusal code
 * @param fromDefault whether {@code wanted} is the default role
 * @param refusal     the code when {@code outcome} is REFUSE
 */
public record RoleDecision(Outcome outcome, Set<RoleRef> wanted, List<RefusedRole> refused, boolean fromDefault,
                           JitError refusal) {

    public enum Outcome { APPLY, KEEP_CURRENT, REFUSE }

    public RoleDecision {
        wanted = Set.copyOf(wanted);
        refused = List.copyOf(refused);
    }

    public boolean isRefused() {
        return outcome == Outcome.REFUSE;
    }
}
