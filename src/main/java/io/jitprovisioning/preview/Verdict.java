package io.jitprovisioning.preview;

import java.util.List;

import org.keycloak.models.UserModel;

import io.jitprovisioning.events.Changes;
import io.jitprovisioning.login.AccountUpdate;
import io.jitprovisioning.login.SignIn;
import io.jitprovisioning.roles.RefusedRole;

/**
 * What a sign-in would come to, as the extension decides it, and what it would change.
 *
 * @param outcome      create, link, sign in, or refuse
 * @param code         the refusal code, or null
 * @param rule         the rule or setting that decided
 * @param account      the account signed in to, linked, or looked at by a refusal; null for a new account or none
 * @param update       what the sign-in wants on the account, or null when it is refused or writes nothing
 * @param changes      what those writes would change, worked out by the sign-in's own writer with the writes recorded
 *                     instead of made; null when refused
 * @param refusedRoles the role values behind a role refusal (policy DENY)
 * @param signIn       the sign-in as the extension reads it (for its organization); null when the extension plays no part
 */
record Verdict(Outcome outcome, String code, String rule, UserModel account, AccountUpdate update, Changes changes,
               List<RefusedRole> refusedRoles, SignIn signIn) {

    enum Outcome { CREATE, LINK, SIGN_IN, REFUSE }
}
