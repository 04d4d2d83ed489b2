package io.jitprovisioning.admission;

import org.keycloak.models.UserModel;

import io.jitprovisioning.refusal.JitError;

/** What the first login of an identity leads to. */
public sealed interface Admission {

    /** No account matches and JIT is on: create one with this username. */
    record Create(String username) implements Admission {
    }

    /** An existing account may be linked to the identity. */
    record Link(UserModel user) implements Admission {
    }

    /** The login is refused; nothing may be written. */
    record Refuse(JitError code) implements Admission {
    }
}
