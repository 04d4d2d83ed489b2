package io.jitprovisioning.delegation;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;

import io.jitprovisioning.StatelessProviderFactory;

/**
 * Adds the delegation tables ({@code JIT_ORG_LIMITS}, {@code JIT_SSO_ADMIN}, {@code JIT_SETUP_LINK}) to Keycloak's
 * database through Keycloak's own Liquibase run, and keeps them true as Keycloak changes what they refer to.
 */
public final class DelegationEntityProviderFactory implements JpaEntityProviderFactory, StatelessProviderFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "jit-provisioning-delegation";

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return new JpaEntityProvider() {
            @Override
            public List<Class<?>> getEntities() {
                return List.of(LimitsEntity.class, SsoAdministratorEntity.class, SetupLinkEntity.class);
            }

            @Override
            public String getChangelogLocation() {
                return "META-INF/jit-provisioning-delegation-changelog.xml";
            }

            @Override
            public String getFactoryId() {
                return PROVIDER_ID;
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(new DelegationUpkeep()::onEvent);
    }
}
