package io.jitprovisioning.roles;

import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The role directory of one realm, for one sign-in (or one admin request). Names are matched by the rules of
 * {@link IndexedRoleLookup} against this node's snapshot of the realm's role names ({@link RoleNameIndex}), so that
 * a value costs a few hash lookups whatever the number of roles, clients and groups in the realm. When there is no
 * usable snapshot (a realm too large to index, building one failed, or the index's provider is disabled) the same rules run on Keycloak's database
 * searches instead ({@link SearchedRoleLookup}): slower, never wrong.
 */
public final class RealmRoleDirectory implements RoleDirectory {

    private static final Logger LOG = Logger.getLogger(RealmRoleDirectory.class);

    private final KeycloakSession session;
    private final RealmModel realm;
    private final IndexedRoleLookup<ClientModel, RoleModel> indexed;
    private final Optional<RoleNameIndex> index;
    private RoleNames names;

    public RealmRoleDirectory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.indexed = new IndexedRoleLookup<>(new KeycloakModel(realm));
        this.index = RoleNameIndex.of(session.getKeycloakSessionFactory());
    }

    @Override
    public Optional<RoleRef> find(String name) {
        return findModel(name).map(RealmRoleDirectory::toRef);
    }

    @Override
    public Optional<RoleRef> byId(String id) {
        return Optional.ofNullable(realm.getRoleById(id)).map(RealmRoleDirectory::toRef);
    }

    @Override
    public Optional<RoleRef> findExactly(String name) {
        return findExactModel(name).map(RealmRoleDirectory::toRef);
    }

    @Override
    public boolean isProtected(RoleRef role) {
        RoleModel model = realm.getRoleById(role.id());
        return model == null || ProtectedRoles.isProtected(model);
    }

    @Override
    public boolean namesAdminRole(String name) {
        if (name == null || name.isBlank()) {
            return false;
        }
        return withSnapshot(names -> indexed.clientHasRole(names, Constants.REALM_MANAGEMENT_CLIENT_ID, name),
                () -> SearchedRoleLookup.clientHasRole(session, realm, Constants.REALM_MANAGEMENT_CLIENT_ID, name));
    }

    /** The role named so ({@code role} or {@code clientId.role}), by the rules of {@link IndexedRoleLookup}. */
    public Optional<RoleModel> findModel(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        return withSnapshot(names -> indexed.find(names, name), () -> SearchedRoleLookup.find(session, realm, name));
    }

    /**
     * The role of exactly this name, straight from Keycloak (no index): for the default role, which may have been
     * created a moment ago by code that reports it to no one, such as the one-step setup.
     */
    public Optional<RoleModel> findExactModel(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        for (int lookups = 0; dot > 0 && lookups < IndexedRoleLookup.MAX_CLIENT_LOOKUPS; lookups++) {
            ClientModel client = realm.getClientByClientId(name.substring(0, dot));
            if (client != null) {
                return Optional.ofNullable(client.getRole(name.substring(dot + 1)));
            }
            dot = name.lastIndexOf('.', dot - 1);
        }
        return Optional.ofNullable(realm.getRole(name));
    }

    public static RoleRef toRef(RoleModel role) {
        String name = role.isClientRole()
                ? ((ClientModel) role.getContainer()).getClientId() + "." + role.getName()
                : role.getName();
        return new RoleRef(role.getId(), name);
    }

    /**
     * Answers from the snapshot; when it proposed a role Keycloak no longer has, from a new snapshot; when that
     * one does too (Keycloak's cache not caught up yet), or there is none, from the database.
     */
    private <T> T withSnapshot(Function<RoleNames, T> fromSnapshot, Supplier<T> fromDatabase) {
        for (int attempt = 0; attempt < 2; attempt++) {
            RoleNames snapshot = names();
            if (snapshot == null || !snapshot.isComplete()) {
                return fromDatabase.get();
            }
            try {
                return fromSnapshot.apply(snapshot);
            } catch (IndexedRoleLookup.StaleSnapshot stale) {
                LOG.debugf("Role name index of realm %s out of date (%s): rebuilding it", realm.getName(), stale.getMessage());
                index.ifPresent(nodeIndex -> nodeIndex.invalidate(realm.getId()));
                names = null;
            }
        }
        return fromDatabase.get();
    }

    private RoleNames names() {
        if (names == null) {
            try {
                names = index.map(nodeIndex -> nodeIndex.names(session, realm)).orElse(null);
            } catch (RuntimeException e) {
                LOG.warnf(e, "Could not index the role names of realm %s: looking them up in the database", realm.getName());
                return null;
            }
        }
        return names;
    }

    /** Keycloak's own lookups by exact name, cached by its realm cache. */
    private record KeycloakModel(RealmModel realm) implements IndexedRoleLookup.Model<ClientModel, RoleModel> {

        @Override
        public RoleModel realmRole(String exactName) {
            return realm.getRole(exactName);
        }

        @Override
        public ClientModel clientByClientId(String clientId) {
            return realm.getClientByClientId(clientId);
        }

        @Override
        public String clientUuid(ClientModel client) {
            return client.getId();
        }

        @Override
        public RoleModel clientRole(ClientModel client, String exactName) {
            return client.getRole(exactName);
        }
    }
}
