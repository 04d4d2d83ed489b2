package io.jitprovisioning.authentication.authenticators.broker;

import java.time.Clock;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.authentication.AuthenticationFlowError;
import org.keycloak.authentication.authenticators.broker.AbstractIdpAuthenticator;
import org.keycloak.authentication.authenticators.broker.util.SerializedBrokeredIdentityContext;
import org.keycloak.broker.provider.AbstractIdentityProvider;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.config.JitMappers;
import io.jitprovisioning.events.Changes;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.login.AuthNotes;
import io.jitprovisioning.login.FirstLink;
import io.jitprovisioning.login.FirstSignInNote;
import io.jitprovisioning.login.SettingsCheck;
import io.jitprovisioning.login.SignIn;
import io.jitprovisioning.login.SignInDecision;
import io.jitprovisioning.provenance.jpa.JpaProvenanceStore;
import io.jitprovisioning.refusal.RefusalPage;
import io.jitprovisioning.roles.RefusedRole;
import io.jitprovisioning.sync.KeycloakAccountWrites;
import io.jitprovisioning.sync.SignInWriter;

/**
 * The first-broker-login step: carries out the first sign-in the JIT mapper decided before the flow (a created or a
 * linked account, through the writer), or decides it itself when the identity provider has no JIT mapper. A refusal
 * writes nothing; a write-time precondition that no longer holds (a concurrent sign-in) refuses with TRY_AGAIN.
 */
final class JitProvisioningAuthenticator extends AbstractIdpAuthenticator {

    private static final Logger LOG = Logger.getLogger(JitProvisioningAuthenticator.class);

    /** What a reserved link's age and the linking rules' windows are measured on: Keycloak's clock. */
    private final Clock clock;

    JitProvisioningAuthenticator(Clock clock) {
        this.clock = clock;
    }

    @Override
    protected void authenticateImpl(AuthenticationFlowContext context, SerializedBrokeredIdentityContext serializedCtx,
                                    BrokeredIdentityContext brokerContext) {
        KeycloakSession session = context.getSession();
        RealmModel realm = context.getRealm();
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        SignIn signIn = new SignIn(session, realm, brokerContext, JitMappers.settingsOf(session, brokerContext.getIdpConfig().getAlias()),
                JpaProvenanceStore.of(session), clock);
        // The JIT mapper decided this first sign-in before the flow; without one, it is decided here.
        SignInOutcome outcome = FirstSignInNote.of(authSession, signIn).map(decided -> SignInDecision.resume(signIn, decided))
                .orElseGet(() -> SignInDecision.firstSignIn(signIn));
        FirstSignInNote.forget(authSession);
        SignInWriter.Result result = new SignInWriter(signIn, new KeycloakAccountWrites(session, realm, authSession,
                signIn.provenance(), signIn.clock()))
                .apply(outcome);
        if (result instanceof SignInWriter.Result.Refused refused) {
            refuse(context, signIn, refused, outcome);
        } else {
            finish(context, signIn, (SignInWriter.Result.Written) result, outcome instanceof SignInOutcome.Create);
        }
    }

    private static void finish(AuthenticationFlowContext context, SignIn signIn, SignInWriter.Result.Written written, boolean created) {
        UserModel user = written.account();
        Changes changes = written.changes();
        if (created) {
            context.getAuthenticationSession().setAuthNote(AbstractIdentityProvider.BROKER_REGISTERED_NEW_USER, "true");
        }
        AuthNotes.markAppliedByJitStep(context.getAuthenticationSession());
        context.getEvent().detail(JitEvents.ACCOUNT, created ? "created" : "linked");
        if (changes.organizationJoined() != null) {
            context.getEvent().detail(JitEvents.ORGANIZATION, changes.organizationJoined());
        }
        JitEvents.addDetails(context.getEvent(), changes);
        JitEvents.changed(context.getSession(), context.getRealm(), user, signIn.idpAlias(), changes);
        LOG.debugf("JIT %s account %s through identity provider %s in realm %s", created ? "created" : "linked", user.getId(),
                signIn.idpAlias(), context.getRealm().getName());
        context.setUser(user);
        context.success();
    }

    /**
     * Keycloak sends the flow's event once more when the first-broker-login request ends, so a refusal here is
     * recorded twice; the mapper's early refusal is recorded once. This path is taken only without a JIT mapper
     * or when a concurrent sign-in wins a race.
     */
    private static void refuse(AuthenticationFlowContext context, SignIn signIn, SignInWriter.Result.Refused refused,
                               SignInOutcome outcome) {
        FirstLink.forget(context.getAuthenticationSession());
        SettingsCheck.warnIfRefused(context.getRealm().getName(), signIn.idpAlias(), refused.code(), refused.rule());
        List<RefusedRole> roles = outcome instanceof SignInOutcome.Refuse refusal ? refusal.refusedRoles() : List.of();
        JitEvents.refused(context.getEvent(), signIn.idpAlias(), refused.code(), roles);
        LOG.debugf("JIT refused a first login through identity provider %s in realm %s: %s", signIn.idpAlias(),
                context.getRealm().getName(), refused.code());
        context.failureChallenge(AuthenticationFlowError.ACCESS_DENIED, RefusalPage.create(context.form(), refused.code()));
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
