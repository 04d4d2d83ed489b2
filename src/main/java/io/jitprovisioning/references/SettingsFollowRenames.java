package io.jitprovisioning.references;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

import jakarta.persistence.PersistenceException;

import org.jboss.logging.Logger;
import org.keycloak.connections.jpa.PersistenceExceptionConverter;
import org.keycloak.models.ClientModel;
import org.keycloak.models.GroupModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.provider.ProviderEventListener;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.groups.RealmGroupDirectory;

/**
 * Keeps the roles and groups the JIT settings name true when an administrator renames them, as Keycloak's own
 * mappers do ({@code RoleConfigPropertyByRoleNameSynchronizer} and its siblings): on Keycloak's events for a role
 * renamed, a client given a new clientId, and a group renamed or moved, every JIT mapper of the realm is rewritten
 * ({@link FollowedSettings}), in the transaction of the change. Keycloak sends these events from its admin REST API
 * (and so the console); a change made another way (a partial import) sends none, and the setting then names
 * something that does not exist, which {@link MissingNames} reports. Sign-ins never write settings.
 */
public final class SettingsFollowRenames implements ProviderEventListener {

    private static final Logger LOG = Logger.getLogger(SettingsFollowRenames.class);

    @Override
    public void onEvent(ProviderEvent event) {
        if (event instanceof RoleModel.RoleNameChangeEvent renamed) {
            RealmModel realm = renamed.getRealm();
            follow(renamed.getKeycloakSession(), realm, () -> new RoleRename(renamed.getClientId(), renamed.getPreviousName(),
                    renamed.getNewName(), memoized(() -> roleNames(realm, renamed.getClientId())),
                    clientId -> realm.getClientByClientId(clientId) != null));
        } else if (event instanceof ClientModel.ClientIdChangeEvent renamed) {
            RealmModel realm = renamed.getUpdatedClient().getRealm();
            follow(renamed.getKeycloakSession(), realm, () -> new ClientRename(renamed.getPreviousClientId(), renamed.getNewClientId(),
                    clientId -> realm.getClientByClientId(clientId) != null));
        } else if (event instanceof GroupModel.GroupPathChangeEvent moved && moved.getGroup().getType() == GroupModel.Type.REALM) {
            KeycloakSession session = moved.getKeycloakSession();
            follow(session, moved.getRealm(), () -> groupPathChange(session, moved));
        }
    }

    private static GroupPathChange groupPathChange(KeycloakSession session, GroupModel.GroupPathChangeEvent moved) {
        GroupModel group = moved.getGroup();
        String previousName = GroupPathChange.previousName(moved.getPreviousPath(), moved.getNewPath(), group.getName(),
                KeycloakModelUtils.escapeSlashesInGroupPath(session));
        return new GroupPathChange(RealmGroupDirectory.toRef(group), moved.getPreviousPath(), previousName, group.getName(),
                new RealmGroupDirectory(session, moved.getRealm()));
    }

    /** Rewrites every JIT mapper of the realm that names what {@code rename} changed; the rename is made only if there is one. */
    private static void follow(KeycloakSession session, RealmModel realm, Supplier<Rename> rename) {
        if (session == null || realm == null) {
            return;
        }
        RealmModel contextRealm = session.getContext().getRealm();
        // Keycloak's mapper store reads and writes the realm of the session's context.
        session.getContext().setRealm(realm);
        try {
            List<IdentityProviderMapperModel> mappers = session.identityProviders().getMappersStream()
                    .filter(mapper -> ProviderIds.MAPPER.equals(mapper.getIdentityProviderMapper())).toList();
            if (mappers.isEmpty()) {
                return;
            }
            Rename change = rename.get();
            for (IdentityProviderMapperModel mapper : mappers) {
                FollowedSettings followed = FollowedSettings.of(mapper.getConfig(), change);
                if (!followed.changed().isEmpty()) {
                    mapper.setConfig(new LinkedHashMap<>(followed.config()));
                    session.identityProviders().updateMapper(mapper);
                    LOG.infof("Realm %s: %s; the JIT mapper '%s' of identity provider %s follows (%s)", realm.getName(),
                            change.describe(), mapper.getName(), mapper.getIdentityProviderAlias(), String.join(", ", followed.changed()));
                }
            }
        } catch (PersistenceException invalidChange) {
            // Our lookups make the database check the change early (Hibernate flushes before a query): a name already
            // taken fails here instead of at commit. Converted as Keycloak converts it at commit, so the administrator
            // gets the same answer (409) as without the extension.
            throw PersistenceExceptionConverter.convert(invalidChange);
        } finally {
            session.getContext().setRealm(contextRealm);
        }
    }

    private static Collection<String> roleNames(RealmModel realm, String clientId) {
        if (clientId == null) {
            try (Stream<RoleModel> roles = realm.getRolesStream()) {
                return roles.map(RoleModel::getName).toList();
            }
        }
        ClientModel client = realm.getClientByClientId(clientId);
        if (client == null) {
            return List.of();
        }
        try (Stream<RoleModel> roles = client.getRolesStream()) {
            return roles.map(RoleModel::getName).toList();
        }
    }

    /** Reads the realm's role names once, and only for a setting value that could have named the role. */
    private static <T> Supplier<T> memoized(Supplier<T> supplier) {
        return new Supplier<>() {
            private T value;

            @Override
            public T get() {
                if (value == null) {
                    value = supplier.get();
                }
                return value;
            }
        };
    }
}
