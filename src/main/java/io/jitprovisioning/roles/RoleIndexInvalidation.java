package io.jitprovisioning.roles;

import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.cluster.ClusterEvent;
import org.keycloak.cluster.ClusterProvider;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.utils.KeycloakSessionUtil;

/**
 * Tells this node's {@link RoleNameIndex} when a realm's roles or clients changed, from everything Keycloak reports:
 * <ul>
 *   <li>admin events of realm roles, client roles, clients and the realm itself (which partial import reports as),
 *       for changes made through the admin console or REST API on this node;</li>
 *   <li>Keycloak's model events (role removed or renamed, client created, renamed, removed, realm removed), for
 *       changes on this node made outside the admin API;</li>
 *   <li>Keycloak's realm-cache invalidation messages from the other nodes of the cluster
 *       ({@value #REALM_INVALIDATION_EVENTS}, {@value #REALM_CLEAR_CACHE_EVENTS}), the same messages that update
 *       Keycloak's own realm cache there.</li>
 * </ul>
 * Changes on this node are applied once their transaction has ended (committed or not): dropping a snapshot
 * earlier would let a sign-in rebuild it from the state before the commit. The cluster's messages arrive after
 * the other node's commit. Role changes drop the realm's snapshot; client changes only make it forget which
 * clientIds named no client, since a client's own roles come and go through role events.
 */
final class RoleIndexInvalidation {

    /** Keycloak's channel for realm-cache invalidations (InfinispanCacheRealmProviderFactory, not in the SPI jars). */
    static final String REALM_INVALIDATION_EVENTS = "REALM_INVALIDATION_EVENTS";
    /** Keycloak's channel for "clear realm cache" (admin console, Realm settings > Action). */
    static final String REALM_CLEAR_CACHE_EVENTS = "REALM_CLEAR_CACHE_EVENTS";

    private static final Logger LOG = Logger.getLogger(RoleIndexInvalidation.class);
    private static final Set<ResourceType> ROLE_CHANGES = Set.of(ResourceType.REALM_ROLE, ResourceType.CLIENT_ROLE, ResourceType.REALM);

    private final RoleNameIndex index;

    RoleIndexInvalidation(RoleNameIndex index) {
        this.index = index;
    }

    /** The global event listener Keycloak asks for in each session: it hears that session's admin events. */
    EventListenerProvider listenerFor(KeycloakSession session) {
        return new AdminEvents(this, session);
    }

    private record AdminEvents(RoleIndexInvalidation invalidation, KeycloakSession session) implements EventListenerProvider {

        @Override
        public void onEvent(Event event) {
            // User events say nothing about roles.
        }

        @Override
        public void onEvent(AdminEvent event, boolean includeRepresentation) {
            invalidation.onAdminEvent(session, event);
        }

        @Override
        public void close() {
        }
    }

    void onAdminEvent(KeycloakSession session, AdminEvent event) {
        if (event.getRealmId() == null || event.getResourceType() == null) {
            return;
        }
        if (ROLE_CHANGES.contains(event.getResourceType())) {
            PendingInvalidations.afterTransaction(session, index, PendingInvalidations.roles(event.getRealmId()));
        } else if (event.getResourceType() == ResourceType.CLIENT) {
            PendingInvalidations.afterTransaction(session, index, PendingInvalidations.clients(event.getRealmId()));
        }
    }

    /** Keycloak's model events, registered with the session factory. */
    void onProviderEvent(ProviderEvent event) {
        try {
            if (event instanceof PostMigrationEvent migrated) {
                listenToCluster(migrated.getFactory());
            } else if (event instanceof RoleContainerModel.RoleRemovedEvent removed) {
                PendingInvalidations.afterTransaction(removed.getKeycloakSession(), index, PendingInvalidations.roles(realmIdOf(removed.getRole())));
            } else if (event instanceof RoleModel.RoleNameChangeEvent renamed) {
                PendingInvalidations.afterTransaction(renamed.getKeycloakSession(), index, PendingInvalidations.roles(renamed.getRealm().getId()));
            } else if (event instanceof ClientModel.ClientCreationEvent created) {
                PendingInvalidations.afterTransaction(KeycloakSessionUtil.getKeycloakSession(), index,
                        PendingInvalidations.clients(created.getCreatedClient().getRealm().getId()));
            } else if (event instanceof ClientModel.ClientIdChangeEvent renamed) {
                PendingInvalidations.afterTransaction(renamed.getKeycloakSession(), index,
                        PendingInvalidations.clients(renamed.getUpdatedClient().getRealm().getId()));
            } else if (event instanceof RealmModel.RealmRemovedEvent removed) {
                index.invalidate(removed.getRealm().getId());
            }
        } catch (RuntimeException e) {
            LOG.debugf(e, "Could not tell which realm %s concerns: dropping every role index", event.getClass().getName());
            index.invalidateAll();
        }
    }

    /** A message from another node: the same one that updates Keycloak's realm cache on this node. */
    void onClusterEvent(ClusterEvent event) {
        // The event classes live in Keycloak's Infinispan module, outside the SPI: go by their names.
        String type = event.getClass().getSimpleName();
        if (type.startsWith("Role") || type.startsWith("RealmRemoved")) {
            index.invalidateAll();
        } else if (type.startsWith("Client") && !type.startsWith("ClientScope")) {
            index.clientsChangedSomewhere();
        }
    }

    private void listenToCluster(KeycloakSessionFactory factory) {
        KeycloakModelUtils.runJobInTransaction(factory, session -> {
            ClusterProvider cluster = session.getProvider(ClusterProvider.class);
            if (cluster == null) {
                LOG.warn("No cluster provider: role name indexes follow changes on other nodes only after "
                        + RoleNameIndex.MAX_AGE.toMinutes() + " minutes");
                return;
            }
            cluster.registerListener(REALM_INVALIDATION_EVENTS, this::onClusterEvent);
            cluster.registerListener(REALM_CLEAR_CACHE_EVENTS, event -> index.invalidateAll());
        });
    }

    private static String realmIdOf(RoleModel role) {
        return role.getContainer() instanceof ClientModel client ? client.getRealm().getId() : role.getContainerId();
    }
}
