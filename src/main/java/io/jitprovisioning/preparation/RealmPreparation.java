package io.jitprovisioning.preparation;

import static io.jitprovisioning.config.JitConfigProperties.DEFAULT_ROLE;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.userprofile.UserProfileProvider;

import io.jitprovisioning.config.JitSettings;

/**
 * What a realm needs before the first account is provisioned: the user-profile declarations of the attributes the
 * extension writes, and the role {@code Agent} when it is the default role. Done at setup (the REST API and the
 * console page) and, for a hand-built setup, once before the first sign-in; never in the write path of a sign-in.
 */
public final class RealmPreparation {

    private static final Logger LOG = Logger.getLogger(RealmPreparation.class);
    private static final String FALLBACK_ROLE_DESCRIPTION = "Default role of users provisioned just in time (JIT provisioning)";

    private RealmPreparation() {
    }

    /** Prepares the session's current realm in the session's own transaction (an administrator's setup request). */
    public static void prepare(KeycloakSession session, RealmModel realm, JitSettings settings) {
        UserProfileProvider profiles = session.getProvider(UserProfileProvider.class);
        UPConfig config = profiles.getConfiguration();
        if (ProfileDeclarations.update(config)) {
            profiles.setConfiguration(config);
            LOG.infof("Updated the JIT provisioning declarations in the user profile of realm %s", realm.getName());
        }
        if (needsDefaultRole(realm, settings)) {
            RoleModel role = realm.addRole(DEFAULT_ROLE.defaultValue());
            role.setDescription(FALLBACK_ROLE_DESCRIPTION);
            LOG.infof("Created the default role %s in realm %s", DEFAULT_ROLE.defaultValue(), realm.getName());
        }
    }

    /**
     * Before a first sign-in: cheap when the realm is prepared; otherwise prepares it in a transaction of its own,
     * so that concurrent first sign-ins neither fail on the role's unique name nor leave half-made accounts.
     */
    public static void ensure(KeycloakSession session, RealmModel realm, JitSettings settings) {
        boolean roleMissing = needsDefaultRole(realm, settings);
        if (!roleMissing && ProfileDeclarations.isCurrent(session.getProvider(UserProfileProvider.class).getConfiguration())) {
            return;
        }
        String realmId = realm.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                RealmModel ownRealm = own.realms().getRealm(realmId);
                own.getContext().setRealm(ownRealm);
                prepare(own, ownRealm, settings);
            });
        } catch (RuntimeException concurrentlyPrepared) {
            // A concurrent first sign-in prepared the realm between our check and our commit.
            LOG.debugf(concurrentlyPrepared, "Realm %s was prepared concurrently", realm.getName());
        }
    }

    /** The default role is the setting's own default ({@code Agent}), which the realm does not have yet. */
    private static boolean needsDefaultRole(RealmModel realm, JitSettings settings) {
        return DEFAULT_ROLE.isDefault(settings.get(DEFAULT_ROLE)) && realm.getRole(DEFAULT_ROLE.defaultValue()) == null;
    }
}
