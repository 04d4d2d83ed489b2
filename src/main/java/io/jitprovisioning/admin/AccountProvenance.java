package io.jitprovisioning.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

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
 * @param createdFor the alias of the identity provider whose first sign-in created the account, or null
 */
public record AccountProvenance(Map<String, List<String>> roles, String createdFor) {

    static AccountProvenance of(RealmModel realm, UserModel user, ProvenanceStore store) {
        Grants grants = store.grantsOf(user.getId());
        Map<String, List<String>> roles = new TreeMap<>();
        grants.identityProviders().forEach(alias -> {
            List<String> names = grants.of(alias, GrantKind.ROLE).stream().map(realm::getRoleById)
                    .filter(java.util.Objects::nonNull).map(role -> RealmRoleDirectory.toRef(role).qualifiedName()).sorted().toList();
            if (!names.isEmpty()) {
                roles.put(alias, names);
            }
        });
        Optional<Provisioning> provisioning = store.provisioningOf(user.getId());
        return new AccountProvenance(roles, provisioning.map(Provisioning::idpAlias).orElse(null));
    }
}
