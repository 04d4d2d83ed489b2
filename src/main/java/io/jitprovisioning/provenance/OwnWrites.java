package io.jitprovisioning.provenance;

import org.keycloak.models.KeycloakSession;

/**
 * Marks the role and group changes the extension makes itself. Every other change of a role mapping is an
 * administrator's hand (or another mapper's), which the provenance must then forget.
 */
public final class OwnWrites {

    private static final String MARK = OwnWrites.class.getName();

    private OwnWrites() {
    }

    public static void run(KeycloakSession session, Runnable write) {
        Object before = session.getAttribute(MARK);
        session.setAttribute(MARK, Boolean.TRUE);
        try {
            write.run();
        } finally {
            if (before == null) {
                session.removeAttribute(MARK);
            }
        }
    }

    public static boolean isRunning(KeycloakSession session) {
        return session != null && Boolean.TRUE.equals(session.getAttribute(MARK));
    }
}
