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

    /** The login is refused; nothing may be written. */
    record Refuse(JitError code, String rule) implements Admission {
    }
}
