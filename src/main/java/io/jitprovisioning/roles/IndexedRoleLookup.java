package io.jitprovisioning.roles;

import java.util.Optional;

/**
 * The matching rules for a role name, answered from a {@link RoleNames} snapshot with a constant number of lookups
 * whatever the realm's size:
 * <ol>
 *   <li>{@code clientId.role}: the clientIds the name's prefixes spell are tried from the longest (clientIds may
 *       contain dots), at most {@link #MAX_CLIENT_LOOKUPS}; the first that names a client decides: its role of that
 *       exact name, else of that name ignoring case, else none (no fallback to a realm role). ClientIds match
 *       exactly, as in Keycloak.</li>
 *   <li>Otherwise a realm role: of that exact name, else of that name ignoring case.</li>
 * </ol>
 * Among roles whose names differ only in case, none of them exactly the name asked for, the first by
 * {@link String#compareTo} wins.
 *
 * <p>The snapshot only proposes names. Each one is confirmed by Keycloak's own lookup by exact name, which its
 * realm cache keeps consistent across the cluster; a proposal Keycloak does not confirm means the snapshot is out
 * of date, and {@link StaleSnapshot} says so. A value that names no role costs a hash lookup or two and never
 * reaches Keycloak's role cache, which would otherwise fill with one negative entry per distinct unknown value (an
 * IdP sending every group's object id has thousands); Keycloak is asked only about clients, by clientId, for the
 * prefixes of dotted values, and a prefix that named no client is remembered ({@link RoleNames}).
 *
 * @param <C> Keycloak's client model (a plain type in tests)
 * @param <R> Keycloak's role model
 */
final class IndexedRoleLookup<C, R> {

    static final int MAX_CLIENT_LOOKUPS = 10;

    /** Keycloak's lookups by exact name (cached by Keycloak). */
    interface Model<C, R> {
        R realmRole(String exactName);

        C clientByClientId(String clientId);

        String clientUuid(C client);

        R clientRole(C client, String exactName);
    }

    /** The snapshot proposed a role Keycloak does not know (any more): rebuild it and ask again. */
    static final class StaleSnapshot extends RuntimeException {
        StaleSnapshot(String what) {
            super(what, null, false, false);
        }
    }

    private final Model<C, R> model;

    IndexedRoleLookup(Model<C, R> model) {
        this.model = model;
    }

    /** @throws StaleSnapshot when the snapshot proposed a role that Keycloak does not confirm */
    Optional<R> find(RoleNames names, String name) {
        int dot = name.lastIndexOf('.');
        for (int lookups = 0; dot > 0 && lookups < MAX_CLIENT_LOOKUPS; lookups++) {
            C client = client(names, name.substring(0, dot));
            if (client != null) {
                return clientRole(names, client, name.substring(dot + 1));
            }
            dot = name.lastIndexOf('.', dot - 1);
        }
        for (String candidate : names.realmRoles().matching(name)) {
            R role = model.realmRole(candidate);
            if (role == null) {
                throw new StaleSnapshot("realm role " + candidate);
            }
            return Optional.of(role);
        }
        return Optional.empty();
    }

    /** Whether the client {@code clientId} has a role named {@code roleName} ignoring case. */
    boolean clientHasRole(RoleNames names, String clientId, String roleName) {
        C client = client(names, clientId);
        return client != null && clientRole(names, client, roleName).isPresent();
    }

    private C client(RoleNames names, String clientId) {
        if (names.isKnownNonClient(clientId)) {
            return null;
        }
        C client = model.clientByClientId(clientId);
        if (client == null) {
            names.rememberNonClient(clientId);
        }
        return client;
    }

    private Optional<R> clientRole(RoleNames names, C client, String roleName) {
        for (String candidate : names.clientRoles(model.clientUuid(client)).matching(roleName)) {
            R role = model.clientRole(client, candidate);
            if (role == null) {
                throw new StaleSnapshot("client role " + candidate);
            }
            return Optional.of(role);
        }
        return Optional.empty();
    }
}
