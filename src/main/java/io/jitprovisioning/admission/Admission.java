package io.jitprovisioning.admission;

import org.keycloak.models.UserModel;

import io.jitprovisioning.refusal.JitError;

/** What the first login of an identity leads to, and the rule that decided it. */
public sealed interface Admission {

    /** The rule's name, for the preview and the logs. */
    String rule();

    /** No account matches and JIT is on: create one with this username. */
    record Create(String username) implements Admission {
        @Override
        public String rule() {
            return "NEW_ACCOUNT";
        }
    }

    /** An existing account may be linked to the identity. */
    record Link(UserModel user, LinkRule linkRule) implements Admission {
        @Override
        public String rule() {
            return linkRule.name();
        }
    }

    /**
     * The login is refused; nothing may be written.
     *
     * @param account the existing account the refusing rule looked at, or null when none was involved
     */
    record Refuse(JitError code, String rule, UserModel account) implements Admission {

        public Refuse(JitError code, String rule) {
            this(code, rule, null);
        }

        /** A refusal by a gate or the unknown-role policy, named after the setting that decided it. */
        public static Refuse byGate(JitError code) {
            String rule = switch (code) {
                case DOMAIN_NOT_ALLOWED -> "ALLOWED_EMAIL_DOMAINS";
                case NOT_ALLOWED -> "REQUIRED_ATTRIBUTE";
                case UNKNOWN_ROLE, ROLE_NOT_ALLOWED -> "UNKNOWN_ROLE_POLICY_DENY";
                default -> code.name();
            };
            return new Refuse(code, rule);
        }
    }
}
