package io.jitprovisioning.roles;

import org.keycloak.Config;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

/**
 * Keeps the role name indexes ({@link RoleNameIndex}) in step with the realms: a global event listener (it gets
 * every realm's admin events without being enabled in any realm) that also registers, at startup, for Keycloak's
 * model events and for the cluster's realm-cache invalidations. Nothing to configure.
 */
public final class RoleIndexInvalidationFactory implements EventListenerProviderFactory {

    public static final String PROVIDER_ID = "jit-provisioning-role-index";

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new RoleIndexInvalidation(session);
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(RoleIndexInvalidation::onProviderEvent);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
