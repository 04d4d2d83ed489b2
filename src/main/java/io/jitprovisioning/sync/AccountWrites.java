package io.jitprovisioning.sync;

import java.util.Set;

import org.keycloak.models.UserModel;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.GrantKind;

/**
 * Every write a sign-in can make, and nothing else: the port {@link SignInWriter} writes through. Keycloak's
 * implementation writes ({@link KeycloakAccountWrites}); the preview's records ({@link RecordedAccountWrites}). The
 * account is null for one a preview would create.
 */
public interface AccountWrites {

    /** Thrown when a concurrent sign-in took the username (or the account) first: nothing may be written. */
    final class Taken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Taken() {
            super(null, null, false, false);
        }
    }

    /** The realm's preparation for provisioning (user-profile declarations, the {@code Agent} role), when missing. */
    void prepareRealm(JitSettings settings);

    /** A new, enabled account; null in a preview. @throws Taken when the username is taken */
    UserModel createAccount(String username);

    /** The identity the account was created for: it belongs to that identity until Keycloak links it. */
    void recordProvisioning(UserModel account, String idpAlias, String brokerUserId);

    /** Hands an existing account to this identity until Keycloak links it. @throws Taken when another identity has it */
    void reserveLink(UserModel account, String idpAlias, String brokerUserId);

    /** What Keycloak's link, in a later request, must find: the account's links now, and this identity. */
    void expectLink(UserModel account, String idpAlias, String brokerUserId);

    void setFirstName(UserModel account, String value);

    void setLastName(UserModel account, String value);

    void setEmail(UserModel account, String email, boolean verified);

    void setAttribute(UserModel account, String name, String value);

    /** Grants a role or joins a group, as the extension's own write (the provenance must not forget it). */
    void grant(UserModel account, GrantKind kind, String targetId);

    void revoke(UserModel account, GrantKind kind, String targetId);

    /** What {@code idpAlias} granted of one kind to the account, from now on. */
    void recordGrants(UserModel account, String idpAlias, GrantKind kind, Set<String> targetIds);

    void joinOrganization(OrganizationMembership organization, UserModel account);
}
