package io.jitprovisioning.delegation;

import java.util.List;

import io.jitprovisioning.config.JitConfigProperties;

/**
 * What an organization's own identity providers may offer, as the realm administrator decides it: the roles and groups
 * they may grant (by name, as the JIT settings name them) and how many identity providers the organization may have.
 * An organization without its own limits has the realm's defaults; a realm without defaults offers the default role
 * {@code Agent} alone, no group, and three identity providers.
 *
 * @param offeredRoles         role names ({@code role} or {@code clientId.role})
 * @param offeredGroups        group paths
 * @param maxIdentityProviders 0 to {@link #CEILING}
 */
public record OrganizationLimits(List<String> offeredRoles, List<String> offeredGroups, int maxIdentityProviders) {

    public static final int DEFAULT_MAX_IDENTITY_PROVIDERS = 3;
    public static final int CEILING = 100;

    public OrganizationLimits {
        offeredRoles = List.copyOf(offeredRoles);
        offeredGroups = List.copyOf(offeredGroups);
    }

    /** The limits of an organization when the realm administrator has set none, for it or for the realm. */
    public static OrganizationLimits nothingSet() {
        return new OrganizationLimits(List.of(JitConfigProperties.DEFAULT_ROLE.defaultValue()), List.of(),
                DEFAULT_MAX_IDENTITY_PROVIDERS);
    }
}
