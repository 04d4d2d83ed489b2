package io.jitprovisioning.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.groups.RealmGroupDirectory;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.provenance.Provisioning;
import io.jitprovisioning.roles.RealmRoleDirectory;

/**
 * The body of {@code GET /users/{id}/provenance}: which roles each identity provider granted to the account through
 * the extension (a sign-in through that IdP may revoke them; every other role is the administrators'), and which
 * identity provider the account was created for.
 *
 * @param roles      per identity provider alias, the roles it granted ({@code role} or {@code clientId.role})
 * @param groups     per identity provider alias, the groups (paths) it placed the account in
 * @param createdFor the alias of the identity provider whose first sign-in created the account, or null
 */
public record AccountProvenance(Map<String, List<String>> roles, Map<String, List<String>> groups, String createdFor) {

    static AccountProvenance of(KeycloakSession session, RealmModel realm, UserModel user, ProvenanceStore store) {
        Grants grants = store.grantsOf(user.getId());
        Map<String, List<String>> roles = byIdentityProvider(grants, GrantKind.ROLE,
                id -> Optional.ofNullable(realm.getRoleById(id)).map(role -> RealmRoleDirectory.toRef(role).qualifiedName()));
        Map<String, List<String>> groups = byIdentityProvider(grants, GrantKind.GROUP,
                id -> Optional.ofNullable(session.groups().getGroupById(realm, id)).map(group -> RealmGroupDirectory.toRef(group).path()));
        Optional<Provisioning> provisioning = store.provisioningOf(user.getId());
        return new AccountProvenance(roles, groups, provisioning.map(Provisioning::idpAlias).orElse(null));
    }

    private static Map<String, List<String>> byIdentityProvider(Grants grants, GrantKind kind, Function<String, Optional<String>> names) {
        Map<String, List<String>> result = new TreeMap<>();
        grants.identityProviders().forEach(alias -> {
            List<String> named = grants.of(alias, kind).stream().map(names).flatMap(Optional::stream).sorted().toList();
            if (!named.isEmpty()) {
                result.put(alias, named);
            }
        });
        return result;
    }
}
