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

    public AccountWriter(KeycloakSession session, RealmModel realm, ProvenanceStore provenance) {
        this.profile = new ProfileWriter(session, realm);
        this.roles = new RoleWriter(session, realm, provenance);
    }

    public Changes apply(UserModel user, LoginDecision decision) {
        Changes changes = new Changes();
        profile.apply(user, decision.profile(), decision.emailVerified(), changes);
        if (decision.changesRoles()) {
            roles.apply(user, decision.idpAlias(), decision.roles(), decision.grants(), changes);
        }
        return changes;
    }
}
