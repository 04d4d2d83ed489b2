package io.jitprovisioning.roles;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.UnusableSetting;
import io.jitprovisioning.problem.ProblemCode;

/**
 * Assignable roles as this realm resolves them. An entry names a role as the role values do ({@code role} or
 * {@code clientId.role}, ignoring case). An entry naming no role (deleted since, or mistyped) is left out: the
 * allowlist gets narrower, never wider. An allowlist with entries of which none names a role would allow nothing
 * and let the default role stand in silently; it is unusable instead, and refuses every sign-in.
 *
 * @param entries the allowlist as the administrator wrote it; empty means any role that is not protected
 * @param roleIds the ids of the roles its entries name
 * @param unknown the entries that name no role
 */
public record RoleAllowlist(List<String> entries, Set<String> roleIds, List<String> unknown) {

    public RoleAllowlist {
        entries = List.copyOf(entries);
        roleIds = Set.copyOf(roleIds);
        unknown = List.copyOf(unknown);
    }

    public static RoleAllowlist resolve(List<String> entries, RoleDirectory directory) {
        Set<String> ids = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (String entry : entries) {
            directory.find(entry).ifPresentOrElse(role -> ids.add(role.id()), () -> unknown.add(entry));
        }
        return new RoleAllowlist(entries, ids, unknown);
    }

    /** Whether the IdP may grant the role as far as the allowlist goes (protection is checked apart). */
    public boolean admits(RoleRef role) {
        return entries.isEmpty() || roleIds.contains(role.id());
    }

    /** Set, and no entry names a role of the realm. */
    public Optional<UnusableSetting> unusable() {
        return entries.isEmpty() || !roleIds.isEmpty() ? Optional.empty()
                : Optional.of(new UnusableSetting(JitConfigProperties.ASSIGNABLE_ROLES, ProblemCode.UNKNOWN_ASSIGNABLE_ROLE,
                "none of its entries names a role of this realm (" + String.join(", ", entries) + ")"));
    }

    /** The entries left out while others work, for the administrator: one sentence each. */
    public List<String> ignoredEntries() {
        return roleIds.isEmpty() ? List.of() : unknown.stream().map(entry -> JitConfigProperties.ASSIGNABLE_ROLES.key()
                + ": '" + entry + "' names no role of this realm; the other entries apply").toList();
    }
}
