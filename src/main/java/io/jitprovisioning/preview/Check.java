package io.jitprovisioning.preview;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One check of a pasted SAML response against the identity provider's configuration, as Keycloak makes it when the
 * response arrives. The detail names what was compared, never a value of the assertion.
 *
 * @param check  what was checked: {@code parse}, {@code status}, {@code destination}, {@code signature}, ...
 * @param result passed, failed or not applicable
 * @param detail what was compared, or why it failed, for the administrator
 */
public record Check(String check, Result result, String detail) {

    public enum Result {
        PASSED, FAILED, NOT_APPLICABLE;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static Check passed(String check, String detail) {
        return new Check(check, Result.PASSED, detail);
    }

    static Check failed(String check, String detail) {
        return new Check(check, Result.FAILED, detail);
    }

    static Check notApplicable(String check, String detail) {
        return new Check(check, Result.NOT_APPLICABLE, detail);
    }

    boolean failed() {
        return result == Result.FAILED;
    }
}
