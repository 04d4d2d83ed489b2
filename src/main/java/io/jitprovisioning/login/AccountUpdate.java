package io.jitprovisioning.login;

import io.jitprovisioning.groups.GroupDecision;
import io.jitprovisioning.profile.ProfileValues;
import io.jitprovisioning.provenance.Grants;
import io.jitprovisioning.roles.RoleDecision;

/**
 * What one sign-in wants on one account: the profile fields, whether the email may be stored as verified, and the
 * roles and groups this identity provider wants the account to hold through the extension. Decided, not yet written.
 *
 * @param idpAlias      the identity provider signing in
 * @param profile       the cleaned profile fields to set (absent ones stay as they are)
 * @param emailVerified whether the profile's email may be stored as verified
 * @param roles         the roles wanted ({@link RoleDecision.Outcome#APPLY}), or null when roles stay as they are
 * @param groups        the groups wanted, or null when memberships stay as they are (no attribute maps to USER_GROUP)
 * @param grants        the account's provenance as read for this decision
 */
public record AccountUpdate(String idpAlias, ProfileValues profile, boolean emailVerified, RoleDecision roles,
                            GroupDecision groups, Grants grants) {

    /** Nothing to write: a later sign-in when the identity provider does not manage roles. */
    static AccountUpdate nothing(String idpAlias) {
        return new AccountUpdate(idpAlias, ProfileValues.none(), false, null, null, Grants.none());
    }

    public boolean changesRoles() {
        return roles != null;
    }

    public boolean changesGroups() {
        return groups != null;
    }
}
