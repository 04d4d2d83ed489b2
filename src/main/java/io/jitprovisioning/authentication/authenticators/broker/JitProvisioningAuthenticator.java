package io.jitprovisioning.authentication.authenticators.broker;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.Admission;
import io.jitprovisioning.admission.FirstLoginAdmission;
import io.jitprovisioning.broker.saml.mappers.JitMappers;
import io.jitprovisioning.broker.saml.mappers.JitProvisioningIdpMapper;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.provenance.ProvisionedBy;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.refusal.RefusalPage;
import io.jitprovisioning.sync.Changes;
import io.jitprovisioning.sync.LoginSync;
import io.jitprovisioning.userprofile.ProfileDeclarations;

/**
 * The first-broker-login step: creates the account with no page shown (JIT on), links invited accounts (JIT off),
 * and refuses everything else before any account, link or membership exists. The JIT mapper refuses most of those
 * logins earlier, before this flow starts; this step decides again because it is the one that writes.
 */
final class JitProvisioningAuthenticator extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger(JitProvisioningAuthenticator.class);

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        String alias = brokerContext.getIdpConfig().getAlias();
        LoginSync sync = new LoginSync(session, realm, brokerContext, JitMappers.settingsOf(session, alias));
        Optional<OrganizationMembership> organization = OrganizationMembership.of(session, brokerContext.getIdpConfig());

        Admission admission = FirstLoginAdmission.decide(session, realm, brokerContext, sync, organization);
        if (admission instanceof Admission.Refuse refusal) {
            refuse(context, sync, refusal.code());
        } else if (admission instanceof Admission.Link link) {
            finish(context, sync, link.user(), sync.provision(link.user(), false), organization, "linked");
        } else if (admission instanceof Admission.Create create) {
            create(context, sync, brokerContext, create.username(), organization);
        }
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
        context.getAuthenticationSession().setAuthNote(JitProvisioningIdpMapper.PROVISIONED_NOTE, JitProvisioningIdpMapper.PROVISIONED_NOTE_VALUE);
        finish(context, sync, user, changes, organization, "created");
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

    /**
     * Keycloak sends the flow's event once more when the first-broker-login request ends, so a refusal here is
     * recorded twice; the mapper's early refusal is recorded once. This path is taken only without a JIT mapper
     * or when a concurrent sign-in wins a race.
     */
    private static void refuse(AuthenticationFlowContext context, LoginSync sync, JitError code) {
        JitEvents.refused(context.getEvent(), sync, code);
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
