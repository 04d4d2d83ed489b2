package io.jitprovisioning.preview;

import java.util.List;

import org.keycloak.models.UserModel;

import io.jitprovisioning.events.Changes;
import io.jitprovisioning.login.BrokeredLogin;
import io.jitprovisioning.login.LoginDecision;
import io.jitprovisioning.roles.RefusedRole;

/**
 * What a sign-in would come to, as the extension decides it, and what it would change.
 *
 * @param outcome      create, link, sign in, or refuse
 * @param code         the refusal code, or null
 * @param rule         the rule or setting that decided
 * @param account      the account signed in to, linked, or looked at by a refusal; null for a new account or none
 * @param decision     what the sign-in writes, or null when it is refused
 * @param changes      what those writes would change, worked out by the writers in a dry run; null when refused
 * @param refusedRoles the role values behind a role refusal (policy DENY)
 * @param login        the sign-in as the extension reads it (for its organization); null when the extension plays no part
 */
record Verdict(Outcome outcome, String code, String rule, UserModel account, LoginDecision decision, Changes changes,
               List<RefusedRole> refusedRoles, BrokeredLogin login) {

    enum Outcome { CREATE, LINK, SIGN_IN, REFUSE }
}
