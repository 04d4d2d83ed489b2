package io.jitprovisioning.metadata;

import java.util.Objects;

/**
 * One problem found in the metadata.
 *
 * @param code    stable, machine-readable code
 * @param message administrator-facing text saying what is wrong and how to fix it; it never quotes the file's
 *                content, except entityIDs when the administrator has to choose between entities. Escape it
 *                before putting it into HTML.
 */
public record MetadataIssue(IssueCode code, String message) {
    public MetadataIssue {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
