package io.jitprovisioning.metadata;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Administrator-facing texts. Fixed wording plus counts only: the file is untrusted, so its content is never
 * quoted, except entityIDs where the administrator has to pick one (and those are shortened and cleaned).
 */
final class Messages {
    private static final int MAX_LISTED_ENTITIES = 10;
    private static final int MAX_ENTITY_ID_LENGTH = 200;
    private static final String DOWNLOAD_AGAIN = " Download the metadata again from your identity provider (IdP).";

    private Messages() {
    }

    static String empty() {
        return "The metadata is empty. Provide the SAML metadata XML file of your identity provider (IdP).";
    }

    static String notWellFormed(int line, int column) {
        String where = line > 0 && column > 0 ? " (line " + line + ", column " + column + ")" : "";
        return "The metadata is not well-formed XML" + where + ". Make sure you provide the XML file itself, not an"
                + " HTML page or an archive, and that it was not edited by hand." + DOWNLOAD_AGAIN;
    }

    static String unreadable() {
        return "The metadata could not be read. Make sure it is the SAML metadata XML file of your identity provider"
                + " (IdP).";
    }

    static String doctypeForbidden() {
        return "The metadata contains a document type declaration (<!DOCTYPE ...>). It is refused because it can be"
                + " used to read files from the server or to exhaust its memory; genuine SAML metadata never needs"
                + " one. Remove the DOCTYPE or download the metadata directly from your identity provider (IdP).";
    }

    static String tooLarge(int size) {
        return "The metadata is " + size + " bytes, more than the limit of " + MetadataValidator.MAX_BYTES
                + " bytes (1 MiB). Large files are usually federation aggregates: download the metadata of your"
                + " single identity provider (IdP) instead.";
    }

    static String notEntityDescriptor() {
        return "The file is XML but not SAML 2.0 metadata: its root element must be EntityDescriptor or"
                + " EntitiesDescriptor in the namespace " + SamlNames.METADATA_NS + ". Download the SAML 2.0"
                + " metadata of your identity provider (IdP), not for example a WS-Federation or OpenID Connect"
                + " document.";
    }

    static String missingEntityId() {
        return "The EntityDescriptor has no entityID, so the identity provider (IdP) cannot be identified. Ask the"
                + " administrator of the IdP for complete metadata: the entityID is required.";
    }

    static String serviceProviderOnly() {
        return "The metadata has no IDPSSODescriptor: this looks like service provider metadata. Download the"
                + " metadata of your identity provider (IdP), not of an application.";
    }

    static String noIdpDescriptor() {
        return "The metadata has no IDPSSODescriptor, so it does not describe an identity provider (IdP). Download"
                + " the SAML metadata of your identity provider.";
    }

    static String noSaml2Idp() {
        return "The identity provider (IdP) in the metadata does not declare SAML 2.0 support (its"
                + " protocolSupportEnumeration lacks " + SamlNames.SAML2_PROTOCOL + "). Enable SAML 2.0 on the IdP"
                + " and download its metadata again.";
    }

    static String noIdpInAggregate(int entityCount) {
        return "The metadata lists " + entityCount + " entities, but none of them is a SAML 2.0 identity provider"
                + " (IdP). Download the metadata of your identity provider.";
    }

    static String chosenEntityNotFound(List<String> idpEntityIds) {
        return "None of the identity providers (IdPs) in the metadata has the entityID you chose. Choose one of: "
                + list(idpEntityIds) + ".";
    }

    static String otherEntityDescribed(String foundEntityId) {
        return "The metadata describes the entity " + quote(foundEntityId) + ", not the one you chose. Choose that"
                + " entityID or provide the metadata of the identity provider (IdP) you meant.";
    }

    static String multipleIdps(List<String> idpEntityIds) {
        return "The metadata lists " + idpEntityIds.size() + " identity providers (IdPs): " + list(idpEntityIds)
                + ". Choose the entityID of the one to use.";
    }

    static String aggregateSingleIdp(int entityCount) {
        return "The metadata is an aggregate (EntitiesDescriptor) of " + entityCount + " entities; its only identity"
                + " provider (IdP) is used. Prefer the metadata of that IdP alone.";
    }

    static String metadataExpired() {
        return "The metadata's validUntil date has passed, so it may be outdated (for example after a certificate"
                + " rollover)." + DOWNLOAD_AGAIN;
    }

    static String missingSsoService() {
        return "The identity provider (IdP) offers no SingleSignOnService with the HTTP-Redirect or HTTP-POST"
                + " binding, so users cannot be sent to it to log in. Enable one of these bindings on the IdP and"
                + " download its metadata again.";
    }

    static String invalidSsoLocation(int count) {
        return count + " SingleSignOnService endpoint(s) have a Location that is not an absolute http:// or https://"
                + " URL. Correct the login URL on the identity provider (IdP) and download its metadata again.";
    }

    static String missingSigningCertificate() {
        return "The metadata has no certificate to verify the identity provider's (IdP) signatures: no"
                + " ds:X509Certificate in a KeyDescriptor with use=\"signing\" or without use (encryption"
                + " certificates do not count). Ask the IdP to publish its signing certificate in its metadata.";
    }

    static String invalidCertificate(int count) {
        return "No signing certificate in the metadata is a readable X.509 certificate (" + count + " found): each"
                + " must be the base64 text of a DER certificate. Do not edit the certificates by hand."
                + DOWNLOAD_AGAIN;
    }

    static String certificatesExpired(int expired, int total) {
        return expired + " of " + total + " signing certificate(s) have expired. Logins fail while the identity"
                + " provider (IdP) signs with an expired certificate: renew it on the IdP and download its metadata"
                + " again.";
    }

    static String certificatesNotYetValid(int notYetValid, int total) {
        return notYetValid + " of " + total + " signing certificate(s) are not valid yet. Check the server's clock,"
                + " or make sure the identity provider (IdP) does not sign with them before they become valid.";
    }

    static String pemWrapped(int count) {
        return count + " certificate(s) in the metadata are PEM files (-----BEGIN CERTIFICATE-----) rather than plain"
                + " base64 DER. They were converted; ask the identity provider (IdP) to publish standard metadata,"
                + " other software may reject it.";
    }

    private static String list(List<String> entityIds) {
        String shown = entityIds.stream().limit(MAX_LISTED_ENTITIES).map(Messages::quote)
                .collect(Collectors.joining(", "));
        int hidden = entityIds.size() - MAX_LISTED_ENTITIES;
        return hidden > 0 ? shown + " and " + hidden + " more" : shown;
    }

    private static String quote(String entityId) {
        if (entityId == null) {
            return "(an entity without entityID)";
        }
        String clean = entityId.replaceAll("\\p{Cntrl}", "?");
        if (clean.length() > MAX_ENTITY_ID_LENGTH) {
            clean = clean.substring(0, MAX_ENTITY_ID_LENGTH) + "...";
        }
        return "\"" + clean + "\"";
    }
}
