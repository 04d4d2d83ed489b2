package io.jitprovisioning.admin;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import io.jitprovisioning.StatelessProviderFactory;
import io.jitprovisioning.compat.KeycloakCompatibility;

/** Mounts {@link JitAdminResource} at {@code /admin/realms/{realm}/jit-provisioning}. */
public final class JitAdminResourceProviderFactory implements AdminRealmResourceProviderFactory,
        StatelessProviderFactory<AdminRealmResourceProvider> {

    public static final String PROVIDER_ID = "jit-provisioning";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public AdminRealmResourceProvider create(KeycloakSession session) {
        return new JitAdminResourceProvider();
    }

    @Override
    public void init(Config.Scope config) {
        KeycloakCompatibility.refuseOlderKeycloak();
    }
}
