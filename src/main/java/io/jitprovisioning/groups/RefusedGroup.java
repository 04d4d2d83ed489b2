package io.jitprovisioning.groups;

/** A group value the IdP sent that gives no membership, and why. */
public record RefusedGroup(String value, Reason reason) {

    public enum Reason {
        /** No group has that path or name. */
        UNKNOWN,
        /** Several groups have that name: write the path. */
        AMBIGUOUS,
        /** The group, or one of its parents, holds a Keycloak admin role. */
        PROTECTED,
        /** The group is outside the assignable groups. */
        NOT_ASSIGNABLE
    }
}
