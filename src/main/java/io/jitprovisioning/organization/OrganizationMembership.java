package io.jitprovisioning.organization;

import java.util.Locale;
import java.util.Optional;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The Keycloak Organization an identity provider belongs to, when the realm has organizations enabled.
 * Without the feature, or without a link, there is none.
 */
public final class OrganizationMembership {

    private final OrganizationProvider provider;
    private final OrganizationModel organization;

    private OrganizationMembership(OrganizationProvider provider, OrganizationModel organization) {
        this.provider = provider;
        this.organization = organization;
    }

    public static Optional<OrganizationMembership> of(KeycloakSession session, IdentityProviderModel idp) {
        if (idp.getOrganizationId() == null) {
            return Optional.empty();
        }
        OrganizationProvider provider = session.getProvider(OrganizationProvider.class);
        if (provider == null || !provider.isEnabled()) {
            return Optional.empty();
        }
        return Optional.ofNullable(provider.getById(idp.getOrganizationId()))
                .map(organization -> new OrganizationMembership(provider, organization));
    }

    /** Whether the account belongs to any organization of the realm (none when the realm has organizations off). */
    public static boolean belongsToAny(KeycloakSession session, UserModel user) {
        OrganizationProvider provider = session.getProvider(OrganizationProvider.class);
        return provider != null && provider.isEnabled() && provider.getByMember(user).findAny().isPresent();
    }

    public String alias() {
        return organization.getAlias();
    }

    public boolean isMember(UserModel user) {
        return provider.isMember(organization, user);
    }

    /** Whether the account belongs to some organization, but not to this one. */
    public boolean isMemberOfAnotherOnly(UserModel user) {
        return !isMember(user) && provider.getByMember(user).findAny().isPresent();
    }

    /**
     * Whether the email's domain is one of the organization's domains marked verified: only then is the
     * organization's identity provider an authority for addresses there.
     */
    public boolean ownsVerifiedDomainOf(String email) {
        if (email == null || email.indexOf('@') < 0) {
            return false;
        }
        String domain = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        return organization.getDomains().anyMatch(d -> d.isVerified() && d.getName() != null && d.getName().equalsIgnoreCase(domain));
    }

    /** Makes the user a managed member, as Keycloak's own organization onboarding does; false if already a member. */
    public boolean join(UserModel user) {
        if (provider.isMember(organization, user)) {
            return false;
        }
        return provider.addManagedMember(organization, user);
    }
}
