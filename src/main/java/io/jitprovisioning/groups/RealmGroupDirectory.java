package io.jitprovisioning.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.ModelToRepresentation;

import io.jitprovisioning.roles.ProtectedRoles;

/**
 * The group directory of one realm, through Keycloak's indexed lookups: a path is followed name by name from the top
 * (every group it can name, see {@link GroupPaths}), a name is searched exactly first and ignoring case only when that
 * finds nothing. Never a walk over all groups.
 */
public final class RealmGroupDirectory implements GroupDirectory {

    /** More groups of one name than this are as ambiguous as two. */
    private static final int MAX_NAMESAKES = 2;

    private final KeycloakSession session;
    private final RealmModel realm;
    private final GroupPaths paths;

    public RealmGroupDirectory(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
        this.paths = new GroupPaths(session, realm);
    }

    @Override
    public List<GroupRef> find(String pathOrName) {
        if (pathOrName == null || pathOrName.isBlank()) {
            return List.of();
        }
        return findModels(pathOrName.trim()).stream().map(RealmGroupDirectory::toRef).toList();
    }

    /** The groups a path or name names: several when it is ambiguous (at most {@value #MAX_NAMESAKES}). */
    public List<GroupModel> findModels(String pathOrName) {
        if (pathOrName.startsWith("/")) {
            return paths.find(pathOrName, MAX_NAMESAKES);
        }
        // Some databases compare names ignoring case and accents even when asked for equality: only the exact name counts.
        List<GroupModel> exact = session.groups().searchForGroupByNameStream(realm, pathOrName, true, 0, 20)
                .filter(group -> pathOrName.equals(group.getName())).limit(MAX_NAMESAKES).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        return session.groups().searchForGroupByNameStream(realm, pathOrName, false, 0, 20)
                .filter(group -> sameIgnoringCase(group.getName(), pathOrName)).limit(MAX_NAMESAKES).toList();
    }

    /**
     * Equal in lower case and in upper case, by {@link Locale#ROOT}: "Sales" and "SALES" are, look-alikes are not.
     * Never {@code equalsIgnoreCase}, which takes 'ı' for 'i' and 'ſ' for 's'; and lower case alone takes the Kelvin
     * sign for 'k', whose upper case it is not.
     */
    public static boolean sameIgnoringCase(String a, String b) {
        return a.toLowerCase(Locale.ROOT).equals(b.toLowerCase(Locale.ROOT)) && a.toUpperCase(Locale.ROOT).equals(b.toUpperCase(Locale.ROOT));
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

    /** The group with its path and the ids of its parents up to the top. */
    public static GroupRef toRef(GroupModel group) {
        List<String> ancestors = new ArrayList<>();
        for (GroupModel parent = group.getParent(); parent != null; parent = parent.getParent()) {
            ancestors.add(parent.getId());
        }
        return new GroupRef(group.getId(), ModelToRepresentation.buildGroupPath(group), ancestors);
    }
}
