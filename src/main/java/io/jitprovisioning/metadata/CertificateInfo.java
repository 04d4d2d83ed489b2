package io.jitprovisioning.metadata;

import java.security.cert.X509Certificate;
import java.time.Instant;

import javax.security.auth.x500.X500Principal;

/**
 * A certificate of the identity provider that decoded as X.509.
 *
 * @param use      {@code "signing"}, {@code "encryption"} or {@code "unspecified"} (KeyDescriptor without
 *                 {@code use}, which SAML allows for both purposes)
 * @param subject  subject distinguished name in RFC 2253 form
 * @param notAfter end of validity
 * @param expired  whether {@code notAfter} lies before the validator's clock
 */
public record CertificateInfo(String use, String subject, Instant notAfter, boolean expired) {

    static CertificateInfo of(String use, X509Certificate certificate, Instant now) {
        Instant notAfter = certificate.getNotAfter().toInstant();
        return new CertificateInfo(use, certificate.getSubjectX500Principal().getName(X500Principal.RFC2253), notAfter,
                notAfter.isBefore(now));
    }
}
