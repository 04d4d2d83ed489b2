package io.jitprovisioning.admin;

import java.util.Map;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.provider.ServerInfoAwareProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory;

import io.jitprovisioning.JitVersion;
import io.jitprovisioning.compat.KeycloakCompatibility;

/** Mounts {@link JitAdminResource} at {@code /admin/realms/{realm}/jit-provisioning}. */
public final class JitAdminResourceProviderFactory implements AdminRealmResourceProviderFactory, ServerInfoAwareProviderFactory {

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
        KeycloakCompatibility.requireSupportedKeycloak();
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public Map<String, String> getOperationalInfo() {
        return JitVersion.operationalInfo();
    }
}
