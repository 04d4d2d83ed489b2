package io.jitprovisioning.organization;

import java.util.Optional;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.models.UserModel;
import org.keycloak.organization.OrganizationProvider;

/**
 * The Keycloak Organization an identity provider belongs to, when the realm has organizations enabled.
 * Without the feature, or without a link, there is none. A disabled organization is still the identity provider's
 * (its domains are still its own), but it vouches for nobody and takes in no one.
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
        return OrganizationDomains.provider(session)
                .flatMap(provider -> Optional.ofNullable(provider.getById(idp.getOrganizationId()))
                        .map(organization -> new OrganizationMembership(provider, organization)));
    }

    /** Whether the account belongs to any organization of the realm (none when the realm has organizations off). */
    public static boolean belongsToAny(KeycloakSession session, UserModel user) {
        return OrganizationDomains.provider(session).map(provider -> provider.getByMember(user).findAny().isPresent()).orElse(false);
    }

    public String id() {
        return organization.getId();
    }

    public String alias() {
        return organization.getAlias();
    }

    /** Whether the organization is enabled: only then does its membership or its domains vouch for an account. */
    public boolean vouches() {
        return organization.isEnabled();
    }

    public boolean isMember(UserModel user) {
        return provider.isMember(organization, user);
    }

    /** Whether the account belongs to some organization, but not to this one. */
    public boolean isMemberOfAnotherOnly(UserModel user) {
        return !isMember(user) && provider.getByMember(user).findAny().isPresent();
    }

    /**
     * Whether the email's domain is one of the organization's domains marked verified, compared on the canonical form
     * (never a look-alike): only then is the organization's identity provider an authority for addresses there.
     */
    public boolean ownsVerifiedDomainOf(String email) {
        return OrganizationDomains.ownsVerified(organization, email);
    }

    /**
     * Makes the user a managed member, as Keycloak's own organization onboarding does; false if already a member, or
     * if the organization is disabled (it takes in no one).
     */
    public boolean join(UserModel user) {
        if (!vouches() || provider.isMember(organization, user)) {
            return false;
        }
        return provider.addManagedMember(organization, user);
    }
}
