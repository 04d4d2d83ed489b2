package io.jitprovisioning.admin;

import java.util.List;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/** A setup request that cannot be carried out; nothing was written. */
final class SetupRejected extends Exception {

    private final int status;
    private final List<Problem> errors;
    private final List<Problem> warnings;

    SetupRejected(int status, List<Problem> errors, List<Problem> warnings) {
        super(errors.isEmpty() ? "rejected" : errors.get(0).code().name(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    static SetupRejected badRequest(ProblemCode code, String message) {
        return new SetupRejected(400, List.of(new Problem(code, message)), List.of());
    }

    int status() {
        return status;
    }

    List<Problem> errors() {
        return errors;
    }

    List<Problem> warnings() {
        return warnings;
    }
}
