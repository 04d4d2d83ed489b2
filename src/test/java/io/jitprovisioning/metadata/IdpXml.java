package io.jitprovisioning.metadata;

import java.nio.charset.StandardCharsets;

/** Builds IdP metadata for tests: by default one valid signing certificate and an HTTP-POST login endpoint. */
final class IdpXml {
    static final String MD = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String DS = "http://www.w3.org/2000/09/xmldsig#";
    static final String POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";
    static final String ARTIFACT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Artifact";
    static final String ENTITY_ID = "https://idp.example.test/metadata";
    static final String SSO_POST_URL = "https://idp.example.test/sso/post";
    static final String SSO_REDIRECT_URL = "https://idp.example.test/sso/redirect";

    private String entityId = ENTITY_ID;
    private String entityAttributes = "";
    private String idpAttributes = " protocolSupportEnumeration=\"urn:oasis:names:tc:SAML:2.0:protocol\"";
    private final StringBuilder keys = new StringBuilder();
    private final StringBuilder content = new StringBuilder();
    private boolean idpDescriptor = true;

    /** No certificate and no endpoint yet. */
    static IdpXml empty() {
        return new IdpXml();
    }

    static IdpXml valid() {
        return empty().key("signing", TestCertificates.CURRENT).sso(POST, SSO_POST_URL);
    }

    IdpXml entityId(String value) {
        entityId = value;
        return this;
    }

    IdpXml entityAttributes(String attributes) {
        entityAttributes = " " + attributes;
        return this;
    }

    IdpXml idpAttributes(String attributes) {
        idpAttributes = " " + attributes;
        return this;
    }

    /** A KeyDescriptor holding one ds:X509Certificate; {@code use} null leaves the attribute out. */
    IdpXml key(String use, String certificateText) {
        return keyDescriptor(use, "<ds:KeyInfo><ds:X509Data><ds:X509Certificate>" + certificateText
                + "</ds:X509Certificate></ds:X509Data></ds:KeyInfo>");
    }

    IdpXml keyDescriptor(String use, String innerXml) {
        String useAttribute = use == null ? "" : " use=\"" + use + "\"";
        keys.append("<md:KeyDescriptor").append(useAttribute).append('>').append(innerXml).append("</md:KeyDescriptor>");
        return this;
    }

    IdpXml sso(String binding, String location) {
        return raw("<md:SingleSignOnService Binding=\"" + binding + "\" Location=\"" + location + "\"/>");
    }

    IdpXml slo(String binding, String location) {
        return raw("<md:SingleLogoutService Binding=\"" + binding + "\" Location=\"" + location + "\"/>");
    }

    IdpXml nameIdFormat(String format) {
        return raw("<md:NameIDFormat>" + format + "</md:NameIDFormat>");
    }

    /** Extra XML inside the IDPSSODescriptor, after the KeyDescriptors. */
    IdpXml raw(String xml) {
        content.append(xml);
        return this;
    }

    /** Replaces the IDPSSODescriptor by an SPSSODescriptor, as in service provider metadata. */
    IdpXml serviceProvider() {
        idpDescriptor = false;
        return this;
    }

    /** The EntityDescriptor element, declaring the namespaces it uses, for embedding in an aggregate. */
    String element() {
        String entityIdAttribute = entityId == null ? "" : " entityID=\"" + entityId + "\"";
        String role = idpDescriptor ? "md:IDPSSODescriptor" : "md:SPSSODescriptor";
        return "<md:EntityDescriptor xmlns:md=\"" + MD + "\" xmlns:ds=\"" + DS + "\"" + entityIdAttribute
                + entityAttributes + ">\n  <" + role + idpAttributes + ">" + keys + content + "</" + role
                + ">\n</md:EntityDescriptor>\n";
    }

    String xml() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + element();
    }

    byte[] bytes() {
        return xml().getBytes(StandardCharsets.UTF_8);
    }

    /** An EntitiesDescriptor around the given EntityDescriptor elements. */
    static byte[] aggregate(String attributes, String... entityElements) {
        return ("<md:EntitiesDescriptor xmlns:md=\"" + MD + "\" " + attributes + ">\n" + String.join("", entityElements)
                + "</md:EntitiesDescriptor>").getBytes(StandardCharsets.UTF_8);
    }
}
