package io.jitprovisioning.roles;

/**
 * A Keycloak role as the role rules see it: its id, and its name as an administrator writes it
 * ({@code role} for a realm role, {@code clientId.role} for a client role).
 */
public record RoleRef(String id, String qualifiedName) {
}
