package io.jitprovisioning.groups;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A realm's groups as a tree, without a Keycloak: each group has an id, a name (which may hold '/') and a parent. A
 * path names every group whose path it is, so a slash in a name makes it ambiguous, as in Keycloak; a name is looked up
 * exactly, else ignoring case (by Locale.ROOT), at any depth, as the real directory does. Groups can be renamed and
 * moved, which changes the paths of their subgroups.
 */
public final class InMemoryGroupDirectory implements GroupDirectory {

    private record Node(String name, String parentId) {
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final Set<String> protectedIds = new HashSet<>();
    private int created;

    /** Adds a group under {@code parent} (null: at the top); returns it. */
    public GroupRef add(GroupRef parent, String name) {
        String id = "g" + created++;
        nodes.put(id, new Node(name, parent == null ? null : parent.id()));
        return ref(id);
    }

    /** Adds a chain of groups by path, each segment one name ({@code /eu/support}), reusing those that exist. */
    public GroupRef addPath(String path) {
        GroupRef parent = null;
        for (String name : path.substring(1).split("/")) {
            String parentId = parent == null ? null : parent.id();
            GroupRef existing = nodes.entrySet().stream()
                    .filter(node -> node.getValue().name().equals(name) && Objects.equals(node.getValue().parentId(), parentId))
                    .map(node -> ref(node.getKey())).findFirst().orElse(null);
            parent = existing != null ? existing : add(parent, name);
        }
        return parent;
    }

    /** Marks a group as holding an admin role: it and its subgroups are protected. */
    public void protect(GroupRef group) {
        protectedIds.add(group.id());
    }

    public void rename(GroupRef group, String newName) {
        nodes.put(group.id(), new Node(newName, nodes.get(group.id()).parentId()));
    }

    /** Moves a group under {@code newParent} (null: to the top). */
    public void move(GroupRef group, GroupRef newParent) {
        nodes.put(group.id(), new Node(nodes.get(group.id()).name(), newParent == null ? null : newParent.id()));
    }

    public void remove(GroupRef group) {
        nodes.remove(group.id());
    }

    /** The group with this id as it is now: its path and parents follow renames and moves. */
    public GroupRef ref(String id) {
        List<String> ancestors = new ArrayList<>();
        StringBuilder path = new StringBuilder("/" + nodes.get(id).name());
        for (String parent = nodes.get(id).parentId(); parent != null; parent = nodes.get(parent).parentId()) {
            ancestors.add(parent);
            path.insert(0, "/" + nodes.get(parent).name());
        }
        return new GroupRef(id, path.toString(), ancestors);
    }

    @Override
    public List<GroupRef> find(String pathOrName) {
        List<GroupRef> all = nodes.keySet().stream().map(this::ref).toList();
        if (pathOrName.startsWith("/")) {
            return all.stream().filter(group -> group.path().equals(pathOrName)).toList();
        }
        List<GroupRef> exact = all.stream().filter(group -> nodes.get(group.id()).name().equals(pathOrName)).toList();
        return !exact.isEmpty() ? exact
                : all.stream().filter(group -> RealmGroupDirectory.sameIgnoringCase(nodes.get(group.id()).name(), pathOrName)).toList();
    }

    @Override
    public Optional<GroupRef> byId(String id) {
        return nodes.containsKey(id) ? Optional.of(ref(id)) : Optional.empty();
    }

    @Override
    public boolean isProtected(GroupRef group) {
        return protectedIds.stream().anyMatch(id -> nodes.containsKey(id) && group.isWithin(ref(id)));
    }
}
