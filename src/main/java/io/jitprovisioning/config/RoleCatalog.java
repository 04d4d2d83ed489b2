package io.jitprovisioning.config;

/** The realm's roles, as far as checking a setting that names roles needs them. */
public interface RoleCatalog {

    enum Status {
        /** No role has that name ({@code role} or {@code clientId.role}). */
        UNKNOWN,
        /** A Keycloak admin role, or a composite holding one: identity providers never grant it. */
        PROTECTED,
        GRANTABLE
    }

    Status status(String roleName);
}
