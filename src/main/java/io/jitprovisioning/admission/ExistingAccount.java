package io.jitprovisioning.admission;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * A local account that matches the person signing in, by email first and then by username, as Keycloak's own
 * first-broker-login steps match.
 *
 * @param user      the account, or null when the match is ambiguous
 * @param byEmail   whether it matched by email (only an email match can be vouched for by a domain or Trust email)
 */
public record ExistingAccount(UserModel user, boolean byEmail) {

    public static Optional<ExistingAccount> find(KeycloakSession session, RealmModel realm, String email, String username) {
        if (email != null) {
            try {
                UserModel byEmail = session.users().getUserByEmail(realm, email);
                if (byEmail != null) {
                    return Optional.of(new ExistingAccount(byEmail, true));
                }
            } catch (ModelDuplicateException several) {
                return Optional.of(new ExistingAccount(null, true));
            }
        }
        if (username != null) {
            UserModel byUsername = session.users().getUserByUsername(realm, username);
            if (byUsername != null) {
                return Optional.of(new ExistingAccount(byUsername, false));
            }
        }
        return Optional.empty();
    }

    public boolean isAmbiguous() {
        return user == null;
    }
}
