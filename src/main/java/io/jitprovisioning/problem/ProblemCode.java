package io.jitprovisioning.problem;

/**
 * Every code an administrator can get from the extension's admin API and pages (the refusal codes a person signing in
 * sees are {@code refusal.JitError}). The names are public contract: they appear in API answers, on the console pages
 * and in the docs (whose tables a unit test checks against this enum). Never rename one.
 */
public enum ProblemCode {

    // The metadata file (POST /metadata/validate, and the metadata of a setup).
    NOT_WELL_FORMED(Kind.METADATA),
    DOCTYPE_FORBIDDEN(Kind.METADATA),
    TOO_LARGE(Kind.METADATA),
    NOT_ENTITY_DESCRIPTOR(Kind.METADATA),
    MISSING_ENTITY_ID(Kind.METADATA),
    MISSING_IDP_SSO_DESCRIPTOR(Kind.METADATA),
    MISSING_SSO_SERVICE(Kind.METADATA),
    INVALID_SSO_LOCATION(Kind.METADATA),
    MISSING_SIGNING_CERTIFICATE(Kind.METADATA),
    INVALID_CERTIFICATE(Kind.METADATA),
    MULTIPLE_IDPS(Kind.METADATA),
    CERTIFICATE_EXPIRED(Kind.METADATA, true),
    CERTIFICATE_NOT_YET_VALID(Kind.METADATA, true),
    CERTIFICATE_PEM_WRAPPED(Kind.METADATA, true),
    AGGREGATE_SINGLE_IDP(Kind.METADATA, true),
    METADATA_EXPIRED(Kind.METADATA, true),

    // A request's body and the setup it asks for.
    INVALID_REQUEST(Kind.REQUEST),
    UNKNOWN_FIELD(Kind.REQUEST),
    INVALID_ALIAS(Kind.REQUEST),
    INVALID_DISPLAY_NAME(Kind.REQUEST),
    INVALID_METADATA(Kind.REQUEST),
    INVALID_ENTITY_ID(Kind.REQUEST),
    ALIAS_EXISTS(Kind.REQUEST),
    ALIAS_MISMATCH(Kind.REQUEST),
    MISSING_METADATA(Kind.REQUEST),
    MISSING_FILE(Kind.REQUEST),
    INVALID_IDP_CONFIG(Kind.REQUEST),
    UNSUPPORTED_IDP_TYPE(Kind.REQUEST),
    NAME_ID_FORMAT_NOT_OFFERED(Kind.REQUEST, true),
    INVALID_ENABLED(Kind.REQUEST),
    // What an organization's SSO administrator, or a setup link's holder, may not do (the organization routes).
    NOT_A_MEMBER(Kind.ORGANIZATION),
    NOT_OFFERED(Kind.ORGANIZATION),
    NOT_ORGANIZATION_DOMAIN(Kind.ORGANIZATION),
    TOO_MANY_IDENTITY_PROVIDERS(Kind.ORGANIZATION),
    INVALID_LIMITS(Kind.ORGANIZATION),
    UNKNOWN_OFFERED(Kind.ORGANIZATION),
    PROTECTED_OFFERED(Kind.ORGANIZATION),
    INVALID_EXPIRY(Kind.ORGANIZATION),
    LINK_EXPIRED(Kind.ORGANIZATION),
    LINK_REVOKED(Kind.ORGANIZATION),

    // A setting sent: of the wrong type or format (INVALID_<KEY>), or naming what the realm does not allow.
    INVALID_JIT_ENABLED(Kind.SETTING),
    INVALID_DEFAULT_ROLE(Kind.SETTING),
    INVALID_IDP_MANAGED_ROLES(Kind.SETTING),
    INVALID_ATTRIBUTE_MAPPING(Kind.SETTING),
    INVALID_ROLE_VALUES(Kind.SETTING),
    INVALID_UNKNOWN_ROLE_POLICY(Kind.SETTING),
    INVALID_ASSIGNABLE_ROLES(Kind.SETTING),
    INVALID_GROUP_VALUES(Kind.SETTING),
    INVALID_ASSIGNABLE_GROUPS(Kind.SETTING),
    INVALID_EMAIL_DOMAIN(Kind.SETTING),
    INVALID_REQUIRED_ATTRIBUTE(Kind.SETTING),
    INVALID_REQUIRED_VALUES(Kind.SETTING),
    UNKNOWN_DEFAULT_ROLE(Kind.SETTING),
    PROTECTED_DEFAULT_ROLE(Kind.SETTING),
    UNKNOWN_ROLE_VALUE_TARGET(Kind.SETTING),
    PROTECTED_ROLE_VALUE_TARGET(Kind.SETTING, true),
    UNKNOWN_ASSIGNABLE_ROLE(Kind.SETTING),
    PROTECTED_ASSIGNABLE_ROLE(Kind.SETTING, true),
    UNKNOWN_GROUP(Kind.SETTING),
    UNKNOWN_ASSIGNABLE_GROUP(Kind.SETTING),
    PROTECTED_GROUP(Kind.SETTING),

    // A preview's input.
    INVALID_SAML_RESPONSE(Kind.PREVIEW_INPUT),
    INVALID_ATTRIBUTES(Kind.PREVIEW_INPUT),
    INVALID_NAME_ID(Kind.PREVIEW_INPUT),
    INVALID_NAME_ID_FORMAT(Kind.PREVIEW_INPUT),

    // What is wrong with an identity provider's setup as it stands (the preview's settingsProblems, the REST GET).
    IDP_DISABLED(Kind.SETUP_CHECK, true),
    SIGNATURES_NOT_VALIDATED(Kind.SETUP_CHECK, true),
    NO_JIT_MAPPER(Kind.SETUP_CHECK, true),
    SEVERAL_JIT_MAPPERS(Kind.SETUP_CHECK, true),
    OTHER_MAPPERS(Kind.SETUP_CHECK, true),
    FIRST_LOGIN_FLOW_WITHOUT_JIT_STEP(Kind.SETUP_CHECK, true),
    SYNC_MODE_IMPORT(Kind.SETUP_CHECK, true),
    SETTING_UNUSABLE(Kind.SETUP_CHECK, true),
    SETTINGS_INVALID(Kind.SETUP_CHECK, true),
    REALM_NOT_PREPARED(Kind.SETUP_CHECK, true),
    DEFAULT_ROLE_MISSING(Kind.SETUP_CHECK, true);

    /** Where a code comes from: the docs list each kind in its own table. */
    public enum Kind { METADATA, REQUEST, SETTING, ORGANIZATION, PREVIEW_INPUT, SETUP_CHECK }

    private final Kind kind;
    private final boolean warning;

    ProblemCode(Kind kind) {
        this(kind, false);
    }

    ProblemCode(Kind kind, boolean warning) {
        this.kind = kind;
        this.warning = warning;
    }

    public Kind kind() {
        return kind;
    }

    /** True when what it reports stops the request (an error); false for a warning or a finding. */
    public boolean isError() {
        return !warning;
    }
}
