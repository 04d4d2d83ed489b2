package io.jitprovisioning.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.UnusableSetting;
import io.jitprovisioning.groups.RefusedGroup.Reason;
import io.jitprovisioning.problem.ProblemCode;

/**
 * Assignable groups as this realm resolves them. An entry names one group by path (or by a name only one group
 * has); a listed group includes its subgroups, by the groups' ids and parents, never by the text of their paths. An
 * entry that names no group (deleted since, or mistyped) or could name two is left out: the allowlist gets
 * narrower, never wider. An allowlist with entries of which none names a group would allow nothing, silently; it is
 * unusable instead, and refuses every sign-in.
 *
 * @param entries    the allowlist as the administrator wrote it; empty means any group that is not protected
 * @param groups     the groups its entries name
 * @param unresolved the entries that name no group ({@code UNKNOWN}) or several ({@code AMBIGUOUS})
 */
public record GroupAllowlist(List<String> entries, List<GroupRef> groups, List<RefusedGroup> unresolved) {

    public GroupAllowlist {
        entries = List.copyOf(entries);
        groups = List.copyOf(groups);
        unresolved = List.copyOf(unresolved);
    }

    public static GroupAllowlist resolve(List<String> entries, GroupDirectory directory) {
        List<GroupRef> groups = new ArrayList<>();
        List<RefusedGroup> unresolved = new ArrayList<>();
        for (String entry : entries) {
            List<GroupRef> found = directory.find(entry);
            if (found.size() == 1) {
                groups.add(found.get(0));
            } else {
                unresolved.add(new RefusedGroup(entry, found.isEmpty() ? Reason.UNKNOWN : Reason.AMBIGUOUS));
            }
        }
        return new GroupAllowlist(entries, groups, unresolved);
    }

    /** Whether the IdP may place users in the group as far as the allowlist goes (protection is checked apart). */
    public boolean admits(GroupRef group) {
        return entries.isEmpty() || groups.stream().anyMatch(group::isWithin);
    }

    /** Set, and no entry names exactly one group of the realm. */
    public Optional<UnusableSetting> unusable() {
        return entries.isEmpty() || !groups.isEmpty() ? Optional.empty()
                : Optional.of(new UnusableSetting(JitConfigProperties.ASSIGNABLE_GROUPS, ProblemCode.UNKNOWN_ASSIGNABLE_GROUP,
                "none of its entries names exactly one group of this realm (" + String.join(", ", entries) + ")"));
    }

    /** The entries left out while others work, for the administrator: one sentence each. */
    public List<String> ignoredEntries() {
        return groups.isEmpty() ? List.of() : unresolved.stream().map(entry -> JitConfigProperties.ASSIGNABLE_GROUPS.key()
                + ": '" + entry.value() + "' " + (entry.reason() == Reason.UNKNOWN ? "names no group" : "could name more than one group")
                + " of this realm; the other entries apply").toList();
    }
}
