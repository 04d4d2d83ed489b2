package io.jitprovisioning.authentication.authenticators.broker;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.broker.saml.mappers.JitMappers;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.provenance.ProvisionedBy;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.refusal.RefusalPage;
import io.jitprovisioning.sync.Changes;
import io.jitprovisioning.sync.LoginSync;
import io.jitprovisioning.userprofile.ProfileDeclarations;

/**
 * The first-broker-login step: creates the account with no page shown (JIT on), links invited accounts (JIT off),
 * and refuses everything else before any account, link or membership exists.
 */
final class JitProvisioningAuthenticator extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger(JitProvisioningAuthenticator.class);

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        IdentityProviderModel idp = brokerContext.getIdpConfig();
        LoginSync sync = new LoginSync(session, realm, brokerContext, JitMappers.settingsOf(session, idp.getAlias()));

        Optional<JitError> roleRefusal = sync.refusal();
        if (roleRefusal.isPresent()) {
            refuse(context, sync, roleRefusal.get());
            return;
        }
        ProfileValues profile = sync.newAccountProfile();
        String username = realm.isRegistrationEmailAsUsername() ? profile.email().orElse(null) : brokerContext.getModelUsername();
        Optional<ExistingAccount> existing = ExistingAccount.find(session, realm, profile.email().orElse(null), username);
        Optional<OrganizationMembership> organization = OrganizationMembership.of(session, idp);

        if (existing.isEmpty()) {
            if (!sync.settings().jitEnabled()) {
                refuse(context, sync, JitError.NOT_PROVISIONED);
            } else if (username == null || username.isBlank()) {
                refuse(context, sync, JitError.NOT_PROVISIONED);
            } else {
                create(context, sync, brokerContext, username, organization);
            }
            return;
        }
        Optional<JitError> linkRefusal = linkRefusal(session, realm, existing.get(), sync, brokerContext, organization);
        if (linkRefusal.isPresent()) {
            refuse(context, sync, linkRefusal.get());
            return;
        }
        UserModel user = existing.get().user();
        finish(context, sync, user, sync.provision(user, false), organization, "linked");
    }

    private void create(AuthenticationFlowContext context, LoginSync sync, BrokeredIdentityContext brokerContext,
                        String username, Optional<OrganizationMembership> organization) {
        KeycloakSession session = context.getSession();
        UserModel user;
        try {
            user = session.users().addUser(context.getRealm(), username);
        } catch (ModelDuplicateException concurrentSignIn) {
            session.getTransactionManager().setRollbackOnly();
            refuse(context, sync, JitError.TRY_AGAIN);
            return;
        }
        user.setEnabled(true);
        ProfileDeclarations.ensureDeclared(session, context.getRealm());
        ProvisionedBy.mark(user, sync.idpAlias(), brokerContext.getId());
        Changes changes = sync.provision(user, true);
        context.getAuthenticationSession().setAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER, "true");
        finish(context, sync, user, changes, organization, "created");
    }

    private static Optional<JitError> linkRefusal(KeycloakSession session, RealmModel realm, ExistingAccount account,
                                                  LoginSync sync, BrokeredIdentityContext brokerContext,
                                                  Optional<OrganizationMembership> organization) {
        if (account.isAmbiguous()) {
            return Optional.of(JitError.ACCOUNT_EXISTS_UNTRUSTED);
        }
        UserModel user = account.user();
        if (!user.isEnabled()) {
            return Optional.of(JitError.ACCOUNT_DISABLED);
        }
        boolean linkedToAnotherIdentity = session.users().getFederatedIdentity(realm, user, sync.idpAlias()) != null;
        if (linkedToAnotherIdentity || LinkTrust.holdsAdminRole(user)) {
            return Optional.of(JitError.ACCOUNT_EXISTS_UNTRUSTED);
        }
        boolean trusted = !sync.settings().jitEnabled()
                || LinkTrust.vouchedFor(account, brokerContext.getIdpConfig(), brokerContext.getId(), organization);
        return trusted ? Optional.empty() : Optional.of(JitError.ACCOUNT_EXISTS_UNTRUSTED);
    }

    private static void finish(AuthenticationFlowContext context, LoginSync sync, UserModel user, Changes changes,
                               Optional<OrganizationMembership> organization, String account) {
        context.getEvent().detail(JitEvents.ACCOUNT, account);
        organization.filter(membership -> membership.join(user))
                .ifPresent(membership -> context.getEvent().detail(JitEvents.ORGANIZATION, membership.alias()));
        JitEvents.addDetails(context.getEvent(), changes);
        JitEvents.changed(context.getSession(), context.getRealm(), user, sync.idpAlias(), changes);
        LOG.debugf("JIT %s account %s through identity provider %s in realm %s", account, user.getId(), sync.idpAlias(),
                context.getRealm().getName());
        context.setUser(user);
        context.success();
    }

    private static void refuse(AuthenticationFlowContext context, LoginSync sync, JitError code) {
        JitEvents.addRefusedRoles(context.getEvent(), sync.decision().refused());
        JitEvents.refused(context.getEvent(), sync.idpAlias(), code);
        LOG.debugf("JIT refused a first login through identity provider %s in realm %s: %s", sync.idpAlias(),
                context.getRealm().getName(), code);
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, RefusalPage.create(context.form(), code));
    }

    @Override
    protected void actionImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                              BrokeredIdentityContext brokerContext) {
        // The step shows no form, so there is nothing to act on.
    }

    @Override
    public boolean requiresUser() {
        return false;
    }

    @Override
    public boolean configuredFor(KeycloakSession session, RealmModel realm, UserModel user) {
        return true;
    }
}
