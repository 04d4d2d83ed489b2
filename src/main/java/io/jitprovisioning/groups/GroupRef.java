package io.jitprovisioning.groups;

/** A Keycloak group as the group rules see it: its id, and its full path ({@code /engineering/backend}). */
public record GroupRef(String id, String path) {

    /** Whether this group is {@code ancestor} or one of its subgroups, at any depth. */
    public boolean isWithin(GroupRef ancestor) {
        return path.equals(ancestor.path()) || path.startsWith(ancestor.path().endsWith("/") ? ancestor.path() : ancestor.path() + "/");
    }
}
