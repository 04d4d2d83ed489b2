package io.jitprovisioning.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

import io.jitprovisioning.StatelessProviderFactory;
import io.jitprovisioning.compat.KeycloakCompatibility;

/** Mounts {@link SetupLinkHolder} at {@code /realms/{realm}/jit-provisioning}, the setup link holder's routes. */
public final class SetupLinkHolderFactory implements RealmResourceProviderFactory, StatelessProviderFactory<RealmResourceProvider> {

    @Override
    public String getId() {
        return SetupLinkHolder.ROOT;
    }

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new SetupLinkHolder(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
        KeycloakCompatibility.refuseOlderKeycloak();
    }
}
