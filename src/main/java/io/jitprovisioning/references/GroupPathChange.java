package io.jitprovisioning.references;

import java.util.List;
import java.util.Optional;

import org.keycloak.models.utils.KeycloakModelUtils;

import io.jitprovisioning.groups.GroupDirectory;
import io.jitprovisioning.groups.GroupRef;
import io.jitprovisioning.groups.RealmGroupDirectory;

/**
 * A group renamed or moved ({@code GroupModel.GroupPathChangeEvent}, sent once for the group, none for its
 * subgroups, whose paths change with it). What the setting values name is checked in the realm as it is now, by the
 * groups' ids, because a path alone does not tell where a group sits: names may hold {@code /}, so the top-level
 * group {@code a/b} and the subgroup {@code b} of {@code a} share the path {@code /a/b}.
 * <ul>
 *   <li>A path that was the group's or one of its subgroups' gets the new path, when that names exactly that group
 *       now, and no group outside the moved ones still has the old path (then the old path was ambiguous, or not
 *       theirs, and named nothing the administrator could mean).</li>
 *   <li>A bare name is left alone when it still names a group. After a rename, the old name (exactly, or ignoring
 *       case) names nothing: it gets the new name if that is unique, else the new path.</li>
 * </ul>
 *
 * @param group        the group after the change: its id, new path and parents
 * @param previousPath its path before
 * @param previousName its name before, when the change renamed it; null when only its place changed
 * @param newName      its name now
 * @param groupsNow    the realm's groups after the change
 */
record GroupPathChange(GroupRef group, String previousPath, String previousName, String newName, GroupDirectory groupsNow)
        implements Rename {

    /**
     * The group's name before the change, when the change renamed it, from its paths: a rename keeps the parent, so
     * the old path is the parent's path and the old name. Null when the old path already ended in the group's name
     * (a move; also a rename of {@code a/b} to {@code b}, whose bare-name values then name nothing and are reported).
     *
     * @param escapedSlashes whether Keycloak writes a {@code /} in a name as {@code ~/} in paths
     */
    static String previousName(String previousPath, String newPath, String newName, boolean escapedSlashes) {
        String segment = KeycloakModelUtils.buildGroupPath(escapedSlashes, newName);
        if (previousPath.endsWith(segment) || !newPath.endsWith(segment)) {
            return null;
        }
        String parent = newPath.substring(0, newPath.length() - segment.length());
        if (!previousPath.startsWith(parent + "/")) {
            return null;
        }
        String[] names = KeycloakModelUtils.splitPath(previousPath.substring(parent.length()), escapedSlashes);
        return escapedSlashes && names.length == 1 ? names[0] : previousPath.substring(parent.length() + 1);
    }

    @Override
    public Optional<String> group(String value) {
        return value.startsWith("/") ? path(value) : name(value);
    }

    private Optional<String> path(String value) {
        if (!value.equals(previousPath) && !value.startsWith(previousPath + "/")) {
            return Optional.empty();
        }
        if (groupsNow.find(value).stream().anyMatch(other -> !other.isWithin(group))) {
            return Optional.empty();
        }
        String moved = group.path() + value.substring(previousPath.length());
        return namesOnly(moved, true) ? Optional.of(moved) : Optional.empty();
    }

    private Optional<String> name(String value) {
        if (previousName == null || !RealmGroupDirectory.sameIgnoringCase(value, previousName) || !groupsNow.find(value).isEmpty()) {
            return Optional.empty();
        }
        if (namesOnly(newName, false)) {
            return Optional.of(newName);
        }
        return namesOnly(group.path(), false) ? Optional.of(group.path()) : Optional.empty();
    }

    /** Whether {@code value} names exactly one group now: the moved group itself, or one of its subgroups. */
    private boolean namesOnly(String value, boolean orSubgroup) {
        List<GroupRef> found = groupsNow.find(value);
        return found.size() == 1 && (orSubgroup ? found.get(0).isWithin(group) : found.get(0).id().equals(group.id()));
    }

    @Override
    public String describe() {
        return "group '" + previousPath + "' " + (previousName == null ? "moved" : "renamed") + " to '" + group.path() + "'";
    }
}
