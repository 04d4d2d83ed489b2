package io.jitprovisioning.provenance.jpa;

import java.util.List;

import org.keycloak.connections.jpa.entityprovider.JpaEntityProvider;
import org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.PostMigrationEvent;

import io.jitprovisioning.StatelessProviderFactory;

/**
 * Adds the extension's tables ({@code JIT_GRANT}, {@code JIT_PROVISIONING}, {@code JIT_PENDING_LINK}) to Keycloak's database through
 * Keycloak's own Liquibase run, keeps them true as Keycloak changes what they refer to, and after each start moves
 * provenance that earlier versions kept in user attributes into them.
 */
public final class ProvenanceEntityProviderFactory implements JpaEntityProviderFactory, StatelessProviderFactory<JpaEntityProvider> {

    public static final String PROVIDER_ID = "jit-provisioning-provenance";

    private static final JpaEntityProvider PROVIDER = new JpaEntityProvider() {
        @Override
        public List<Class<?>> getEntities() {
            return List.of(GrantEntity.class, ProvisioningEntity.class, PendingLinkEntity.class);
        }

        @Override
        public String getChangelogLocation() {
            return "META-INF/jit-provisioning-changelog.xml";
        }

        @Override
        public String getFactoryId() {
            return PROVIDER_ID;
        }

        @Override
        public void close() {
        }
    };

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public JpaEntityProvider create(KeycloakSession session) {
        return PROVIDER;
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        ProvenanceUpkeep upkeep = new ProvenanceUpkeep();
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                AttributeMigration.run(factory);
            } else {
                upkeep.onEvent(event);
            }
        });
    }
}
