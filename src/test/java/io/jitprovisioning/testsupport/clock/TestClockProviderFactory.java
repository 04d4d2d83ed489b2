package io.jitprovisioning.testsupport.clock;

import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.services.resource.RealmResourceProvider;
import org.keycloak.services.resource.RealmResourceProviderFactory;

/**
 * A Keycloak provider for the integration tests only, never part of the extension's jar: it mounts
 * {@link TestClockResource} at {@code /realms/master/jit-test-clock}, which moves Keycloak's clock as Keycloak's own
 * test suite does ({@code Time.setOffset}). {@code testsupport.ServerClock} packs this package into a jar of its own
 * and the shared IT Keycloak installs it beside the extension.
 */
public final class TestClockProviderFactory implements RealmResourceProviderFactory {

    public static final String PROVIDER_ID = "jit-test-clock";

    @Override
    public RealmResourceProvider create(KeycloakSession session) {
        return new RealmResourceProvider() {
            @Override
            public Object getResource() {
                return new TestClockResource(session);
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }
}
