package io.jitprovisioning.userprofile;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;
import org.keycloak.representations.userprofile.config.UPGroup;
import org.keycloak.userprofile.UserProfileProvider;

import io.jitprovisioning.provenance.ManagedRoles;
import io.jitprovisioning.provenance.ProvisionedBy;
import io.jitprovisioning.sync.AccountSync;

/**
 * Declares the attributes the extension writes in the realm's user profile. Undeclared attributes are hidden from
 * the admin console and REST API under Keycloak's default user-profile settings, and the provenance attribute
 * must be out of the user's reach. Existing declarations made by an administrator are left as they are.
 */
public final class ProfileDeclarations {

    public static final String GROUP = "jit-provisioning";

    private static final Logger LOG = Logger.getLogger(ProfileDeclarations.class);
    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> ADMIN_AND_USER = Set.of("admin", "user");

    private ProfileDeclarations() {
    }

    /** Cheap when all is declared; otherwise declares what is missing in a transaction of its own. */
    public static void ensureDeclared(KeycloakSession session, RealmModel realm) {
        UPConfig config = session.getProvider(UserProfileProvider.class).getConfiguration();
        if (missingFrom(config).isEmpty()) {
            return;
        }
        String realmId = realm.getId();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                own.getContext().setRealm(own.realms().getRealm(realmId));
                declareIn(own);
            });
        } catch (RuntimeException e) {
            // A concurrent login may have declared them first; the next write checks again.
            LOG.debugf(e, "Could not declare the JIT attributes in the user profile of realm %s", realm.getName());
        }
    }

    /** Declares what is missing in the user profile of the session's current realm, in the session's transaction. */
    public static void declareIn(KeycloakSession session) {
        UserProfileProvider provider = session.getProvider(UserProfileProvider.class);
        UPConfig config = provider.getConfiguration();
        List<UPAttribute> missing = missingFrom(config);
        if (missing.isEmpty()) {
            return;
        }
        if (config.getGroups().stream().noneMatch(group -> GROUP.equals(group.getName()))) {
            UPGroup group = new UPGroup(GROUP);
            group.setDisplayHeader("JIT provisioning");
            group.setDisplayDescription("Kept by the JIT provisioning extension; read-only.");
            config.addGroup(group);
        }
        missing.forEach(config::addOrReplaceAttribute);
        provider.setConfiguration(config);
        LOG.infof("Declared %s in the user profile of realm %s",
                missing.stream().map(UPAttribute::getName).toList(), session.getContext().getRealm().getName());
    }

    static List<UPAttribute> missingFrom(UPConfig config) {
        return declarations().stream().filter(attribute -> config.getAttribute(attribute.getName()) == null).toList();
    }

    static List<UPAttribute> declarations() {
        UPAttribute displayName = new UPAttribute(AccountSync.DISPLAY_NAME, new UPAttributePermissions(ADMIN_AND_USER, ADMIN));
        displayName.setDisplayName("Display name");
        displayName.addValidation("length", Map.of("max", 255));

        UPAttribute phoneNumber = new UPAttribute(AccountSync.PHONE_NUMBER, new UPAttributePermissions(ADMIN_AND_USER, ADMIN));
        phoneNumber.setDisplayName("Phone number");
        phoneNumber.addValidation("length", Map.of("max", 64));

        UPAttribute managedRoles = new UPAttribute(ManagedRoles.ATTRIBUTE, true, new UPAttributePermissions(ADMIN, Set.of()));
        managedRoles.setDisplayName("Roles granted by the identity provider (role ids)");
        managedRoles.setGroup(GROUP);
        UPAttribute provisionedBy = new UPAttribute(ProvisionedBy.ATTRIBUTE, new UPAttributePermissions(ADMIN, Set.of()));
        provisionedBy.setDisplayName("Created for (identity provider:identity)");
        provisionedBy.setGroup(GROUP);
        return List.of(displayName, phoneNumber, managedRoles, provisionedBy);
    }
}
