package io.jitprovisioning.login;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;

import io.jitprovisioning.admission.EmailTrust;
import io.jitprovisioning.compat.TrustEmail;
import io.jitprovisioning.organization.OrganizationDomains;
import io.jitprovisioning.organization.OrganizationMembership;

/**
 * Reads what {@link EmailTrust} decides on from Keycloak: Trust email, and whose verified domain the email is in.
 * One sign-in asks about the same address several times: the last answer is kept.
 */
final class EmailTrustReader {

    private final KeycloakSession session;
    private final IdentityProviderModel idp;
    private final Supplier<Optional<OrganizationMembership>> organization;
    private EmailTrust last;

    EmailTrustReader(KeycloakSession session, IdentityProviderModel idp, Supplier<Optional<OrganizationMembership>> organization) {
        this.session = session;
        this.idp = idp;
        this.organization = organization;
    }

    EmailTrust read(String email) {
        if (last == null || !Objects.equals(last.email(), email)) {
            Optional<OrganizationMembership> own = organization.get();
            Optional<String> owner = email == null ? Optional.empty() : OrganizationDomains.verifiedOwnerOf(session, email);
            boolean inOwnDomain = own.map(org -> org.vouches() && org.ownsVerifiedDomainOf(email)).orElse(false);
            boolean inAnothersDomain = owner.isPresent() && !owner.equals(own.map(OrganizationMembership::id));
            last = EmailTrust.of(email, TrustEmail.isOn(idp), own.isPresent(), inOwnDomain, inAnothersDomain);
        }
        return last;
    }
}
