package io.jitprovisioning.config;

import io.jitprovisioning.problem.ProblemCode;

/**
 * A field of an admin request body that is no setting (the setup's alias and file, the preview's input), declared once
 * as a {@link Setting} is: its JSON name (public contract), the code of a value of the wrong type, and its label and
 * help text where a page shows it. The REST API, the console pages and the docs all read it from here.
 */
public record RequestField(String name, ProblemCode invalidCode, String label, String helpText) {

    // The one-step setup (POST and PUT /identity-providers), besides the settings.
    public static final RequestField ALIAS = new RequestField("alias", ProblemCode.INVALID_ALIAS, "Alias",
            "The identity provider's alias, part of its URLs (letters, digits, '.', '_', '-'). The service provider metadata "
                    + "for your IdP is then at /realms/<realm>/broker/<alias>/endpoint/descriptor.");
    public static final RequestField DISPLAY_NAME = new RequestField("displayName", ProblemCode.INVALID_DISPLAY_NAME,
            "Display name", "The sign-in button's text, e.g. 'Sign in with Okta'.");
    public static final RequestField METADATA = new RequestField("metadata", ProblemCode.INVALID_METADATA, "SAML metadata file",
            "Your identity provider's SAML metadata XML: EntityDescriptor with entityID, IDPSSODescriptor, SingleSignOnService "
                    + "(HTTP-Redirect or HTTP-POST) and an X509Certificate. It is checked strictly; upload a new file to roll over "
                    + "certificates. The JIT settings are then on the identity provider's 'JIT provisioning' mapper (Identity "
                    + "providers > alias > Mappers).");
    public static final RequestField ENTITY_ID = new RequestField("entityId", ProblemCode.INVALID_ENTITY_ID,
            "Entity ID (aggregates only)", "Only for a metadata file holding several identity providers: the entityID of the one to use.");

    public static final RequestField ENABLED = new RequestField("enabled", ProblemCode.INVALID_ENABLED, "SAML Enabled",
            "Whether people can sign in through this identity provider. A realm administrator's new identity provider is on; "
                    + "an organization's starts off, until its administrator has tested it.");
    public static final RequestField ALIAS_SUFFIX = new RequestField("aliasSuffix", ProblemCode.INVALID_ALIAS, "Alias suffix",
            "An organization's identity provider is named <organization alias>-<suffix> (default 'saml'): letters, digits, "
                    + "'.', '_', '-'.");

    // A preview's input; nameIdFormat is a setup's field too (the format the identity provider is asked for).
    public static final RequestField SAML_RESPONSE = new RequestField("samlResponse", ProblemCode.INVALID_SAML_RESPONSE,
            "SAML response", "The SAMLResponse a user's browser posted: base64 as posted, URL-encoded or not, or the XML.");
    public static final RequestField ATTRIBUTES = new RequestField("attributes", ProblemCode.INVALID_ATTRIBUTES, "Attributes",
            "Attributes typed by hand: an object of attribute names to a string or an array of strings.");
    public static final RequestField NAME_ID = new RequestField("nameId", ProblemCode.INVALID_NAME_ID, "NameID",
            "The NameID typed by hand.");
    public static final RequestField NAME_ID_FORMAT = new RequestField("nameIdFormat", ProblemCode.INVALID_NAME_ID_FORMAT,
            "NameID format", "The NameID's format, an absolute URI such as urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress. In a "
                    + "setup, the format the identity provider is asked for: linked accounts are found by the NameID, so agree on a "
                    + "change with the IdP first.");
}
