package io.jitprovisioning.admission;

import java.util.List;
import java.util.Optional;

import org.keycloak.common.util.Time;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.AccountFacts.LinkToThisIdp;
import io.jitprovisioning.admission.AccountFacts.Membership;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.roles.ProtectedRoles;

/** Reads the facts the linking rules need about an existing account. Only first sign-ins that match an account pay for it. */
final class AccountFactsReader {

    private AccountFactsReader() {
    }

    static AccountFacts read(KeycloakSession session, RealmModel realm, UserModel user, SigningIn person,
                             Optional<OrganizationMembership> organization, ProvenanceStore provenance) {
        List<FederatedIdentityModel> links = session.users().getFederatedIdentitiesStream(realm, user).toList();
        boolean hasCredential = user.isFederated() || user.credentialManager().getStoredCredentialsStream().findAny().isPresent();
        Long created = user.getCreatedTimestamp();
        return new AccountFacts(user.isEnabled(), user.isEmailVerified(), hasCredential, links.size(),
                linkToThisIdp(links, person), ProtectedRoles.heldBy(user), membership(session, user, organization),
                session.sessions().getUserSessionsStream(realm, user).findAny().isPresent(),
                created == null ? Long.MAX_VALUE : Time.currentTimeMillis() - created,
                provenance.provisioningOf(user.getId()).filter(p -> p.isFor(person.idpAlias(), person.brokerUserId())).isPresent());
    }

    private static LinkToThisIdp linkToThisIdp(List<FederatedIdentityModel> links, SigningIn person) {
        return links.stream().filter(link -> person.idpAlias().equals(link.getIdentityProvider())).findFirst()
                .map(link -> person.brokerUserId().equals(link.getUserId()) ? LinkToThisIdp.SAME_IDENTITY : LinkToThisIdp.OTHER_IDENTITY)
                .orElse(LinkToThisIdp.NONE);
    }

    private static Membership membership(KeycloakSession session, UserModel user, Optional<OrganizationMembership> organization) {
        if (organization.isPresent()) {
            if (organization.get().isMember(user)) {
                return Membership.IDP_ORGANIZATION;
            }
            return organization.get().isMemberOfAnotherOnly(user) ? Membership.OTHER_ORGANIZATION : Membership.NONE;
        }
        return OrganizationMembership.belongsToAny(session, user) ? Membership.OTHER_ORGANIZATION : Membership.NONE;
    }
}
