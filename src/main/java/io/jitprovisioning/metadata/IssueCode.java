package io.jitprovisioning.metadata;

/**
 * What a {@link MetadataReport} can complain about. The constant names are a public contract (they appear in
 * logs, API responses and tests of other components): never rename them.
 */
public enum IssueCode {
    NOT_WELL_FORMED(true),
    DOCTYPE_FORBIDDEN(true),
    TOO_LARGE(true),
    NOT_ENTITY_DESCRIPTOR(true),
    MISSING_ENTITY_ID(true),
    MISSING_IDP_SSO_DESCRIPTOR(true),
    MISSING_SSO_SERVICE(true),
    INVALID_SSO_LOCATION(true),
    MISSING_SIGNING_CERTIFICATE(true),
    INVALID_CERTIFICATE(true),
    MULTIPLE_IDPS(true),

    CERTIFICATE_EXPIRED(false),
    CERTIFICATE_NOT_YET_VALID(false),
    CERTIFICATE_PEM_WRAPPED(false),
    AGGREGATE_SINGLE_IDP(false),
    METADATA_EXPIRED(false);

    private final boolean error;

    IssueCode(boolean error) {
        this.error = error;
    }

    /** {@code true} if the metadata cannot be used while this issue is present; {@code false} for a warning. */
    public boolean isError() {
        return error;
    }
}
