package io.jitprovisioning.authentication.authenticators.broker;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.Admission;
import io.jitprovisioning.config.JitMappers;
import io.jitprovisioning.events.Changes;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.login.AuthNotes;
import io.jitprovisioning.login.BrokeredLogin;
import io.jitprovisioning.login.BrokeredLogin.Account;
import io.jitprovisioning.login.FirstLink;
import io.jitprovisioning.login.SettingsCheck;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.PendingLink;
import io.jitprovisioning.provenance.Provisioning;
import io.jitprovisioning.provenance.jpa.JpaProvenanceStore;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.refusal.RefusalPage;
import io.jitprovisioning.sync.AccountWriter;

/**
 * The first-broker-login step: creates the account with no page shown (JIT on), links invited accounts (JIT off)
 * and accounts the linking rules vouch for, and refuses everything else before any account, link or membership
 * exists. The JIT mapper refuses most of those sign-ins earlier, before this flow starts; this step decides again
 * because it is the one that writes.
 */
final class JitProvisioningAuthenticator extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger(JitProvisioningAuthenticator.class);

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String alias = brokerContext.getIdpConfig().getAlias();
        BrokeredLogin login = new BrokeredLogin(session, realm, brokerContext, JitMappers.settingsOf(session, alias),
                JpaProvenanceStore.of(session));

        Admission admission = login.admission();
        if (admission instanceof Admission.Refuse refusal) {
            SettingsCheck.warnIfRefused(realm.getName(), alias, refusal);
            refuse(context, login, refusal.code());
        } else if (admission instanceof Admission.Link link) {
            link(context, login, link.user());
        } else if (admission instanceof Admission.Create create) {
            create(context, login, create.username());
        }
    }

    /**
     * Hands the account to this identity until Keycloak has linked it (in a later request): a concurrent sign-in of
     * another identity that wants the same account is refused meanwhile.
     */
    private static void link(AuthenticationFlowContext context, BrokeredLogin login, UserModel user) {
        PendingLink pending = new PendingLink(login.idpAlias(), login.brokerUserId(), Time.currentTimeMillis());
        if (!login.provenance().reserveLink(context.getRealm().getId(), user.getId(), pending)) {
            context.getSession().getTransactionManager().setRollbackOnly();
            refuse(context, login, JitError.TRY_AGAIN);
            return;
        }
        finish(context, login, user, Account.LINKED, "linked");
    }

    private void create(AuthenticationFlowContext context, BrokeredLogin login, String username) {
        KeycloakSession session = context.getSession();
        UserModel user;
        try {
            user = session.users().addUser(context.getRealm(), username);
        } catch (ModelDuplicateException concurrentSignIn) {
            session.getTransactionManager().setRollbackOnly();
            refuse(context, login, JitError.TRY_AGAIN);
            return;
        }
        user.setEnabled(true);
        login.provenance().recordProvisioning(context.getRealm().getId(), user.getId(),
                new Provisioning(login.idpAlias(), login.brokerUserId()));
        context.getAuthenticationSession().setAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER, "true");
        context.getAuthenticationSession().setAuthNote(AuthNotes.PROVISIONED, "true");
        finish(context, login, user, Account.NEW, "created");
    }

    private static void finish(AuthenticationFlowContext context, BrokeredLogin login, UserModel user, Account account,
                               String accountDetail) {
        Changes changes = new AccountWriter(context.getSession(), context.getRealm(), login.provenance())
                .apply(user, login.decisionFor(user, account));
        context.getEvent().detail(JitEvents.ACCOUNT, accountDetail);
        Optional<OrganizationMembership> organization = login.organization();
        organization.filter(membership -> membership.join(user))
                .ifPresent(membership -> context.getEvent().detail(JitEvents.ORGANIZATION, membership.alias()));
        JitEvents.addDetails(context.getEvent(), changes);
        JitEvents.changed(context.getSession(), context.getRealm(), user, login.idpAlias(), changes);
        FirstLink.expect(context.getSession(), context.getRealm(), context.getAuthenticationSession(), user, login.idpAlias(),
                login.brokerUserId());
        LOG.debugf("JIT %s account %s through identity provider %s in realm %s", accountDetail, user.getId(), login.idpAlias(),
                context.getRealm().getName());
        context.setUser(user);
        context.success();
    }

    /**
     * Keycloak sends the flow's event once more when the first-broker-login request ends, so a refusal here is
     * recorded twice; the mapper's early refusal is recorded once. This path is taken only without a JIT mapper
     * or when a concurrent sign-in wins a race.
     */
    private static void refuse(AuthenticationFlowContext context, BrokeredLogin login, JitError code) {
        FirstLink.forget(context.getAuthenticationSession());
        JitEvents.refused(context.getEvent(), login.idpAlias(), code, login.rolesBehindRefusal());
        LOG.debugf("JIT refused a first login through identity provider %s in realm %s: %s", login.idpAlias(),
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
