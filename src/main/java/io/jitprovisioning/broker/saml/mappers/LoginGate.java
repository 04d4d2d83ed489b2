package io.jitprovisioning.broker.saml.mappers;

import java.util.Optional;

import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.FederatedIdentityModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.services.resources.IdentityBrokerService;
import org.keycloak.sessions.AuthenticationSessionModel;

import io.jitprovisioning.admission.Admission;
import io.jitprovisioning.admission.FirstLoginAdmission;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.organization.OrganizationMembership;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.refusal.RefusalPage;
import io.jitprovisioning.sync.LoginSync;

/**
 * Refuses a sign-in before anything is written and before Keycloak starts its first-broker-login flow: there the
 * refusal is recorded as one event (inside that flow Keycloak records it twice). First sign-ins go through the whole
 * first-login admission; later ones only through the unknown-role policy.
 */
final class LoginGate {

    private static final Logger LOG = Logger.getLogger(LoginGate.class);

    private LoginGate() {
    }

    /** @throws WebApplicationException carrying the refusal page, which Keycloak's SAML endpoint returns as it is */
    static void check(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, LoginSync sync) {
        boolean firstLogin = isFirstLogin(session, realm, context);
        Optional<JitError> refusal = firstLogin ? firstLoginRefusal(session, realm, context, sync) : sync.refusal();
        if (refusal.isPresent()) {
            EventType type = firstLogin ? EventType.IDENTITY_PROVIDER_FIRST_LOGIN : EventType.IDENTITY_PROVIDER_LOGIN;
            throw refuse(session, realm, context, sync, refusal.get(), type);
        }
    }

    /** No account is linked to this identity yet, and the user is not linking one from their account. */
    private static boolean isFirstLogin(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context) {
        AuthenticationSessionModel authSession = context.getAuthenticationSession();
        if (authSession != null && authSession.getAuthNote(IdentityBrokerService.LINKING_IDENTITY_PROVIDER) != null) {
            return false;
        }
        FederatedIdentityModel identity = new FederatedIdentityModel(context.getIdpConfig().getAlias(), context.getId(), context.getUsername());
        return session.users().getUserByFederatedIdentity(realm, identity) == null;
    }

    private static Optional<JitError> firstLoginRefusal(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context,
                                                        LoginSync sync) {
        Admission admission = FirstLoginAdmission.decide(session, realm, context, sync,
                OrganizationMembership.of(session, context.getIdpConfig()));
        return admission instanceof Admission.Refuse refusal ? Optional.of(refusal.code()) : Optional.empty();
    }

    private static WebApplicationException refuse(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context,
                                                  LoginSync sync, JitError code, EventType type) {
        EventBuilder event = new EventBuilder(realm, session, session.getContext().getConnection()).event(type);
        if (session.getContext().getClient() != null) {
            event.client(session.getContext().getClient());
        }
        JitEvents.refused(event, sync, code);
        LOG.debugf("JIT refused a sign-in through identity provider %s in realm %s: %s", sync.idpAlias(), realm.getName(), code);
        return new WebApplicationException(RefusalPage.create(session, context.getAuthenticationSession(), code));
    }
}
