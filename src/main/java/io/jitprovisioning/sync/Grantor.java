package io.jitprovisioning.sync;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Consumer;

import org.keycloak.models.UserModel;

import io.jitprovisioning.provenance.GrantKind;
import io.jitprovisioning.provenance.Grants;

/**
 * Grants roles or joins groups through the provenance: what the identity provider wants is granted; what this
 * identity provider granted, no longer wants, and no other identity provider still holds is revoked. What the account
 * holds some other way (by hand) is never revoked, and never recorded as this identity provider's.
 */
final class Grantor {

    /** One account's roles or groups, by id: what it holds now. */
    interface Holdings {
        /** Null when the role or group no longer exists. */
        String nameOf(String id);

        boolean holds(String id);
    }

    private final AccountWrites writes;

    Grantor(AccountWrites writes) {
        this.writes = writes;
    }

    void apply(UserModel account, String idpAlias, GrantKind kind, Set<String> wanted, Grants grants, Holdings holdings,
               Consumer<String> granted, Consumer<String> revoked) {
        Set<String> mine = grants.of(idpAlias, kind);
        Set<String> updated = new LinkedHashSet<>(mine);
        for (String id : wanted) {
            String name = holdings.nameOf(id);
            if (name == null) {
                continue;
            }
            if (!holdings.holds(id)) {
                writes.grant(account, kind, id);
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
                writes.revoke(account, kind, id);
                revoked.accept(name);
            }
        }
        if (!updated.equals(mine)) {
            writes.recordGrants(account, idpAlias, kind, updated);
        }
    }
}
