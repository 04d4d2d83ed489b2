package io.jitprovisioning.groups;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.ModelToRepresentation;

import io.jitprovisioning.roles.ProtectedRoles;

/**
 * The group directory of one realm, through Keycloak's indexed lookups: a path is followed name by name from the top,
 * a name is searched exactly first and ignoring case only when that finds nothing. Never a walk over all groups.
 */
public final class RealmGroupDirectory implements GroupDirectory {

    /** More groups of one name than this are as ambiguous as two. */
    private static final int MAX_NAMESAKES = 2;

    private final KeycloakSession session;
    private final RealmModel realm;

    public RealmGroupDirectory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    @Override
    public List<GroupRef> find(String pathOrName) {
        if (pathOrName == null || pathOrName.isBlank()) {
            return List.of();
        }
        return findModels(pathOrName.trim()).stream().map(RealmGroupDirectory::toRef).toList();
    }

    public List<GroupModel> findModels(String pathOrName) {
        if (pathOrName.startsWith("/")) {
            GroupModel group = KeycloakModelUtils.findGroupByPath(session, realm, pathOrName);
            return group == null ? List.of() : List.of(group);
        }
        List<GroupModel> exact = session.groups().searchForGroupByNameStream(realm, pathOrName, true, 0, MAX_NAMESAKES).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return session.groups().searchForGroupByNameStream(realm, pathOrName, false, 0, 20)
                .filter(group -> group.getName().equalsIgnoreCase(pathOrName)).limit(MAX_NAMESAKES).toList();
    }

    @Override
    public Optional<GroupRef> byId(String id) {
        return Optional.ofNullable(session.groups().getGroupById(realm, id)).map(RealmGroupDirectory::toRef);
    }

    @Override
    public boolean isProtected(GroupRef group) {
        GroupModel model = session.groups().getGroupById(realm, group.id());
        return model == null || isProtected(model);
    }

    /** A group whose own role mappings, or those of a parent group at any height, include an admin role. */
    public static boolean isProtected(GroupModel group) {
        for (GroupModel current = group; current != null; current = current.getParent()) {
            if (current.getRoleMappingsStream().anyMatch(ProtectedRoles::isProtected)) {
                return true;
            }
        }
        return false;
    }

    public static GroupRef toRef(GroupModel group) {
        return new GroupRef(group.getId(), ModelToRepresentation.buildGroupPath(group));
    }
}
