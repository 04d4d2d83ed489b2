package io.jitprovisioning.login;

/** The extension's notes on Keycloak's authentication session, shared by the mapper and the JIT step. */
public final class AuthNotes {

    /** Set by the JIT step on an account it created, so that the mapper's importNewUser does not do the work twice. */
    public static final String PROVISIONED = "jit.provisioned";

    private AuthNotes() {
    }
}
