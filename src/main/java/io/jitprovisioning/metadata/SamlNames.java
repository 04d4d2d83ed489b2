package io.jitprovisioning.metadata;

/** Namespace, protocol and binding URIs of SAML 2.0 metadata. */
final class SamlNames {
    static final String METADATA_NS = "urn:oasis:names:tc:SAML:2.0:metadata";
    static final String XMLDSIG_NS = "http://www.w3.org/2000/09/xmldsig#";
    static final String SAML2_PROTOCOL = "urn:oasis:names:tc:SAML:2.0:protocol";
    static final String HTTP_POST = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST";
    static final String HTTP_REDIRECT = "urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect";

    private SamlNames() {
    }

    static boolean isSupportedBinding(String binding) {
        return HTTP_POST.equals(binding) || HTTP_REDIRECT.equals(binding);
    }
}
