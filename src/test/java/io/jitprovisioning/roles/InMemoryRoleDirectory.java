package io.jitprovisioning.roles;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A realm's roles for the role rules, without a Keycloak: names match ignoring case, as the real directory does. */
public final class InMemoryRoleDirectory implements RoleDirectory {

    private final Map<String, RoleRef> roles = new LinkedHashMap<>();
    private final Set<String> protectedIds = new HashSet<>();
    private final Set<String> adminNames = new HashSet<>();
    private final List<String> lookups = new ArrayList<>();

    /** Adds a role by its qualified name ({@code role} or {@code clientId.role}); its id is {@code id-<name>}. */
    public InMemoryRoleDirectory role(String qualifiedName) {
        roles.put(key(qualifiedName), new RoleRef("id-" + qualifiedName, qualifiedName));
        return this;
    }

    /** Adds a role that holds an admin role, directly or through composites. */
    public InMemoryRoleDirectory protectedRole(String qualifiedName) {
        role(qualifiedName);
        protectedIds.add("id-" + qualifiedName);
        return this;
    }

    /** A bare name of a realm-management role, such as {@code realm-admin}, which {@link #find} does not resolve. */
    public InMemoryRoleDirectory adminName(String name) {
        adminNames.add(key(name));
        return this;
    }

    public RoleRef ref(String qualifiedName) {
        return roles.get(key(qualifiedName));
    }

    /** Every name looked up so far, in order. */
    public List<String> lookups() {
        return lookups;
    }

    @Override
    public Optional<RoleRef> find(String name) {
        lookups.add(name);
        return Optional.ofNullable(roles.get(key(name)));
    }

    @Override
    public Optional<RoleRef> findExactly(String name) {
        return roles.values().stream().filter(role -> role.qualifiedName().equals(name)).findFirst();
    }

    @Override
    public Optional<RoleRef> byId(String id) {
        return roles.values().stream().filter(role -> role.id().equals(id)).findFirst();
    }

    /** Makes a role protected after the fact, as when an administrator adds an admin role to its composites. */
    public InMemoryRoleDirectory protect(String qualifiedName) {
        protectedIds.add("id-" + qualifiedName);
        return this;
    }

    @Override
    public boolean isProtected(RoleRef role) {
        return protectedIds.contains(role.id());
    }

    @Override
    public boolean namesAdminRole(String name) {
        return adminNames.contains(key(name));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
