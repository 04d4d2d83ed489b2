package io.jitprovisioning.references;

import static io.jitprovisioning.config.JitConfigProperties.DEFAULT_ROLE;
import static io.jitprovisioning.config.JitConfigProperties.GROUP_VALUES;
import static io.jitprovisioning.config.JitConfigProperties.ROLE_VALUES;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.groups.GroupDirectory;
import io.jitprovisioning.groups.GroupRef;
import io.jitprovisioning.groups.RealmGroupDirectory;
import io.jitprovisioning.problem.ProblemCode;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RoleDirectory;

/**
 * The roles and groups the JIT settings name that the realm does not have: deleted since (a rename through the admin
 * API is followed, see {@link SettingsFollowRenames}), renamed another way, or mistyped in the mapper's form, which
 * checks nothing. A sign-in goes on without them: no default role, a table value that grants or joins nothing. For
 * the administrator, in {@code GET /identity-providers/{alias}} and in the preview, with the setup's own codes.
 * (Entries of the allowlists are reported with the allowlists: left out, or, when none is left, SETTINGS_INVALID.)
 */
public final class MissingNames {

    /** The code of an explicitly chosen default role that does not exist (the preview's since it was written). */
    public static final ProblemCode DEFAULT_ROLE_MISSING = ProblemCode.DEFAULT_ROLE_MISSING;
    /** The setup's code for a role-value target that does not exist. */
    public static final ProblemCode UNKNOWN_ROLE_VALUE_TARGET = ProblemCode.UNKNOWN_ROLE_VALUE_TARGET;
    /** The setup's code for a group-value target that names no group, or several. */
    public static final ProblemCode UNKNOWN_GROUP = ProblemCode.UNKNOWN_GROUP;

    /**
     * One setting value that names nothing.
     *
     * @param key     the setting's stored key
     * @param code    the public code
     * @param message what it means, for the administrator
     */
    public record Missing(String key, ProblemCode code, String message) {

        /** The sentence of the REST API's {@code settings.problems}. */
        public String sentence() {
            return key + ": " + message + " (" + code + ")";
        }
    }

    private MissingNames() {
    }

    public static List<Missing> of(KeycloakSession session, RealmModel realm, JitSettings settings) {
        return of(settings, new RealmRoleDirectory(session, realm), new RealmGroupDirectory(session, realm));
    }

    static List<Missing> of(JitSettings settings, RoleDirectory roles, GroupDirectory groups) {
        List<Missing> missing = new ArrayList<>();
        String defaultRole = settings.get(DEFAULT_ROLE);
        // The fallback role Agent is created before the first sign-in: not missing, only not prepared yet.
        if (!DEFAULT_ROLE.isDefault(defaultRole) && roles.find(defaultRole).or(() -> roles.findExactly(defaultRole)).isEmpty()) {
            missing.add(new Missing(DEFAULT_ROLE.key(), DEFAULT_ROLE_MISSING,
                    "The default role '" + defaultRole + "' does not exist: nobody gets a default role."));
        }
        settings.get(ROLE_VALUES).forEach((value, role) -> {
            if (roles.find(role).isEmpty()) {
                missing.add(new Missing(ROLE_VALUES.key(), UNKNOWN_ROLE_VALUE_TARGET, "The role-value table maps '" + value
                        + "' to the role '" + role + "', which does not exist in this realm: that value grants no role."));
            }
        });
        settings.get(GROUP_VALUES).forEach((value, group) -> {
            List<GroupRef> found = groups.find(group);
            if (found.size() != 1) {
                missing.add(new Missing(GROUP_VALUES.key(), UNKNOWN_GROUP, "The group-value table maps '" + value + "' to '" + group
                        + "', which names " + (found.isEmpty() ? "no group" : "more than one group (write its path)")
                        + " of this realm: that value joins no group."));
            }
        });
        return missing;
    }
}
