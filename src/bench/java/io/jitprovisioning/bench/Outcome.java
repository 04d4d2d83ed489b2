package io.jitprovisioning.bench;

import io.jitprovisioning.testsupport.LoginResult;

/** How one brokered sign-in ended, as the person signing in would see it. */
enum Outcome {
    LOGGED_IN("logged in"),
    TRY_AGAIN("clean retryable refusal (TRY_AGAIN)"),
    SERVER_ERROR("HTTP 5xx"),
    OTHER_ERROR("other error page"),
    CLIENT_EXCEPTION("client exception");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    static Outcome of(LoginResult result) {
        if (result.history().stream().anyMatch(page -> page.status() >= 500)) {
            return SERVER_ERROR;
        }
        if (result.isLoggedIn()) {
            return LOGGED_IN;
        }
        return "TRY_AGAIN".equals(result.jitErrorCode()) ? TRY_AGAIN : OTHER_ERROR;
    }
}
