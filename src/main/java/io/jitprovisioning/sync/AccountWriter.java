package io.jitprovisioning.sync;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.events.Changes;
import io.jitprovisioning.login.LoginDecision;
import io.jitprovisioning.provenance.ProvenanceStore;

/** Writes what a sign-in decided to an account, and says what changed. */
public final class AccountWriter {

    private final ProfileWriter profile;
    private final RoleWriter roles;
    private final GroupWriter groups;

    public AccountWriter(KeycloakSession session, RealmModel realm, ProvenanceStore provenance) {
        this(session, realm, provenance, false);
    }

    private AccountWriter(KeycloakSession session, RealmModel realm, ProvenanceStore provenance, boolean dryRun) {
        this.profile = new ProfileWriter(session, realm, dryRun);
        this.roles = new RoleWriter(session, realm, provenance, dryRun);
        this.groups = new GroupWriter(session, realm, provenance, dryRun);
    }

    /**
     * What {@link #apply} would change, worked out by the same writers in a dry run: nothing is written, not even the
     * provenance.
     *
     * @param user the account, or null for one not created yet (it holds nothing, so everything wanted is new)
     */
    public static Changes plan(KeycloakSession session, RealmModel realm, ProvenanceStore provenance, UserModel user,
                               LoginDecision decision) {
        return new AccountWriter(session, realm, provenance, true).apply(user, decision);
    }

    public Changes apply(UserModel user, LoginDecision decision) {
        Changes changes = new Changes();
        profile.apply(user, decision.profile(), decision.emailVerified(), changes);
        if (decision.changesRoles()) {
            roles.apply(user, decision.idpAlias(), decision.roles(), decision.grants(), changes);
        }
        if (decision.changesGroups()) {
            groups.apply(user, decision.idpAlias(), decision.groups(), decision.grants(), changes);
        }
        return changes;
    }
}
