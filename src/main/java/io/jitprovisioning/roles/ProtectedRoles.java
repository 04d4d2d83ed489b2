package io.jitprovisioning.roles;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.keycloak.Config;
import org.keycloak.models.AdminRoles;
import org.keycloak.models.ClientModel;
import org.keycloak.models.Constants;
import org.keycloak.models.GroupModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleContainerModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

/**
 * The guard that no configuration can lift: Keycloak's admin roles, and every composite that contains one at any
 * depth, are never granted by an identity provider.
 */
public final class ProtectedRoles {

    private ProtectedRoles() {
    }

    /**
     * Whether the account's effective roles include an admin role: its direct role mappings, and those of its groups
     * and all their parent groups, each with the composites they contain at any depth.
     */
    public static boolean heldBy(UserModel user) {
        if (user.getRoleMappingsStream().anyMatch(ProtectedRoles::isProtected)) {
            return true;
        }
        Set<String> seenGroups = new HashSet<>();
        return user.getGroupsStream().anyMatch(group -> groupHolds(group, seenGroups));
    }

    private static boolean groupHolds(GroupModel group, Set<String> seen) {
        for (GroupModel current = group; current != null && seen.add(current.getId()); current = current.getParent()) {
            if (current.getRoleMappingsStream().anyMatch(ProtectedRoles::isProtected)) {
                return true;
            }
        }
        return false;
    }

    public static boolean isProtected(RoleModel role) {
        Deque<RoleModel> pending = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        pending.push(role);
        while (!pending.isEmpty()) {
            RoleModel current = pending.pop();
            if (!seen.add(current.getId())) {
                continue;
            }
            if (isAdminRole(current)) {
                return true;
            }
            if (current.isComposite()) {
                current.getCompositesStream().forEach(pending::push);
            }
        }
        return false;
    }

    /** A role of {@code realm-management}, of a master-realm {@code <realm>-realm} client, or master's admin roles. */
    static boolean isAdminRole(RoleModel role) {
        RoleContainerModel container = role.getContainer();
        if (container instanceof ClientModel client) {
            return Constants.REALM_MANAGEMENT_CLIENT_ID.equals(client.getClientId()) || isMasterAdminClient(client);
        }
        if (container instanceof RealmModel realm && isMaster(realm)) {
            return AdminRoles.ADMIN.equals(role.getName()) || AdminRoles.CREATE_REALM.equals(role.getName());
        }
        return false;
    }

    private static boolean isMasterAdminClient(ClientModel client) {
        RealmModel realm = client.getRealm();
        return isMaster(realm) && client.getClientId().endsWith("-realm");
    }

    private static boolean isMaster(RealmModel realm) {
        return realm != null && AdminRealm.NAME.equals(realm.getName());
    }

    /** Read once: Keycloak's config lookup goes through its whole config system on every call. */
    private static final class AdminRealm {
        static final String NAME = Config.getAdminRealm();
    }
}
