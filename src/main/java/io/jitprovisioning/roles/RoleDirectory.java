package io.jitprovisioning.roles;

import java.util.Optional;

/** The realm's roles, as far as the role rules need them. */
public interface RoleDirectory {

    /**
     * The role of exactly this name, asked of Keycloak itself: for the default role, which the realm's preparation may
     * have created a moment ago without any event that would tell a cached view of the names.
     */
    Optional<RoleRef> findExactly(String name);

    /** The role with this id, if it still exists. */
    Optional<RoleRef> byId(String id);

    /** The role named so ({@code role} or {@code clientId.role}), matched ignoring case. */
    Optional<RoleRef> find(String name);

    /**
     * Whether the role must never be granted by an IdP: an admin role of Keycloak itself, or a composite that
     * contains one.
     */
    boolean isProtected(RoleRef role);

    /** Whether a bare name is that of one of Keycloak's admin roles, such as {@code realm-admin}. */
    boolean namesAdminRole(String name);
}
