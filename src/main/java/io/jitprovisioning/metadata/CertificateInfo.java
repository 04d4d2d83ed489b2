package io.jitprovisioning.metadata;

import java.time.Instant;

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
}
