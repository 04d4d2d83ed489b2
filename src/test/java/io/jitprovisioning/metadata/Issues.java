package io.jitprovisioning.metadata;

import java.util.List;

/** Short accessors for assertions on report codes. */
final class Issues {
    private Issues() {
    }

    static List<IssueCode> errors(MetadataReport report) {
        return report.errors().stream().map(MetadataIssue::code).toList();
    }

    static List<IssueCode> warnings(MetadataReport report) {
        return report.warnings().stream().map(MetadataIssue::code).toList();
    }

    static String messages(MetadataReport report) {
        StringBuilder all = new StringBuilder();
        report.errors().forEach(issue -> all.append(issue.message()).append('\n'));
        report.warnings().forEach(issue -> all.append(issue.message()).append('\n'));
        return all.toString();
    }
}
