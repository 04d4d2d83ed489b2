package io.jitprovisioning.metadata;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/** A problem after which no further check makes sense (nothing to parse, or no identity provider to look at). */
final class MetadataRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Problem issue;

    MetadataRejection(ProblemCode code, String message) {
        // No stack trace: this is an expected outcome, not a bug.
        super(code.name(), null, false, false);
        this.issue = new Problem(code, message);
    }

    Problem issue() {
        return issue;
    }
}
