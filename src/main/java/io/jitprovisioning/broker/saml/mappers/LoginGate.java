package io.jitprovisioning.broker.saml.mappers;

import jakarta.ws.rs.WebApplicationException;

import org.jboss.logging.Logger;
import org.keycloak.broker.provider.BrokeredIdentityContext;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.events.JitEvents;
import io.jitprovisioning.login.SettingsCheck;
import io.jitprovisioning.login.SignIn;
import io.jitprovisioning.refusal.RefusalPage;

/**
 * A refusal answered before anything is written and before Keycloak starts its first-broker-login flow: there the
 * refusal is recorded as one event (inside that flow Keycloak records it twice).
 */
final class LoginGate {

    private static final Logger LOG = Logger.getLogger(LoginGate.class);

    private LoginGate() {
    }

    /** The refusal page, which Keycloak's SAML endpoint returns as it is; the event is sent. */
    static WebApplicationException refuse(KeycloakSession session, RealmModel realm, BrokeredIdentityContext context, SignIn signIn,
                                          SignInOutcome.Refuse refusal) {
        SettingsCheck.warnIfRefused(realm.getName(), signIn.idpAlias(), refusal.code(), refusal.rule());
        EventType type = refusal.firstSignIn() ? EventType.IDENTITY_PROVIDER_FIRST_LOGIN : EventType.IDENTITY_PROVIDER_LOGIN;
        EventBuilder event = JitEvents.builder(session, realm, type);
        JitEvents.refused(event, signIn.idpAlias(), refusal.code(), refusal.refusedRoles());
        LOG.debugf("JIT refused a sign-in through identity provider %s in realm %s: %s", signIn.idpAlias(), realm.getName(),
                refusal.code());
        return new WebApplicationException(RefusalPage.create(session, context.getAuthenticationSession(), refusal.code()));
    }
}
