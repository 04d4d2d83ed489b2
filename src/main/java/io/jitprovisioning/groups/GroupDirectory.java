package io.jitprovisioning.groups;

import java.util.List;
import java.util.Optional;

/** The realm's groups, as far as the group rules need them. */
public interface GroupDirectory {

    /**
     * The groups a value names: by full path when it starts with {@code /}, else by name ignoring case (at any
     * depth). Several results mean the name is ambiguous.
     */
    List<GroupRef> find(String pathOrName);

    /** The group with this id, if it still exists. */
    Optional<GroupRef> byId(String id);

    /**
     * Whether the group must never be joined through an IdP: its effective roles (its own, through composites, and
     * inherited from its parent groups) include one of Keycloak's admin roles.
     */
    boolean isProtected(GroupRef group);
}
