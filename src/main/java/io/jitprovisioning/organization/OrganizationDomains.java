package io.jitprovisioning.organization;

import java.net.IDN;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.OrganizationModel;
import org.keycloak.organization.OrganizationProvider;

import io.jitprovisioning.identity.Identifiers;

/**
 * The realm's organization domains, read through {@link OrganizationModel} only (Keycloak 26.8 moves them out of the
 * identity providers' config) and compared on their canonical form. A verified domain of an organization is that
 * organization's: no other organization's identity provider may claim an address in it.
 */
public final class OrganizationDomains {

    private OrganizationDomains() {
    }

    /** The realm's organizations, when the feature is on for it. */
    public static Optional<OrganizationProvider> provider(KeycloakSession session) {
        OrganizationProvider provider = session.getProvider(OrganizationProvider.class);
        return provider != null && provider.isEnabled() ? Optional.of(provider) : Optional.empty();
    }

    /**
     * The id of the organization that owns the email's domain as a verified domain, enabled or not; empty when none
     * does (or the email has no canonical form: then it is in no one's domain, and matches nothing either).
     */
    public static Optional<String> verifiedOwnerOf(KeycloakSession session, String email) {
        Optional<String> domain = Identifiers.emailDomain(email);
        Optional<OrganizationProvider> provider = provider(session);
        if (domain.isEmpty() || provider.isEmpty()) {
            return Optional.empty();
        }
        // Keycloak looks a domain up by the name it was stored under: either form of an internationalised domain.
        return Stream.of(domain.get(), IDN.toUnicode(domain.get())).distinct()
                .map(provider.get()::getByDomainName)
                .filter(organization -> organization != null && ownsVerified(organization, email))
                .map(OrganizationModel::getId)
                .findFirst();
    }

    static boolean ownsVerified(OrganizationModel organization, String email) {
        Optional<String> domain = Identifiers.emailDomain(email);
        return domain.isPresent() && organization.getDomains()
                .anyMatch(owned -> owned.isVerified() && domain.equals(Identifiers.domain(owned.getName())));
    }
}
