package io.jitprovisioning.login;

import org.keycloak.sessions.AuthenticationSessionModel;

/** The extension's notes on Keycloak's authentication session, shared by the mapper and the JIT step. */
public final class AuthNotes {

    /**
     * Set by the JIT step once it wrote a first sign-in (a created or a linked account), so that the mapper does not
     * write it again when Keycloak finishes the sign-in ({@code importNewUser}, {@code updateBrokeredUser}).
     */
    static final String APPLIED = "jit.applied";

    private AuthNotes() {
    }

    public static void markAppliedByJitStep(AuthenticationSessionModel authSession) {
        authSession.setAuthNote(APPLIED, "true");
    }

    public static boolean appliedByJitStep(AuthenticationSessionModel authSession) {
        return authSession != null && Boolean.parseBoolean(authSession.getAuthNote(APPLIED));
    }
}
