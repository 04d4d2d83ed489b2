package io.jitprovisioning.groups;

import java.util.List;
import java.util.Set;

/**
 * The groups an account should be a member of through the extension after this sign-in.
 *
 * @param wanted  the groups the identity provider places the account in
 * @param refused values that gave no group, for the event
 */
public record GroupDecision(Set<GroupRef> wanted, List<RefusedGroup> refused) {

    public GroupDecision {
        wanted = Set.copyOf(wanted);
        refused = List.copyOf(refused);
    }
}
