package io.jitprovisioning.sync;

import java.util.LinkedHashSet;
import java.util.Set;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.RoleModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.events.Changes;
import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.provenance.OwnWrites;
import io.jitprovisioning.provenance.ProvenanceStore;
import io.jitprovisioning.roles.RealmRoleDirectory;
import io.jitprovisioning.roles.RoleDecision;
import io.jitprovisioning.roles.RoleRef;

/**
 * Applies a role decision through the provenance: grants what the identity provider wants, and revokes only what
 * this identity provider granted, no longer wants, and no other identity provider still holds. A role held some
 * other way (by hand) is never revoked, and is never recorded as this identity provider's.
 */
final class RoleWriter {

    private final KeycloakSession session;
    private final RealmModel realm;
    private final ProvenanceStore provenance;

    RoleWriter(KeycloakSession session, RealmModel realm, ProvenanceStore provenance) {
        this.session = session;
        this.realm = realm;
        this.provenance = provenance;
    }

    void apply(UserModel user, String idpAlias, RoleDecision decision, Grants grants, Changes changes) {
        changes.refused(decision.refused());
        if (decision.outcome() != RoleDecision.Outcome.APPLY) {
            return;
        }
        Set<String> mine = grants.of(idpAlias, GrantKind.ROLE);
        Set<String> updated = new LinkedHashSet<>(mine);
        Set<String> wantedIds = new LinkedHashSet<>();
        for (RoleRef wanted : decision.wanted()) {
            wantedIds.add(wanted.id());
            RoleModel role = realm.getRoleById(wanted.id());
            if (role == null) {
                continue;
            }
            if (!user.hasDirectRole(role)) {
                OwnWrites.run(session, () -> user.grantRole(role));
                updated.add(role.getId());
                changes.granted(wanted.qualifiedName());
            } else if (grants.grantedByAnotherIdp(idpAlias, GrantKind.ROLE, role.getId())) {
                updated.add(role.getId());
            }
        }
        for (String id : mine) {
            if (wantedIds.contains(id)) {
                continue;
            }
            updated.remove(id);
            RoleModel role = realm.getRoleById(id);
            if (role != null && user.hasDirectRole(role) && !grants.grantedByAnotherIdp(idpAlias, GrantKind.ROLE, id)) {
                OwnWrites.run(session, () -> user.deleteRoleMapping(role));
                changes.revoked(RealmRoleDirectory.toRef(role).qualifiedName());
            }
        }
        if (!updated.equals(mine)) {
            provenance.replace(realm.getId(), user.getId(), idpAlias, GrantKind.ROLE, updated);
        }
    }
}
