package io.jitprovisioning.roles;

/** A role value the IdP sent that gives no role, and why. */
public record RefusedRole(String value, Reason reason) {

    public enum Reason {
        /** No role has that name. */
        UNKNOWN,
        /** A Keycloak admin role, or a composite containing one: never granted. */
        PROTECTED,
        /** The role exists but is not among the assignable roles. */
        NOT_ASSIGNABLE
    }
}
