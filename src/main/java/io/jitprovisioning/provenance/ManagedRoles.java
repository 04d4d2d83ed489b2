package io.jitprovisioning.provenance;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.UserModel;

/**
 * Which roles the extension granted to an account, kept as role ids in a user attribute that the realm's user
 * profile declares read-only for everyone (see {@code ProfileDeclarations}). Roles outside this set were granted
 * some other way, by hand for instance, and the extension never revokes them.
 */
public final class ManagedRoles {

    public static final String ATTRIBUTE = "jit.managed.roles";

    private ManagedRoles() {
    }

    public static Set<String> read(UserModel user) {
        return user.getAttributeStream(ATTRIBUTE).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static void write(UserModel user, Set<String> roleIds) {
        if (roleIds.isEmpty()) {
            user.removeAttribute(ATTRIBUTE);
        } else {
            user.setAttribute(ATTRIBUTE, List.copyOf(roleIds));
        }
    }
}
