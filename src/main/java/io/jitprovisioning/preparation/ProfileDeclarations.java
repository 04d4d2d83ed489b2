package io.jitprovisioning.preparation;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.keycloak.representations.userprofile.config.UPAttribute;
import org.keycloak.representations.userprofile.config.UPAttributePermissions;
import org.keycloak.representations.userprofile.config.UPConfig;

import io.jitprovisioning.profile.UserAttributes;

/**
 * The attributes the extension writes, declared in the realm's user profile: undeclared attributes are hidden from
 * the admin console and REST API under Keycloak's default user-profile settings. Declarations an administrator made
 * are left as they are. The provenance attributes of version 0.1 are no longer user attributes: their declarations
 * are removed.
 */
final class ProfileDeclarations {

    private static final Set<String> ADMIN = Set.of("admin");
    private static final Set<String> ADMIN_AND_USER = Set.of("admin", "user");
    /** Declared by version 0.1 for its provenance, now kept in the extension's tables. */
    static final List<String> OBSOLETE = List.of("jit.managed.roles", "jit.provisioned.by");
    static final String OBSOLETE_GROUP = "jit-provisioning";

    private ProfileDeclarations() {
    }

    static boolean isCurrent(UPConfig config) {
        return missingFrom(config).isEmpty() && OBSOLETE.stream().allMatch(name -> config.getAttribute(name) == null);
    }

    /** Declares what is missing and removes what is obsolete; false when nothing had to change. */
    static boolean update(UPConfig config) {
        if (isCurrent(config)) {
            return false;
        }
        missingFrom(config).forEach(config::addOrReplaceAttribute);
        OBSOLETE.forEach(config::removeAttribute);
        if (config.getAttributes().stream().noneMatch(attribute -> OBSOLETE_GROUP.equals(attribute.getGroup()))) {
            config.getGroups().removeIf(group -> OBSOLETE_GROUP.equals(group.getName()));
        }
        return true;
    }

    static List<UPAttribute> missingFrom(UPConfig config) {
        return declarations().stream().filter(attribute -> config.getAttribute(attribute.getName()) == null).toList();
    }

    static List<UPAttribute> declarations() {
        UPAttribute displayName = new UPAttribute(UserAttributes.DISPLAY_NAME, new UPAttributePermissions(ADMIN_AND_USER, ADMIN));
        displayName.setDisplayName("Display name");
        displayName.addValidation("length", Map.of("max", 255));

        UPAttribute phoneNumber = new UPAttribute(UserAttributes.PHONE_NUMBER, new UPAttributePermissions(ADMIN_AND_USER, ADMIN));
        phoneNumber.setDisplayName("Phone number");
        phoneNumber.addValidation("length", Map.of("max", 64));
        return List.of(displayName, phoneNumber);
    }
}
