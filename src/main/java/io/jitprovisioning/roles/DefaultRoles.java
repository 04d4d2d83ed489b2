package io.jitprovisioning.roles;

import java.util.Optional;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import io.jitprovisioning.config.JitSettings;

/**
 * Finds the default role; when none is chosen, finds or creates the realm role {@code Agent}. Creation runs in a
 * transaction of its own so that concurrent first logins neither fail on the role's unique name nor leave
 * half-made accounts behind.
 */
public final class DefaultRoles {

    private static final Logger LOG = Logger.getLogger(DefaultRoles.class);

    private DefaultRoles() {
    }

    public static Optional<RoleRef> find(KeycloakSession session, RealmModel realm, RealmRoleDirectory directory,
                                         JitSettings settings, String idpAlias) {
        Optional<RoleModel> role = directory.findModel(settings.defaultRole());
        if (role.isEmpty()) {
            role = directory.findExactly(settings.defaultRole());
        }
        if (role.isEmpty() && settings.usesFallbackDefaultRole()) {
            createFallbackRole(session, realm);
            role = Optional.ofNullable(realm.getRole(JitSettings.FALLBACK_DEFAULT_ROLE));
        }
        if (role.isEmpty()) {
            LOG.warnf("The default role '%s' of identity provider %s in realm %s does not exist: no default role granted",
                    settings.defaultRole(), idpAlias, realm.getName());
        }
        return role.map(RealmRoleDirectory::toRef);
    }

    private static void createFallbackRole(KeycloakSession session, RealmModel realm) {
        String realmId = realm.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                RealmModel ownRealm = own.realms().getRealm(realmId);
                if (ownRealm.getRole(JitSettings.FALLBACK_DEFAULT_ROLE) == null) {
                    RoleModel created = ownRealm.addRole(JitSettings.FALLBACK_DEFAULT_ROLE);
                    created.setDescription("Default role of users provisioned just in time (created by JIT provisioning)");
                    LOG.infof("Created the default role %s in realm %s", JitSettings.FALLBACK_DEFAULT_ROLE, ownRealm.getName());
                }
            });
        } catch (RuntimeException concurrentlyCreated) {
            // Another login created it between our check and our commit: the role exists, which is all we need.
            LOG.debugf(concurrentlyCreated, "Role %s was created concurrently in realm %s", JitSettings.FALLBACK_DEFAULT_ROLE, realm.getName());
        }
        // Keycloak reports a role created through its model API to no one: tell this node's index ourselves.
        RoleNameIndex.invalidate(realmId);
    }
}
