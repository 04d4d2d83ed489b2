package io.jitprovisioning.roles;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One realm's role names as they were when the snapshot was built: realm roles, and client roles per client (by
 * the client's internal id), each looked up ignoring case in one hash lookup. Holds names only; every name found
 * here is confirmed through Keycloak before it is used (see {@link IndexedRoleLookup}).
 *
 * <p>Besides the snapshot, it remembers the clientIds a value's prefix was looked up by and that named no client,
 * so that values full of dots (URLs, domain names) do not query the database at every sign-in. That memory is
 * bounded and is forgotten whenever a client is created or renamed ({@link #forgetNonClients}).
 */
public final class RoleNames {

    /** Beyond this, prefixes that named no client are looked up in Keycloak each time instead of remembered. */
    static final int MAX_REMEMBERED_NON_CLIENTS = 10_000;

    private final CaseInsensitiveIndex<String> realmRoles;
    private final Map<String, CaseInsensitiveIndex<String>> clientRolesByClientUuid;
    private final int size;
    private final boolean complete;
    private final Set<String> nonClients = ConcurrentHashMap.newKeySet();

    private RoleNames(CaseInsensitiveIndex<String> realmRoles, Map<String, CaseInsensitiveIndex<String>> clientRolesByClientUuid,
                      int size, boolean complete) {
        this.realmRoles = realmRoles;
        this.clientRolesByClientUuid = clientRolesByClientUuid;
        this.size = size;
        this.complete = complete;
    }

    /** @param maxNames beyond this many roles the builder gives an incomplete snapshot ({@link #isComplete()}) */
    public static Builder builder(int maxNames) {
        return new Builder(maxNames);
    }

    public CaseInsensitiveIndex<String> realmRoles() {
        return realmRoles;
    }

    /** The roles of the client with this internal id; empty when it had none (or did not exist) at build time. */
    public CaseInsensitiveIndex<String> clientRoles(String clientUuid) {
        return clientRolesByClientUuid.getOrDefault(clientUuid, CaseInsensitiveIndex.empty());
    }

    public boolean hasClient(String clientUuid) {
        return clientRolesByClientUuid.containsKey(clientUuid);
    }

    /**
     * False for a realm with more roles than the index takes: its names are not here, and lookups go to the
     * database instead (see {@link RealmRoleDirectory}).
     */
    public boolean isComplete() {
        return complete;
    }

    /** Number of role names. */
    public int size() {
        return size;
    }

    /** For the memory bound: role names plus remembered non-clients. */
    public long weight() {
        return size + nonClients.size();
    }

    /** Whether {@code clientId} was looked up before and named no client. */
    public boolean isKnownNonClient(String clientId) {
        return nonClients.contains(clientId);
    }

    public void rememberNonClient(String clientId) {
        if (complete && nonClients.size() < MAX_REMEMBERED_NON_CLIENTS) {
            nonClients.add(clientId);
        }
    }

    /** A client was created or got a new clientId: what named no client before may name one now. */
    public void forgetNonClients() {
        nonClients.clear();
    }

    /** Collects the names; not thread-safe. */
    public static final class Builder {

        private final int maxNames;
        private final CaseInsensitiveIndex.Builder<String> realmRoles = CaseInsensitiveIndex.names();
        private final Map<String, CaseInsensitiveIndex.Builder<String>> clientRoles = new HashMap<>();
        private int size;

        private Builder(int maxNames) {
            this.maxNames = maxNames;
        }

        /** False once more names came than the index takes: stop feeding it. */
        public boolean wantsMore() {
            return size <= maxNames;
        }

        public Builder realmRole(String name) {
            realmRoles.add(name);
            size++;
            return this;
        }

        public Builder clientRole(String clientUuid, String name) {
            clientRoles.computeIfAbsent(clientUuid, id -> CaseInsensitiveIndex.names()).add(name);
            size++;
            return this;
        }

        public RoleNames build() {
            if (size > maxNames) {
                return new RoleNames(CaseInsensitiveIndex.empty(), Map.of(), 0, false);
            }
            Map<String, CaseInsensitiveIndex<String>> byClient = new HashMap<>();
            clientRoles.forEach((client, names) -> byClient.put(client, names.build()));
            return new RoleNames(realmRoles.build(), byClient, size, true);
        }
    }
}
