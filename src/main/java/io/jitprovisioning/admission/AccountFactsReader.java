package io.jitprovisioning.admission;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.AccountFacts.CreatedBy;
import io.jitprovisioning.admission.AccountFacts.LinkToThisIdp;
import io.jitprovisioning.admission.AccountFacts.Membership;
import io.jitprovisioning.admission.AccountFacts.PendingFor;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.PendingLink;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.provenance.Provisioning;
import io.jitprovisioning.roles.ProtectedRoles;

/**
 * Reads the facts the linking rules need about an existing account. Only first sign-ins that match an account pay for
 * it. Times are measured on the clock it is given: Keycloak's in a sign-in, a fixed one in tests.
 */
final class AccountFactsReader {

    private AccountFactsReader() {
    }

    static AccountFacts read(KeycloakSession session, RealmModel realm, UserModel user, SigningIn person,
                             Optional<OrganizationMembership> organization, ProvenanceStore provenance, Clock clock) {
        List<FederatedIdentityModel> links = session.users().getFederatedIdentitiesStream(realm, user).toList();
        boolean hasCredential = user.isFederated() || user.credentialManager().getStoredCredentialsStream().findAny().isPresent();
        return new AccountFacts(user.isEnabled(), user.isEmailVerified(), hasCredential, links.size(),
                linkToThisIdp(links, person), ProtectedRoles.heldBy(user), membership(session, user, organization),
                organization.map(org -> org.vouches() && org.ownsVerifiedDomainOf(user.getEmail())).orElse(false),
                session.sessions().getUserSessionsStream(realm, user).findAny().isPresent(),
                ageMillis(user.getCreatedTimestamp(), clock),
                createdBy(provenance.provisioningOf(user.getId()), links, person),
                pendingFor(provenance.pendingLinkOf(user.getId()), links, person, realm.getAccessCodeLifespanLogin(), clock));
    }

    /** Time since the account was created; an account without a creation time counts as old. */
    static long ageMillis(Long createdTimestamp, Clock clock) {
        return createdTimestamp == null ? Long.MAX_VALUE : clock.millis() - createdTimestamp;
    }

    /**
     * A reservation counts while its sign-in may still finish: Keycloak's link request stays valid for the realm's
     * login timeout; after that, or once its identity is linked, it is over.
     */
    static PendingFor pendingFor(Optional<PendingLink> pending, List<FederatedIdentityModel> links, SigningIn person,
                                 int loginTimeoutSeconds, Clock clock) {
        if (pending.isEmpty()) {
            return PendingFor.NONE;
        }
        PendingLink link = pending.get();
        if (link.isFor(person.idpAlias(), person.brokerUserId())) {
            return PendingFor.THIS_IDENTITY;
        }
        boolean over = clock.millis() - link.createdAtMillis() > loginTimeoutSeconds * 1000L
                || links.stream().anyMatch(existing -> link.isFor(existing.getIdentityProvider(), existing.getUserId()));
        return over ? PendingFor.NONE : PendingFor.ANOTHER_IDENTITY;
    }

    private static CreatedBy createdBy(Optional<Provisioning> provisioning, List<FederatedIdentityModel> links, SigningIn person) {
        if (provisioning.isEmpty()) {
            return CreatedBy.NOT_JIT;
        }
        Provisioning created = provisioning.get();
        if (created.isFor(person.idpAlias(), person.brokerUserId())) {
            return CreatedBy.THIS_IDENTITY;
        }
        boolean linkedToIt = created.linked() || links.stream()
                .anyMatch(link -> created.isFor(link.getIdentityProvider(), link.getUserId()));
        return linkedToIt ? CreatedBy.ANOTHER_IDENTITY : CreatedBy.ANOTHER_IDENTITY_UNFINISHED;
    }

    private static LinkToThisIdp linkToThisIdp(List<FederatedIdentityModel> links, SigningIn person) {
        return links.stream().filter(link -> person.idpAlias().equals(link.getIdentityProvider())).findFirst()
                .map(link -> person.brokerUserId().equals(link.getUserId()) ? LinkToThisIdp.SAME_IDENTITY : LinkToThisIdp.OTHER_IDENTITY)
                .orElse(LinkToThisIdp.NONE);
    }

    /** A member of a disabled organization is no member that vouches: NONE, unless it belongs to another one too. */
    private static Membership membership(KeycloakSession session, UserModel user, Optional<OrganizationMembership> organization) {
        if (organization.isPresent()) {
            if (organization.get().isMember(user)) {
                return organization.get().vouches() ? Membership.IDP_ORGANIZATION : Membership.NONE;
            }
            return organization.get().isMemberOfAnotherOnly(user) ? Membership.OTHER_ORGANIZATION : Membership.NONE;
        }
        return OrganizationMembership.belongsToAny(session, user) ? Membership.OTHER_ORGANIZATION : Membership.NONE;
    }
}
