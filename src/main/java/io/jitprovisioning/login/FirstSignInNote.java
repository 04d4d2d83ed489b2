package io.jitprovisioning.login;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.sessions.AuthenticationSessionModel;
import org.keycloak.util.JsonSerialization;

import io.jitprovisioning.admission.AccountFacts;
import io.jitprovisioning.admission.SignInOutcome;
import io.jitprovisioning.admission.LinkRule;
import io.jitprovisioning.refusal.JitError;

/**
 * A first sign-in as the mapper decided it, kept in the authentication session for the JIT step, which carries it out
 * in Keycloak's first-login flow (a later request). It holds who the identity is to the realm (a new account and its
 * username, or the existing account, the rule and the account as the rule saw it) and what the decision read of the
 * person (username and email): if another mapper changed those after the JIT mapper ran, the JIT step decides afresh.
 *
 * @param kind        a new account, or an existing one
 * @param target      the username to create, or the id of the account to link
 * @param rule        the linking rule, for a link
 * @param facts       the account as the linking rules saw it, for a link
 * @param username    the username the decision derived
 * @param email       the email the decision read, or null
 */
public record FirstSignInNote(Kind kind, String target, String rule, AccountFacts facts, String username, String email) {

    /** What the decision does with the identity. */
    public enum Kind { CREATE, LINK }

    static final String NOTE = "jit.first-sign-in";

    /** Keeps the decision of a first sign-in that goes ahead (a created or linked account). */
    public static void keep(AuthenticationSessionModel authSession, SignIn signIn, SignInOutcome outcome) {
        String email = signIn.newAccountProfile().email().orElse(null);
        FirstSignInNote note = null;
        if (outcome instanceof SignInOutcome.Create create) {
            note = new FirstSignInNote(Kind.CREATE, create.username(), null, null, signIn.username(), email);
        } else if (outcome instanceof SignInOutcome.Link link) {
            note = new FirstSignInNote(Kind.LINK, link.account().getId(), link.linkRule().name(), link.seen(), signIn.username(), email);
        }
        if (authSession == null || note == null) {
            return;
        }
        try {
            authSession.setAuthNote(NOTE, JsonSerialization.writeValueAsString(note));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The decision kept for this sign-in, if the person still reads as it did then. */
    public static Optional<FirstSignInNote> of(AuthenticationSessionModel authSession, SignIn signIn) {
        String stored = authSession == null ? null : authSession.getAuthNote(NOTE);
        if (stored == null) {
            return Optional.empty();
        }
        try {
            FirstSignInNote note = JsonSerialization.readValue(stored, FirstSignInNote.class);
            boolean samePerson = note.username().equals(signIn.username())
                    && Objects.equals(note.email(), signIn.newAccountProfile().email().orElse(null));
            return samePerson ? Optional.of(note) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    public static void forget(AuthenticationSessionModel authSession) {
        if (authSession != null) {
            authSession.removeAuthNote(NOTE);
        }
    }

    /** The first sign-in the mapper decided; the account to link may have been deleted since. */
    SignInOutcome outcome(KeycloakSession session, RealmModel realm) {
        if (kind == Kind.CREATE) {
            return new SignInOutcome.Create(target);
        }
        UserModel account = session.users().getUserById(realm, target);
        return account == null ? SignInOutcome.Refuse.firstSignIn(JitError.TRY_AGAIN, "ACCOUNT_GONE", null)
                : new SignInOutcome.Link(account, LinkRule.valueOf(rule), facts);
    }
}
