package io.jitprovisioning.metadata;

import java.util.List;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/** Short accessors for assertions on report codes. */
final class Issues {
    private Issues() {
    }

    static List<ProblemCode> errors(MetadataReport report) {
        return report.errors().stream().map(Problem::code).toList();
    }

    static List<ProblemCode> warnings(MetadataReport report) {
        return report.warnings().stream().map(Problem::code).toList();
    }

    static String messages(MetadataReport report) {
        StringBuilder all = new StringBuilder();
        report.errors().forEach(issue -> all.append(issue.message()).append('\n'));
        report.warnings().forEach(issue -> all.append(issue.message()).append('\n'));
        return all.toString();
    }
}
