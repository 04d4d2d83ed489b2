package io.jitprovisioning.admission;

import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import io.jitprovisioning.admission.LinkRequest.Match;
import io.jitprovisioning.identity.Identifiers;

/**
 * A local account that matches the person signing in, by email first and then by username, as Keycloak's own
 * first-broker-login steps match. Only an email the identity provider is trusted for is used; a username equal to
 * an email it is not trusted for is not used either (an email NameID).
 *
 * @param user  the account, or null when several accounts have the email
 * @param match how it was found
 */
record ExistingAccount(UserModel user, Match match) {

    static Optional<ExistingAccount> find(KeycloakSession session, RealmModel realm, EmailTrust email, String username) {
        if (email.usable()) {
            try {
                Optional<UserModel> byEmail = byEmail(session, realm, email.email());
                if (byEmail.isPresent()) {
                    return Optional.of(new ExistingAccount(byEmail.get(), Match.EMAIL));
                }
            } catch (ModelDuplicateException several) {
                return Optional.of(new ExistingAccount(null, Match.EMAIL));
            }
        }
        boolean usernameIsUntrustedEmail = email.email() != null && !email.usable() && Identifiers.sameEmail(email.email(), username);
        if (username != null && !usernameIsUntrustedEmail) {
            UserModel byUsername = session.users().getUserByUsername(realm, username);
            if (byUsername != null) {
                return Optional.of(new ExistingAccount(byUsername, Match.USERNAME));
            }
        }
        return Optional.empty();
    }

    /**
     * The account holding the address under any of its spellings (an internationalised domain in Unicode or punycode).
     *
     * @throws ModelDuplicateException when several accounts hold it
     */
    static Optional<UserModel> byEmail(KeycloakSession session, RealmModel realm, String email) {
        return Identifiers.emailSpellings(email).stream().map(spelling -> session.users().getUserByEmail(realm, spelling))
                .filter(java.util.Objects::nonNull).findFirst();
    }

    boolean isAmbiguous() {
        return user == null;
    }
}
