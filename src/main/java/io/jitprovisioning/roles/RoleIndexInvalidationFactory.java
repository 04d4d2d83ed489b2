package io.jitprovisioning.roles;

import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import io.jitprovisioning.StatelessProviderFactory;

/**
 * Owns this Keycloak's role name index ({@link RoleNameIndex}) and keeps it in step with the realms: a global event
 * listener (it gets every realm's admin events without being enabled in any realm) that also registers, at startup,
 * for Keycloak's model events and for the cluster's realm-cache invalidations. Keycloak creates one factory per
 * server and keeps it until shutdown, the lifetime the index needs; sign-ins find it through
 * {@code KeycloakSessionFactory.getProviderFactory}. Nothing to configure.
 */
public final class RoleIndexInvalidationFactory implements EventListenerProviderFactory,
        StatelessProviderFactory<EventListenerProvider> {

    public static final String PROVIDER_ID = "jit-provisioning-role-index";

    private final RoleNameIndex index = new RoleNameIndex();
    private final RoleIndexInvalidation invalidation = new RoleIndexInvalidation(index);

    RoleNameIndex index() {
        return index;
    }

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return invalidation.listenerFor(session);
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(invalidation::onProviderEvent);
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public void close() {
        index.invalidateAll();
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
