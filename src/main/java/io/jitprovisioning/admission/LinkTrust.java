package io.jitprovisioning.admission;

import java.util.Optional;

import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.compat.TrustEmail;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.ProvisionedBy;
import io.jitprovisioning.roles.ProtectedRoles;

/**
 * When an existing account may be linked to the identity signing in. Linking hands the account over, so it takes
 * proof that it belongs to that person.
 */
final class LinkTrust {

    private LinkTrust() {
    }

    /**
     * With JIT on, an existing account is linked only when something vouches for it: it was created for this very
     * identity, it is a member of the IdP's organization, its email domain is one of that organization's domains,
     * or the IdP is trusted to verify email addresses.
     */
    static boolean vouchedFor(ExistingAccount account, IdentityProviderModel idp, String brokeredUserId,
                              Optional<OrganizationMembership> organization) {
        UserModel user = account.user();
        if (ProvisionedBy.isFor(user, idp.getAlias(), brokeredUserId)) {
            return true;
        }
        if (organization.isPresent() && organization.get().isMember(user)) {
            return true;
        }
        if (!account.byEmail()) {
            return false;
        }
        return organization.isPresent() && organization.get().ownsDomainOf(user.getEmail())
                || TrustEmail.isOn(idp);
    }

    /** How long after its creation an unlinked account counts as still being set up by a concurrent sign-in. */
    static final long PROVISIONING_WINDOW_MILLIS = 3_000;

    /**
     * Created for this very identity less than {@link #PROVISIONING_WINDOW_MILLIS} ago and not linked yet: another
     * sign-in is finishing it. Older such accounts (left by a node that died mid-login) are linked normally.
     */
    static boolean isBeingProvisioned(UserModel user, String idpAlias, String brokeredUserId, long now) {
        Long created = user.getCreatedTimestamp();
        return ProvisionedBy.isFor(user, idpAlias, brokeredUserId) && created != null && now - created < PROVISIONING_WINDOW_MILLIS;
    }

    /** Accounts holding Keycloak admin roles are never linked automatically, in either mode. */
    static boolean holdsAdminRole(UserModel user) {
        return user.getRoleMappingsStream().anyMatch(ProtectedRoles::isProtected)
                || user.getGroupsStream().flatMap(group -> group.getRoleMappingsStream()).anyMatch(ProtectedRoles::isProtected);
    }
}
