package io.jitprovisioning.login;

import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_GROUPS;
import static io.jitprovisioning.config.JitConfigProperties.ASSIGNABLE_ROLES;

import java.util.ArrayList;
import java.util.List;

import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnusableSetting;
import io.jitprovisioning.groups.GroupAllowlist;
import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.groups.RealmGroupDirectory;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RoleAllowlist;

/**
 * The JIT settings of an identity provider as its realm reads them: which gate and allowlist settings are set but
 * unusable (each refuses every sign-in through the identity provider with {@code SETTINGS_INVALID}), and which
 * allowlist entries are left out while the others apply. A sign-in, the preview and the REST API ask the same.
 */
public final class SettingsCheck {

    private static final Logger LOG = Logger.getLogger(SettingsCheck.class);

    private final JitSettings settings;
    private final RoleAllowlist roles;
    private final GroupAllowlist groups;

    SettingsCheck(JitSettings settings, RoleAllowlist roles, GroupAllowlist groups) {
        this.settings = settings;
        this.roles = roles;
        this.groups = groups;
    }

    public static SettingsCheck of(KeycloakSession session, RealmModel realm, JitSettings settings) {
        return new SettingsCheck(settings, RoleAllowlist.resolve(settings.get(ASSIGNABLE_ROLES), new RealmRoleDirectory(session, realm)),
                GroupAllowlist.resolve(settings.get(ASSIGNABLE_GROUPS), new RealmGroupDirectory(session, realm)));
    }

    /** The settings that refuse every sign-in until fixed, in the order of the mapper's form. */
    public List<UnusableSetting> unusable() {
        List<UnusableSetting> unusable = new ArrayList<>();
        roles.unusable().ifPresent(unusable::add);
        groups.unusable().ifPresent(unusable::add);
        unusable.addAll(settings.unusable());
        return unusable;
    }

    /**
     * An administrator must fix the setting, and nobody else can: said at WARN for each refused sign-in, naming the
     * realm, the identity provider and the setting's key, never the person.
     */
    public static void warnIfRefused(String realmName, String idpAlias, JitError code, String rule) {
        if (code == JitError.SETTINGS_INVALID) {
            LOG.warnf("JIT refused a sign-in through identity provider %s in realm %s: the JIT mapper's setting %s is set but "
                    + "unusable, so every sign-in through it is refused (SETTINGS_INVALID) until an administrator fixes it",
                    idpAlias, realmName, rule);
        }
    }

    /** Allowlist entries naming no role or group (or more than one group) while other entries apply: narrower, not broken. */
    public List<String> ignoredEntries() {
        List<String> ignored = new ArrayList<>(roles.ignoredEntries());
        ignored.addAll(groups.ignoredEntries());
        return ignored;
    }
}
