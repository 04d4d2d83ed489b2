package io.jitprovisioning.events;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.jitprovisioning.roles.RefusedRole;

/** What one login changed on an account, for the event details. Never holds profile values. */
public final class Changes {

    private final TreeSet<String> granted = new TreeSet<>();
    private final TreeSet<String> revoked = new TreeSet<>();
    private final TreeSet<String> profileUpdated = new TreeSet<>();
    private final TreeSet<String> profileRejected = new TreeSet<>();
    private final List<String> refusedRoles = new ArrayList<>();

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
        refused.forEach(role -> refusedRoles.add(JitEvents.format(role)));
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

    /** Whether the account changed, or something the IdP sent was turned down: both are worth an event. */
    public boolean isWorthAnEvent() {
        return !granted.isEmpty() || !revoked.isEmpty() || !profileUpdated.isEmpty()
                || !profileRejected.isEmpty() || !refusedRoles.isEmpty();
    }
}
