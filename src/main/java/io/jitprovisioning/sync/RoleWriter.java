package io.jitprovisioning.sync;

import java.util.Set;
import java.util.stream.Collectors;

import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.events.Changes;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleRef;

/**
 * Applies a role decision to an account's direct role mappings, through the provenance (see {@link Grantor}). The
 * account is null for one a preview would create: it holds nothing.
 */
final class RoleWriter {

    private final RealmModel realm;
    private final Grantor grantor;

    RoleWriter(RealmModel realm, AccountWrites writes) {
        this.realm = realm;
        this.grantor = new Grantor(writes);
    }

    void apply(UserModel user, String idpAlias, RoleDecision decision, Grants grants, Changes changes) {
        changes.refused(decision.refused());
        if (decision.outcome() != RoleDecision.Outcome.APPLY) {
            return;
        }
        Set<String> wanted = decision.wanted().stream().map(RoleRef::id).collect(Collectors.toSet());
        grantor.apply(user, idpAlias, GrantKind.ROLE, wanted, grants, new Grantor.Holdings() {
            @Override
            public String nameOf(String id) {
                RoleModel role = realm.getRoleById(id);
                return role == null ? null : RealmRoleDirectory.toRef(role).qualifiedName();
            }

            @Override
            public boolean holds(String id) {
                return user != null && user.hasDirectRole(realm.getRoleById(id));
            }

        }, changes::granted, changes::revoked);
    }
}
