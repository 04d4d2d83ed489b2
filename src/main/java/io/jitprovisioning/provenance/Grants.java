package io.jitprovisioning.provenance;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Everything the extension granted to one account, per identity provider: the provenance that decides what a
 * sign-in may revoke. A grant that is not in here was made some other way (by hand, for instance) and is never
 * revoked by the extension.
 */
public final class Grants {

    private static final Grants NONE = new Grants(Map.of());

    private final Map<Key, Set<String>> targets;

    private record Key(String idpAlias, GrantKind kind) {
    }

    private Grants(Map<Key, Set<String>> targets) {
        this.targets = targets;
    }

    public static Grants none() {
        return NONE;
    }

    /** One row each: identity provider, kind, and the id of the role or group. */
    public static Builder builder() {
        return new Builder();
    }

    /** The ids of the roles or groups this identity provider granted. */
    public Set<String> of(String idpAlias, GrantKind kind) {
        return targets.getOrDefault(new Key(idpAlias, kind), Set.of());
    }

    /** Whether an identity provider other than this one granted the role or group too (and so still holds it). */
    public boolean grantedByAnotherIdp(String idpAlias, GrantKind kind, String targetId) {
        return targets.entrySet().stream().anyMatch(entry -> entry.getKey().kind() == kind
                && !entry.getKey().idpAlias().equals(idpAlias) && entry.getValue().contains(targetId));
    }

    /** The identity providers that granted something. */
    public Set<String> identityProviders() {
        return targets.keySet().stream().map(Key::idpAlias).collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
    }

    public boolean isEmpty() {
        return targets.isEmpty();
    }

    public static final class Builder {
        private final Map<Key, Set<String>> targets = new HashMap<>();

        public Builder add(String idpAlias, GrantKind kind, String targetId) {
            targets.computeIfAbsent(new Key(idpAlias, kind), key -> new java.util.LinkedHashSet<>()).add(targetId);
            return this;
        }

        public Grants build() {
            Map<Key, Set<String>> copy = new HashMap<>();
            targets.forEach((key, ids) -> copy.put(key, Set.copyOf(ids)));
            return copy.isEmpty() ? NONE : new Grants(Map.copyOf(copy));
        }
    }
}
