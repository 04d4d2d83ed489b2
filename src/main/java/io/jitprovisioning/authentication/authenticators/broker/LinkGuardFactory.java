package io.jitprovisioning.authentication.authenticators.broker;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;

import io.jitprovisioning.StatelessProviderFactory;

/** {@link LinkGuard} in every realm, whatever event listeners the realm chose (a global listener). */
public final class LinkGuardFactory implements EventListenerProviderFactory,
        StatelessProviderFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "jit-provisioning-link-guard";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new LinkGuard(session);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }
}
