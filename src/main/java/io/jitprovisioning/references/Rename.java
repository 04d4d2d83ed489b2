package io.jitprovisioning.references;

import java.util.Optional;

/**
 * A role, client or group that Keycloak has just renamed or moved, as it concerns one value of a JIT setting: the
 * value's new spelling when it named what changed, or empty when it did not (it named something else, or nothing).
 * Roles are written {@code role} or {@code clientId.role}; groups by path ({@code /a/b}) or by bare name.
 */
interface Rename {

    /** The new spelling of a setting value that names a role. */
    default Optional<String> role(String value) {
        return Optional.empty();
    }

    /** The new spelling of a setting value that names a group. */
    default Optional<String> group(String value) {
        return Optional.empty();
    }

    /** What changed, for the log: names of roles, clients and groups, never anything about a person. */
    String describe();
}
