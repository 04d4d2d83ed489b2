package io.jitprovisioning.preview;

import java.security.Key;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.xml.crypto.dsig.XMLSignature;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.common.VerificationException;
import org.keycloak.crypto.KeyUse;
import org.keycloak.keys.PublicKeyLoader;
import org.keycloak.keys.PublicKeyStorageProvider;
import org.keycloak.keys.PublicKeyStorageUtils;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.protocol.saml.SamlMetadataKeyLocator;
import org.keycloak.protocol.saml.SamlMetadataPublicKeyLoader;
import org.keycloak.protocol.saml.SamlProtocolUtils;
import org.keycloak.rotation.HardcodedKeyLocator;
import org.keycloak.rotation.KeyLocator;
import org.keycloak.saml.common.exceptions.ProcessingException;
import org.keycloak.saml.processing.core.saml.v2.util.AssertionUtil;
import org.keycloak.saml.processing.core.util.XMLSignatureUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The signature checks Keycloak's SAML broker endpoint makes on an HTTP-POST response, with the identity provider's
 * keys as it finds them: the response's signature, when there is one; then the assertion's (required by Want
 * assertions signed); and, with Validate signatures on, an unsigned assertion only inside a signed response.
 */
final class SignatureCheck {

    static final String CHECK = "signature";

    private final KeycloakSession session;
    private final RealmModel realm;
    private final SAMLIdentityProviderConfig config;
    private int ignoredCertificates;

    SignatureCheck(KeycloakSession session, RealmModel realm, SAMLIdentityProviderConfig config) {
        this.session = session;
        this.realm = realm;
        this.config = config;
    }

    Check run(Document document, Element assertion) {
        boolean validate = config.isValidateSignature();
        KeyLocator keys = validate ? keys() : null;
        boolean anySignature = containsSignature(document);
        if (validate && anySignature) {
            try {
                SamlProtocolUtils.verifyDocumentSignature(document, keys);
            } catch (VerificationException | RuntimeException invalid) {
                return Check.failed(CHECK, "the response's signature does not verify with the identity provider's "
                        + keysDescription() + ": the response was changed after signing, or signed with another key");
            }
        }
        boolean assertionSigned = assertion != null && AssertionUtil.isSignedElement(assertion);
        if (config.isWantAssertionsSigned() && !assertionSigned) {
            return Check.failed(CHECK, "the assertion is not signed, and Want assertions signed is on");
        }
        if (!validate) {
            return Check.notApplicable(CHECK, "Validate signatures is off for this identity provider: Keycloak accepts "
                    + "unsigned and altered responses. Turn it on.");
        }
        if (assertionSigned && !AssertionUtil.isSignatureValid(assertion, keys)) {
            return Check.failed(CHECK, "the assertion's signature does not verify with the identity provider's "
                    + keysDescription() + ": the assertion was changed after signing, or signed with another key");
        }
        boolean responseSigned = AssertionUtil.isSignedElement(document.getDocumentElement());
        if (!assertionSigned && !responseSigned) {
            return Check.failed(CHECK, "neither the response nor the assertion is signed");
        }
        String signed = responseSigned && assertionSigned ? "response and assertion" : responseSigned ? "response" : "assertion";
        return Check.passed(CHECK, signed + " signed, verified with the identity provider's " + keysDescription());
    }

    private static boolean containsSignature(Document document) {
        NodeList signatures = document.getElementsByTagNameNS(XMLSignature.XMLNS, "Signature");
        return signatures != null && signatures.getLength() > 0;
    }

    private String keysDescription() {
        if (usesMetadataUrl()) {
            return "keys from its metadata URL";
        }
        int stored = config.getSigningCertificates().length;
        return stored + " stored signing certificate(s)"
                + (ignoredCertificates > 0 ? ", of which " + ignoredCertificates + " expired or not yet valid and ignored as Keycloak does" : "");
    }

    private boolean usesMetadataUrl() {
        String url = config.getMetadataDescriptorUrl();
        return url != null && !url.isBlank() && config.isUseMetadataDescriptorUrl();
    }

    /** Keycloak's own choice of keys (SAMLEndpoint's getIDPKeyLocator): the metadata URL's, or the stored certificates. */
    private KeyLocator keys() {
        if (usesMetadataUrl()) {
            String modelKey = PublicKeyStorageUtils.getIdpModelCacheKey(realm.getId(), config.getInternalId());
            PublicKeyLoader loader = new SamlMetadataPublicKeyLoader(session, config.getMetadataDescriptorUrl());
            return new SamlMetadataKeyLocator(modelKey, loader, KeyUse.SIG, session.getProvider(PublicKeyStorageProvider.class));
        }
        List<Key> keys = new ArrayList<>();
        for (String certificate : config.getSigningCertificates()) {
            try {
                X509Certificate cert = XMLSignatureUtil.getX509CertificateFromKeyInfoString(certificate.replaceAll("\\s", ""));
                cert.checkValidity();
                keys.add(cert.getPublicKey());
            } catch (CertificateException | ProcessingException unusable) {
                ignoredCertificates++;
            }
        }
        return new HardcodedKeyLocator(keys);
    }
}
