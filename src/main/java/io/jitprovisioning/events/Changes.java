package io.jitprovisioning.events;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.jitprovisioning.groups.RefusedGroup;
import io.jitprovisioning.roles.RefusedRole;

/** What one login changed on an account, for the event details. Never holds profile values. */
public final class Changes {

    private final TreeSet<String> granted = new TreeSet<>();
    private final TreeSet<String> revoked = new TreeSet<>();
    private final TreeSet<String> profileUpdated = new TreeSet<>();
    private final TreeSet<String> profileRejected = new TreeSet<>();
    private final List<String> refusedRoles = new ArrayList<>();
    private final TreeSet<String> groupsJoined = new TreeSet<>();
    private final TreeSet<String> groupsLeft = new TreeSet<>();
    private final List<String> refusedGroups = new ArrayList<>();
    private boolean refusedForACause;
    private String organizationJoined;

    public void granted(String role) {
        granted.add(role);
    }

    public void revoked(String role) {
        revoked.add(role);
    }

    public void profileUpdated(String field) {
        profileUpdated.add(field);
    }

    /** A mapping target (e.g. {@code USER_PHONE_NUMBER}) whose value the IdP sent but was unfit. */
    public void profileRejected(String target) {
        profileRejected.add(target);
    }

    /** Role values that gave no role, with why. */
    public void refused(List<RefusedRole> refused) {
        refused.forEach(role -> {
            refusedRoles.add(JitEvents.format(role));
            refusedForACause |= role.reason() != RefusedRole.Reason.UNKNOWN;
        });
    }

    /** A group (by path) the account joined. */
    public void joined(String groupPath) {
        groupsJoined.add(groupPath);
    }

    public void left(String groupPath) {
        groupsLeft.add(groupPath);
    }

    /** Group values that gave no membership, with why. */
    public void refusedGroups(List<RefusedGroup> refused) {
        refused.forEach(group -> {
            refusedGroups.add(JitEvents.format(group));
            refusedForACause |= group.reason() != RefusedGroup.Reason.UNKNOWN;
        });
    }

    /** The account became a member of the identity provider's organization (its alias). */
    public void joinedOrganization(String alias) {
        organizationJoined = alias;
    }

    /** The alias of the organization the account joined, or null. */
    public String organizationJoined() {
        return organizationJoined;
    }

    public List<String> groupsJoined() {
        return List.copyOf(groupsJoined);
    }

    public List<String> groupsLeft() {
        return List.copyOf(groupsLeft);
    }

    public List<String> refusedGroups() {
        return List.copyOf(refusedGroups);
    }

    public List<String> granted() {
        return List.copyOf(granted);
    }

    public List<String> revoked() {
        return List.copyOf(revoked);
    }

    public List<String> profileUpdated() {
        return List.copyOf(profileUpdated);
    }

    public List<String> profileRejected() {
        return List.copyOf(profileRejected);
    }

    public List<String> refusedRoles() {
        return List.copyOf(refusedRoles);
    }

    /**
     * Whether the account changed, or something the IdP sent was turned down for a cause (protected, not assignable,
     * ambiguous, an unfit profile value): each is worth an event. Values that name nothing are listed in an event
     * sent for another reason, but are no news by themselves: IdPs such as Entra ID and AD FS send every group the
     * user is in at every sign-in, and an event each time would add the same list to the event store at every sign-in.
     */
    public boolean isWorthAnEvent() {
        return !granted.isEmpty() || !revoked.isEmpty() || !profileUpdated.isEmpty() || !profileRejected.isEmpty()
                || !groupsJoined.isEmpty() || !groupsLeft.isEmpty() || refusedForACause;
    }
}
