package io.jitprovisioning.authentication.authenticators.broker;

import org.jboss.logging.Logger;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventType;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;

import io.jitprovisioning.login.FirstLink;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.provenance.jpa.JpaProvenanceStore;

/**
 * The JIT step's second half, in the request where Keycloak finishes a first sign-in
 * ({@code /broker/after-first-broker-login}): Keycloak adds the identity-provider link, then sends {@code REGISTER}
 * (a new account) or {@code FEDERATED_IDENTITY_LINK} (an existing one) in the same transaction. If the account's
 * links are not the ones the JIT step decided on plus this identity, the whole request is rolled back: no link, no
 * session. Otherwise a new account's first sign-in is recorded as finished.
 */
final class LinkGuard implements EventListenerProvider {

    private static final Logger LOG = Logger.getLogger(LinkGuard.class);

    private final KeycloakSession session;

    LinkGuard(KeycloakSession session) {
        this.session = session;
    }

    @Override
    public void onEvent(Event event) {
        if (event.getType() != EventType.REGISTER && event.getType() != EventType.FEDERATED_IDENTITY_LINK || event.getUserId() == null) {
            return;
        }
        AuthenticationSessionModel authSession = session.getContext().getAuthenticationSession();
        RealmModel realm = session.realms().getRealm(event.getRealmId());
        UserModel user = realm == null ? null : session.users().getUserById(realm, event.getUserId());
        if (authSession == null || user == null) {
            return;
        }
        FirstLink.check(session, realm, authSession, user).ifPresent(check -> {
            FirstLink.forget(authSession);
            if (check.asDecided()) {
                ProvenanceStore provenance = JpaProvenanceStore.of(session);
                provenance.provisioningOf(user.getId()).filter(created -> created.isFor(check.idpAlias(), check.brokerUserId()))
                        .ifPresent(created -> provenance.markLinked(user.getId()));
                provenance.pendingLinkOf(user.getId()).filter(pending -> pending.isFor(check.idpAlias(), check.brokerUserId()))
                        .ifPresent(pending -> provenance.clearPendingLink(user.getId()));
                return;
            }
            LOG.warnf("JIT refused to finish a first sign-in through identity provider %s in realm %s: the account's links "
                    + "changed after the sign-in was decided; nothing was linked", check.idpAlias(), realm.getName());
            session.getTransactionManager().setRollbackOnly();
        });
    }

    @Override
    public void onEvent(AdminEvent event, boolean includeRepresentation) {
        // Only sign-in events matter here.
    }

    @Override
    public void close() {
    }
}
