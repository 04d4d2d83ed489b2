package io.jitprovisioning.metadata;

/** A problem after which no further check makes sense (nothing to parse, or no identity provider to look at). */
final class MetadataRejection extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient MetadataIssue issue;

    MetadataRejection(IssueCode code, String message) {
        // No stack trace: this is an expected outcome, not a bug.
        super(code.name(), null, false, false);
        this.issue = new MetadataIssue(code, message);
    }

    MetadataIssue issue() {
        return issue;
    }
}
