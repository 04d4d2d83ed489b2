package io.jitprovisioning.roles;

import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;

/**
 * The rules of {@link IndexedRoleLookup} on Keycloak's lookups and database searches, for a realm without a usable
 * index (more roles than {@link RoleNameIndex#MAX_NAMES_PER_REALM}, or indexing failed). Keycloak's searches match
 * a substring of the name or description ignoring case ({@code like}, where '_' and '%' in the value widen the
 * match); exact equality ignoring case is checked here.
 */
final class SearchedRoleLookup {

    private SearchedRoleLookup() {
    }

    static Optional<RoleModel> find(KeycloakSession session, RealmModel realm, String name) {
        int dot = name.lastIndexOf('.');
        for (int lookups = 0; dot > 0 && lookups < IndexedRoleLookup.MAX_CLIENT_LOOKUPS; lookups++) {
            ClientModel client = realm.getClientByClientId(name.substring(0, dot));
            if (client != null) {
                return clientRole(session, client, name.substring(dot + 1));
            }
            dot = name.lastIndexOf('.', dot - 1);
        }
        RoleModel exact = realm.getRole(name);
        if (exact != null) {
            return Optional.of(exact);
        }
        try (Stream<RoleModel> found = session.roles().searchForRolesStream(realm, name, null, null)) {
            return firstIgnoringCase(found, name).map(role -> realm.getRole(role.getName()));
        }
    }

    static boolean clientHasRole(KeycloakSession session, RealmModel realm, String clientId, String roleName) {
        ClientModel client = realm.getClientByClientId(clientId);
        return client != null && clientRole(session, client, roleName).isPresent();
    }

    private static Optional<RoleModel> clientRole(KeycloakSession session, ClientModel client, String roleName) {
        RoleModel exact = client.getRole(roleName);
        if (exact != null) {
            return Optional.of(exact);
        }
        try (Stream<RoleModel> found = session.roles().searchForClientRolesStream(client, roleName, null, null)) {
            return firstIgnoringCase(found, roleName).map(role -> client.getRole(role.getName()));
        }
    }

    private static Optional<RoleModel> firstIgnoringCase(Stream<RoleModel> roles, String name) {
        return roles.filter(role -> role.getName().equalsIgnoreCase(name)).min(Comparator.comparing(RoleModel::getName));
    }
}
