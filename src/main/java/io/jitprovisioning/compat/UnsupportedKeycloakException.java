package io.jitprovisioning.compat;

/** Thrown at start on a Keycloak older than the supported range: Keycloak then stops, naming the range. */
public final class UnsupportedKeycloakException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public UnsupportedKeycloakException(String message) {
        super(message);
    }
}
