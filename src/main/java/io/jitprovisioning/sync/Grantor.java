package io.jitprovisioning.sync;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.keycloak.models.KeycloakSession;

import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.provenance.OwnWrites;
import io.jitprovisioning.provenance.ProvenanceStore;

/**
 * Grants roles or joins groups through the provenance: what the identity provider wants is granted; what this
 * identity provider granted, no longer wants, and no other identity provider still holds is revoked. What the account
 * holds some other way (by hand) is never revoked, and never recorded as this identity provider's. A dry run goes
 * through the same steps and reports the same changes, but grants, revokes and records nothing.
 */
final class Grantor {

    /** One account's roles or groups, by id. */
    interface Holdings {
        /** Null when the role or group no longer exists. */
        String nameOf(String id);

        boolean holds(String id);

        void grant(String id);

        void revoke(String id);
    }

    private final KeycloakSession session;
    private final ProvenanceStore provenance;
    private final boolean dryRun;

    Grantor(KeycloakSession session, ProvenanceStore provenance, boolean dryRun) {
        this.session = session;
        this.provenance = provenance;
        this.dryRun = dryRun;
    }

    void apply(String realmId, String userId, String idpAlias, GrantKind kind, Set<String> wanted, Grants grants,
               Holdings holdings, Consumer<String> granted, Consumer<String> revoked) {
        Set<String> mine = grants.of(idpAlias, kind);
        Set<String> updated = new LinkedHashSet<>(mine);
        for (String id : wanted) {
            String name = holdings.nameOf(id);
            if (name == null) {
                continue;
            }
            if (!holdings.holds(id)) {
                write(() -> holdings.grant(id));
                updated.add(id);
                granted.accept(name);
            } else if (grants.grantedByAnotherIdp(idpAlias, kind, id)) {
                updated.add(id);
            }
        }
        for (String id : mine) {
            if (wanted.contains(id)) {
                continue;
            }
            updated.remove(id);
            String name = holdings.nameOf(id);
            if (name != null && holdings.holds(id) && !grants.grantedByAnotherIdp(idpAlias, kind, id)) {
                write(() -> holdings.revoke(id));
                revoked.accept(name);
            }
        }
        if (!dryRun && !updated.equals(mine)) {
            provenance.replace(realmId, userId, idpAlias, kind, updated);
        }
    }

    private void write(Runnable change) {
        if (!dryRun) {
            OwnWrites.run(session, change);
        }
    }
}
