package io.jitprovisioning.sync;

import java.time.Clock;
import java.util.Set;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.login.FirstLink;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.preparation.RealmPreparation;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.OwnWrites;
import io.jitprovisioning.provenance.PendingLink;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.provenance.Provisioning;

/** The writes of a sign-in, into Keycloak and the extension's tables, in the request's transaction. */
public final class KeycloakAccountWrites implements AccountWrites {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final AuthenticationSessionModel authSession;
    private final ProvenanceStore provenance;
    private final Clock clock;

    /**
     * @param authSession the first-login flow's session, for the link Keycloak adds after it; null for later sign-ins
     * @param clock       what a reserved link's age is measured on (Keycloak's clock)
     */
    public KeycloakAccountWrites(KeycloakSession session, RealmModel realm, AuthenticationSessionModel authSession,
                                 ProvenanceStore provenance, Clock clock) {
        this.session = session;
        this.realm = realm;
        this.authSession = authSession;
        this.provenance = provenance;
        this.clock = clock;
    }

    @Override
    public void prepareRealm(JitSettings settings) {
        RealmPreparation.ensure(session, realm, settings);
    }

    @Override
    public UserModel createAccount(String username) {
        try {
            UserModel account = session.users().addUser(realm, username);
            account.setEnabled(true);
            return account;
        } catch (ModelDuplicateException concurrentSignIn) {
            session.getTransactionManager().setRollbackOnly();
            throw new Taken();
        }
    }

    @Override
    public void recordProvisioning(UserModel account, String idpAlias, String brokerUserId) {
        provenance.recordProvisioning(realm.getId(), account.getId(), new Provisioning(idpAlias, brokerUserId));
    }

    @Override
    public void reserveLink(UserModel account, String idpAlias, String brokerUserId) {
        if (!provenance.reserveLink(realm.getId(), account.getId(), new PendingLink(idpAlias, brokerUserId, clock.millis()))) {
            session.getTransactionManager().setRollbackOnly();
            throw new Taken();
        }
    }

    @Override
    public void expectLink(UserModel account, String idpAlias, String brokerUserId) {
        FirstLink.expect(session, realm, authSession, account, idpAlias, brokerUserId);
    }

    @Override
    public void setFirstName(UserModel account, String value) {
        account.setFirstName(value);
    }

    @Override
    public void setLastName(UserModel account, String value) {
        account.setLastName(value);
    }

    @Override
    public void setEmail(UserModel account, String email, boolean verified) {
        account.setEmail(email);
        account.setEmailVerified(verified);
    }

    @Override
    public void setAttribute(UserModel account, String name, String value) {
        account.setSingleAttribute(name, value);
    }

    @Override
    public void grant(UserModel account, GrantKind kind, String targetId) {
        OwnWrites.run(session, () -> {
            if (kind == GrantKind.ROLE) {
                account.grantRole(role(targetId));
            } else {
                account.joinGroup(group(targetId));
            }
        });
    }

    @Override
    public void revoke(UserModel account, GrantKind kind, String targetId) {
        OwnWrites.run(session, () -> {
            if (kind == GrantKind.ROLE) {
                account.deleteRoleMapping(role(targetId));
            } else {
                account.leaveGroup(group(targetId));
            }
        });
    }

    @Override
    public void recordGrants(UserModel account, String idpAlias, GrantKind kind, Set<String> targetIds) {
        provenance.replace(realm.getId(), account.getId(), idpAlias, kind, targetIds);
    }

    @Override
    public void joinOrganization(OrganizationMembership organization, UserModel account) {
        organization.join(account);
    }

    private RoleModel role(String id) {
        return realm.getRoleById(id);
    }

    private GroupModel group(String id) {
        return session.groups().getGroupById(realm, id);
    }
}
