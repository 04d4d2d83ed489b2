package io.jitprovisioning.metadata;

/**
 * A SingleSignOnService or SingleLogoutService of the identity provider with a binding Keycloak can use and a valid
 * absolute URL.
 *
 * @param binding  {@code urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST} or {@code ...:HTTP-Redirect}
 * @param location absolute http(s) URL
 */
public record Endpoint(String binding, String location) {
    /** Whether requests to this endpoint are sent with the HTTP-POST binding (otherwise HTTP-Redirect). */
    public boolean isHttpPost() {
        return SamlNames.HTTP_POST.equals(binding);
    }
}
