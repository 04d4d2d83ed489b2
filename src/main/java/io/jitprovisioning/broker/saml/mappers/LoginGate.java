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
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.login.BrokeredLogin;
import io.jitprovisioning.login.SettingsCheck;
import io.jitprovisioning.preparation.RealmPreparation;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.refusal.RefusalPage;

/**
 * Refuses a sign-in before anything is written and before Keycloak starts its first-broker-login flow: there the
 * refusal is recorded as one event (inside that flow Keycloak records it twice). First sign-ins go through the whole
 * first-login admission; later ones through the sign-in gates and the unknown-role policy.
 */
final class LoginGate {

    private static final Logger LOG = Logger.getLogger(LoginGate.class);

    private LoginGate() {
    }

    /** @throws WebApplicationException carrying the refusal page, which Keycloak's SAML endpoint returns as it is */
    static void check(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, BrokeredLogin login) {
        boolean firstLogin = isFirstLogin(session, realm, context);
        Optional<Admission.Refuse> refusal = login.gateRefusal(firstLogin);
        if (refusal.isPresent()) {
            SettingsCheck.warnIfRefused(realm.getName(), login.idpAlias(), refusal.get());
            EventType type = firstLogin ? EventType.IDENTITY_PROVIDER_FIRST_LOGIN : EventType.IDENTITY_PROVIDER_LOGIN;
            throw refuse(session, realm, context, login, refusal.get().code(), type);
        }
        if (firstLogin) {
            // Only a first sign-in that goes ahead prepares the realm: a refused one writes nothing at all.
            RealmPreparation.ensure(session, realm, login.settings());
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

    private static WebApplicationException refuse(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context,
                                                  BrokeredLogin login, JitError code, EventType type) {
        EventBuilder event = JitEvents.builder(session, realm, type);
        JitEvents.refused(event, login.idpAlias(), code, login.rolesBehindRefusal());
        LOG.debugf("JIT refused a sign-in through identity provider %s in realm %s: %s", login.idpAlias(), realm.getName(), code);
        return new WebApplicationException(RefusalPage.create(session, context.getAuthenticationSession(), code));
    }
}
