package io.jitprovisioning.config;

/** The realm's roles and groups, as far as checking settings that name them needs them. */
public interface RealmCatalog {

    enum Status {
        /** Nothing has that name (a role as {@code role} or {@code clientId.role}, a group by path or name). */
        UNKNOWN,
        /** A Keycloak admin role, or a role or group holding one: identity providers never grant it. */
        PROTECTED,
        GRANTABLE
    }

    Status role(String roleName);

    Status group(String pathOrName);
}
