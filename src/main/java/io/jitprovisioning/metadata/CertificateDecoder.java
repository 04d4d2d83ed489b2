package io.jitprovisioning.metadata;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.Optional;

/** Turns the text of a ds:X509Certificate into a certificate, tolerating the common PEM mistake. */
final class CertificateDecoder {
    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_END = "-----END CERTIFICATE-----";

    /** A decoded certificate; {@code pemWrapped} if the text held a PEM file instead of plain base64 DER. */
    record Decoded(X509Certificate certificate, boolean pemWrapped) {
        String base64Der() {
            try {
                return Base64.getEncoder().encodeToString(certificate.getEncoded());
            } catch (CertificateEncodingException e) {
                throw new IllegalStateException("A parsed certificate has no encoding", e);
            }
        }
    }

    private CertificateDecoder() {
    }

    static Optional<Decoded> decode(String elementText) {
        String text = elementText.strip();
        if (text.contains(PEM_BEGIN)) {
            return fromDer(unwrapPem(text), true);
        }
        byte[] decoded = base64(text);
        if (decoded == null) {
            return Optional.empty();
        }
        // ruby-saml and Shibboleth samples carry base64 of a whole PEM file.
        String asText = new String(decoded, StandardCharsets.ISO_8859_1);
        if (asText.contains(PEM_BEGIN)) {
            return fromDer(unwrapPem(asText), true);
        }
        return fromDer(decoded, false);
    }

    private static byte[] unwrapPem(String pem) {
        int begin = pem.indexOf(PEM_BEGIN) + PEM_BEGIN.length();
        int end = pem.indexOf(PEM_END, begin);
        return end < 0 ? null : base64(pem.substring(begin, end));
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s+", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Optional<Decoded> fromDer(byte[] der, boolean pemWrapped) {
        if (der == null || der.length == 0) {
            return Optional.empty();
        }
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            X509Certificate certificate = (X509Certificate) factory.generateCertificate(new ByteArrayInputStream(der));
            return Optional.of(new Decoded(certificate, pemWrapped));
        } catch (CertificateException | RuntimeException e) {
            // RuntimeException too: the DER parser is fed attacker-controlled bytes.
            return Optional.empty();
        }
    }
}
