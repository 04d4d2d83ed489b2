package io.jitprovisioning.roles;

import java.time.Duration;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;

import org.jboss.logging.Logger;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * This node's {@link RoleNames} snapshots, one per realm, and how they are read from Keycloak. One index per Keycloak
 * (per session factory): its provider factory, {@link RoleIndexInvalidationFactory}, creates it at startup, keeps it
 * in step with the realms and drops it at shutdown; sign-ins reach it through that factory ({@link #of}).
 *
 * <h2>Building</h2>
 * Two queries per realm: its realm roles ({@code RoleProvider.getRealmRolesStream(realm, first, max)}) and all its
 * client roles ({@code searchForClientRolesStream(realm, "", no exclusions, ...)}). Keycloak's realm cache passes
 * both straight to the database, so building neither reads role by role nor floods that cache (10,000 entries by
 * default, fewer than the roles of a large realm). It runs in a session and transaction of its own: its reads see
 * what is committed now (also under repeatable-read isolation), and the sign-in's persistence context does not
 * fill with thousands of roles.
 *
 * <h2>Staying correct in a cluster</h2>
 * <ul>
 *   <li><b>Stale positives</b> (a role deleted or renamed since the build): harmless, because every name the
 *       snapshot proposes is confirmed by Keycloak's lookup by exact name, which Keycloak's realm cache keeps
 *       consistent across nodes. A proposal Keycloak does not confirm rebuilds the snapshot once and asks again.</li>
 *   <li><b>Stale negatives</b> (a role created or renamed since the build, which the snapshot cannot propose): the
 *       snapshot is dropped when the change is reported, and rebuilt at the next sign-in:
 *       <ul>
 *         <li>on other nodes, by the same invalidation message that updates Keycloak's realm cache there (a
 *             {@code ClusterListener} on Keycloak's realm-invalidation channel), so they see the change when
 *             Keycloak itself does;</li>
 *         <li>on this node, after the change commits: admin REST changes (console, REST, partial import) through
 *             their admin events, removals, renames and client changes through Keycloak's model events, and the
 *             roles this extension creates itself;</li>
 *         <li>anything else (a role added through the model API by other code on this node, which Keycloak
 *             reports to no one): after at most {@link #MAX_AGE}, when every snapshot is rebuilt.</li>
 *       </ul>
 *       See {@link RoleIndexInvalidation}. A drop during a build wins: that build is not kept.</li>
 * </ul>
 *
 * <h2>Memory</h2>
 * About 100 bytes per role name. At most {@link #MAX_REALMS} realms and {@link #MAX_NAMES_TOTAL} names on a node,
 * least recently used realms dropped first; a realm with more than {@link #MAX_NAMES_PER_REALM} roles is not
 * indexed at all, and its lookups use Keycloak's database searches instead ({@link RealmRoleDirectory}). Nothing is
 * kept per sign-in or per user.
 */
final class RoleNameIndex {

    static final int MAX_NAMES_PER_REALM = 250_000;
    static final long MAX_NAMES_TOTAL = 1_000_000;
    static final int MAX_REALMS = 1_000;
    static final Duration MAX_AGE = Duration.ofMinutes(5);

    private static final Logger LOG = Logger.getLogger(RoleNameIndex.class);

    private final RealmSnapshots<RoleNames> snapshots;

    RoleNameIndex() {
        this(new RealmSnapshots<>(MAX_AGE, MAX_REALMS, MAX_NAMES_TOTAL, RoleNames::weight));
    }

    RoleNameIndex(RealmSnapshots<RoleNames> snapshots) {
        this.snapshots = snapshots;
    }

    /**
     * This Keycloak's index, kept by the provider factory of {@link RoleIndexInvalidation}; empty when that provider
     * is disabled (then nothing would keep an index in step, and lookups go to the database).
     */
    static Optional<RoleNameIndex> of(KeycloakSessionFactory factory) {
        return factory.getProviderFactory(EventListenerProvider.class, RoleIndexInvalidationFactory.PROVIDER_ID)
                instanceof RoleIndexInvalidationFactory owner ? Optional.of(owner.index()) : Optional.empty();
    }

    /** The realm's role names on this node: built now if there is no snapshot, or it was dropped or is too old. */
    RoleNames names(KeycloakSession session, RealmModel realm) {
        KeycloakSessionFactory factory = session.getKeycloakSessionFactory();
        String realmId = realm.getId();
        return snapshots.get(realmId, () -> build(factory, realmId));
    }

    /** Drops the realm's snapshot (the realm's roles changed); the next sign-in builds a new one. */
    void invalidate(String realmId) {
        snapshots.invalidate(realmId);
    }

    /** Drops every snapshot (roles changed in a realm this node cannot tell, or Keycloak stops). */
    void invalidateAll() {
        snapshots.invalidateAll();
    }

    /** A client was created or renamed in the realm: clientIds that named no client may name one now. */
    void clientsChanged(String realmId) {
        snapshots.ifPresent(realmId, RoleNames::forgetNonClients);
    }

    /** As {@link #clientsChanged(String)}, for a realm this node cannot tell. */
    void clientsChangedSomewhere() {
        snapshots.forEach(RoleNames::forgetNonClients);
    }

    private static RoleNames build(KeycloakSessionFactory factory, String realmId) {
        long start = System.nanoTime();
        RoleNames names = KeycloakModelUtils.runJobInTransactionWithResult(factory, session -> {
            RealmModel realm = session.realms().getRealm(realmId);
            RoleNames.Builder builder = RoleNames.builder(MAX_NAMES_PER_REALM);
            if (realm == null) {
                return builder.build();
            }
            try (Stream<RoleModel> roles = session.roles().getRealmRolesStream(realm, null, null)) {
                feed(roles.iterator(), builder, false);
            }
            try (Stream<RoleModel> roles = session.roles().searchForClientRolesStream(realm, "", Stream.empty(), null, null)) {
                feed(roles.iterator(), builder, true);
            }
            RoleNames built = builder.build();
            if (!built.isComplete()) {
                LOG.warnf("Realm %s has more than %d roles: JIT provisioning looks up its role names in the database "
                        + "instead of an index", realm.getName(), MAX_NAMES_PER_REALM);
            }
            return built;
        });
        LOG.debugf("Indexed %s role names of realm %s in %s ms", Integer.valueOf(names.size()), realmId, Long.valueOf((System.nanoTime() - start) / 1_000_000));
        return names;
    }

    private static void feed(Iterator<RoleModel> roles, RoleNames.Builder builder, boolean clientRoles) {
        while (roles.hasNext() && builder.wantsMore()) {
            RoleModel role = roles.next();
            if (clientRoles) {
                builder.clientRole(role.getContainerId(), role.getName());
            } else {
                builder.realmRole(role.getName());
            }
        }
    }
}
