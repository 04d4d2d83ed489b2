package io.jitprovisioning.problem;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One error, warning or finding the extension reports to an administrator: a public code and a message saying what is
 * wrong and how to fix it. The message never quotes personal data or what a sign-in sent (a metadata file's entityIDs
 * when one must be chosen aside); escape it before putting it into HTML. Every admin answer lists these as
 * {@code {"code", "message"}}.
 */
public record Problem(ProblemCode code, String message) {

    public Problem {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    /** Whether it stops what was asked: its code's severity. */
    @JsonIgnore
    public boolean isError() {
        return code.isError();
    }
}
