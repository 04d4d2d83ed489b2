package io.jitprovisioning.references;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.jitprovisioning.roles.CaseInsensitiveIndex;

/**
 * A realm role or client role renamed ({@code RoleModel.RoleNameChangeEvent}). A setting value named it when the
 * sign-in's role rules, applied to the role names of its realm or client as they were before the rename, pick it:
 * its exact name, or its name ignoring case when no role has exactly the value's name and no other spelling sorts
 * first. Such a value gets the role's new name; its clientId part stays.
 *
 * @param clientId     the clientId of the role's client; null for a realm role
 * @param previousName the role's name before
 * @param newName      the role's name now
 * @param namesNow     the names of the roles of the same realm (realm roles) or client, after the rename
 * @param isClientId   whether a clientId names a client of the realm
 */
record RoleRename(String clientId, String previousName, String newName, Supplier<Collection<String>> namesNow,
                  Predicate<String> isClientId) implements Rename {

    @Override
    public Optional<String> role(String value) {
        String name = clientId == null ? value : value.startsWith(clientId + ".") ? value.substring(clientId.length() + 1) : null;
        // The role rules compare as equalsIgnoreCase does (CaseInsensitiveIndex): no other name can pick this role.
        if (name == null || !name.equalsIgnoreCase(previousName) || !Objects.equals(ClientPrefix.of(value, isClientId), clientId)) {
            return Optional.empty();
        }
        List<String> picked = namesBefore().matching(name);
        if (picked.isEmpty() || !picked.get(0).equals(previousName)) {
            return Optional.empty();
        }
        return Optional.of(clientId == null ? newName : clientId + "." + newName);
    }

    /** The names as the rename found them: the new name was the old one. */
    private CaseInsensitiveIndex<String> namesBefore() {
        CaseInsensitiveIndex.Builder<String> before = CaseInsensitiveIndex.names();
        namesNow.get().stream().filter(name -> !name.equals(newName) && !name.equals(previousName)).forEach(before::add);
        return before.add(previousName).build();
    }

    @Override
    public String describe() {
        String prefix = clientId == null ? "realm role '" : "role of client '" + clientId + "' '";
        return prefix + previousName + "' renamed to '" + newName + "'";
    }
}
