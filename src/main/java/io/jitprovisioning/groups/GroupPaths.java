package io.jitprovisioning.groups;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.models.GroupModel;
import org.keycloak.models.GroupProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Every group a path can name. Keycloak does not escape a {@code /} in a group's name by default, so
 * {@code /engineering/ops} is the path of the subgroup {@code ops} of {@code engineering} and also of a top-level
 * group named {@code engineering/ops}. Keycloak's {@code KeycloakModelUtils.findGroupByPath} (26.4 to 26.7) follows
 * the shortest names first and returns the first group it reaches; here every reading of the path is followed, so
 * that the caller can refuse a path that names two groups instead of picking one.
 */
final class GroupPaths {

    /** Lookups one path may cost; a path that needs more names nothing (no realm's groups need that many). */
    static final int MAX_LOOKUPS = 200;

    /** Keycloak stores group names in a column of 255 characters: a longer name names nothing. */
    private static final int MAX_NAME_LENGTH = 255;

    private final KeycloakSession session;
    private final RealmModel realm;
    private Boolean namesMayHoldSlashes;

    GroupPaths(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** Up to {@code max} groups the path names; empty when it names none (or too costly a path). */
    List<GroupModel> find(String path, int max) {
        boolean escaped = KeycloakModelUtils.escapeSlashesInGroupPath(session);
        String[] segments = KeycloakModelUtils.splitPath(path, escaped);
        if (segments == null || segments.length == 0) {
            return List.of();
        }
        Walk walk = new Walk(session.groups(), segments, max, !escaped && namesMayHoldSlashes());
        walk.from(null, 0);
        return walk.lookups > MAX_LOOKUPS ? List.of() : walk.found;
    }

    /**
     * Whether any group of the realm has a {@code /} in its name; asked once. Without one, each segment of a path is
     * one name, and a path costs one lookup per segment, as in Keycloak.
     */
    private boolean namesMayHoldSlashes() {
        if (namesMayHoldSlashes == null) {
            namesMayHoldSlashes = session.groups().searchForGroupByNameStream(realm, "/", false, 0, 1).findAny().isPresent();
        }
        return namesMayHoldSlashes;
    }

    /** One search through the tree: at each level, the name may be the next segment or several joined with '/'. */
    private final class Walk {
        final GroupProvider groups;
        final String[] segments;
        final int max;
        final boolean joinSegments;
        final List<GroupModel> found = new ArrayList<>();
        int lookups;

        Walk(GroupProvider groups, String[] segments, int max, boolean joinSegments) {
            this.groups = groups;
            this.segments = segments;
            this.max = max;
            this.joinSegments = joinSegments;
        }

        void from(GroupModel parent, int index) {
            StringBuilder name = new StringBuilder();
            for (int i = index; i < segments.length && found.size() < max && lookups <= MAX_LOOKUPS; i++) {
                if (i > index) {
                    name.append('/');
                }
                name.append(segments[i]);
                if (name.length() > MAX_NAME_LENGTH) {
                    return;
                }
                lookups++;
                GroupModel group = groups.getGroupByName(realm, parent, name.toString());
                // The name's column may compare ignoring case in some databases: only the exact name counts.
                if (group != null && name.toString().equals(group.getName())) {
                    if (i == segments.length - 1) {
                        found.add(group);
                    } else {
                        from(group, i + 1);
                    }
                }
                if (!joinSegments) {
                    return;
                }
            }
        }
    }
}
