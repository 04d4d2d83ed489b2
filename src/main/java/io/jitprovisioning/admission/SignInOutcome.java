package io.jitprovisioning.admission;

import java.util.List;

import org.keycloak.models.UserModel;

import io.jitprovisioning.refusal.JitError;
import io.jitprovisioning.roles.RefusedRole;

/**
 * What one sign-in comes to, decided once ({@code login.SignInDecision}, with the first-login rules of
 * {@link FirstLoginAdmission}) and acted on by thin adapters: the mapper refuses, the JIT step creates or links, the
 * mapper updates a returning account, the preview shows it. The writer ({@code sync.SignInWriter}) carries out the
 * writes of every outcome; what it writes to the account follows from the outcome and the assertion.
 */
public sealed interface SignInOutcome {

    /** The rule or setting that decided, for events, the preview and the logs. */
    String rule();

    /** How the account being written came to the sign-in. */
    enum AccountKind { NEW, LINKED, RETURNING }

    /**
     * Refused; nothing may be written.
     *
     * @param account      the existing account the refusing rule looked at, or null when none was involved
     * @param refusedRoles the role values behind a role refusal (unknown-role policy DENY); none for any other refusal
     * @param firstSignIn  whether no account was linked to the identity yet
     */
    record Refuse(JitError code, String rule, UserModel account, List<RefusedRole> refusedRoles, boolean firstSignIn)
            implements SignInOutcome {

        /** A first sign-in's refusal by a linking rule, about the account it looked at (or none). */
        public static Refuse firstSignIn(JitError code, String rule, UserModel account) {
            return new Refuse(code, rule, account, List.of(), true);
        }

        /** A refusal by a gate or the unknown-role policy, named after the setting that decided it. */
        public static Refuse byGate(JitError code) {
            String rule = switch (code) {
                case DOMAIN_NOT_ALLOWED -> "ALLOWED_EMAIL_DOMAINS";
                case NOT_ALLOWED -> "REQUIRED_ATTRIBUTE";
                case UNKNOWN_ROLE, ROLE_NOT_ALLOWED -> "UNKNOWN_ROLE_POLICY_DENY";
                default -> code.name();
            };
            return bySetting(code, rule);
        }

        /** A refusal by a setting whatever the account: a gate, or one that is set but unusable (the rule is its key). */
        public static Refuse bySetting(JitError code, String rule) {
            return new Refuse(code, rule, null, List.of(), false);
        }

        /** This refusal for one sign-in: its account, whether it is the identity's first, and the role values behind it. */
        public Refuse of(UserModel refusedAccount, boolean first, List<RefusedRole> rolesBehind) {
            boolean byRoles = code == JitError.UNKNOWN_ROLE || code == JitError.ROLE_NOT_ALLOWED;
            return new Refuse(code, rule, refusedAccount, byRoles ? rolesBehind : List.of(), first);
        }
    }

    /** A first sign-in with no account: one is created with this username. */
    record Create(String username) implements SignInOutcome {
        @Override
        public String rule() {
            return "NEW_ACCOUNT";
        }
    }

    /**
     * A first sign-in that an existing account is handed to.
     *
     * @param seen the account as the linking rules saw it: the writer hands it over only while it is still so
     */
    record Link(UserModel account, LinkRule linkRule, AccountFacts seen) implements SignInOutcome {
        @Override
        public String rule() {
            return linkRule.name();
        }
    }

    /**
     * A sign-in of an identity linked to {@code account}: a later sign-in ({@code RETURNING}), or the first one of an
     * account another first-login flow created ({@code NEW}).
     */
    record Update(UserModel account, AccountKind kind) implements SignInOutcome {
        @Override
        public String rule() {
            return "LINKED_IDENTITY";
        }
    }
}
