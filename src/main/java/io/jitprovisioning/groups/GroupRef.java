package io.jitprovisioning.groups;

import java.util.List;

/**
 * A Keycloak group as the group rules see it: its id, its full path ({@code /engineering/backend}) for people to
 * read, and where it sits, as the ids of its parents. A path does not tell where a group sits: group names may
 * contain {@code /}, so a top-level group named {@code engineering/ops} has the path of the subgroup {@code ops} of
 * {@code engineering}.
 *
 * @param ancestorIds the ids of its parent, that one's parent, and so on up to a top-level group; empty for a
 *                    top-level group
 */
public record GroupRef(String id, String path, List<String> ancestorIds) {

    public GroupRef {
        ancestorIds = List.copyOf(ancestorIds);
    }

    /** Whether this group is {@code ancestor} or one of its subgroups at any depth: by the groups' ids, never by path. */
    public boolean isWithin(GroupRef ancestor) {
        return id.equals(ancestor.id()) || ancestorIds.contains(ancestor.id());
    }
}
