package io.jitprovisioning.roles;

import static io.jitprovisioning.config.JitConfigProperties.DEFAULT_ROLE;

import java.util.Optional;

import org.jboss.logging.Logger;

import io.jitprovisioning.config.JitSettings;

/**
 * Finds the default role. The realm's preparation (at setup, or before the first sign-in) creates {@code Agent}
 * when it is the default; a sign-in only looks roles up.
 */
public final class DefaultRoles {

    private static final Logger LOG = Logger.getLogger(DefaultRoles.class);

    private DefaultRoles() {
    }

    public static Optional<RoleRef> find(RoleDirectory directory, JitSettings settings, String idpAlias, String realmName) {
        Optional<RoleRef> role = directory.find(settings.get(DEFAULT_ROLE)).or(() -> directory.findExactly(settings.get(DEFAULT_ROLE)));
        if (role.isEmpty()) {
            LOG.warnf("The default role '%s' of identity provider %s in realm %s does not exist: no default role granted",
                    settings.get(DEFAULT_ROLE), idpAlias, realmName);
        }
        return role;
    }
}
