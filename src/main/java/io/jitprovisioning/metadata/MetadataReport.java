package io.jitprovisioning.metadata;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.jitprovisioning.problem.Problem;

/**
 * What {@link MetadataValidator} found in an identity provider's SAML metadata. The data fields hold whatever
 * could be read even when there are errors; only use them to configure an identity provider when
 * {@link #valid()}.
 *
 * @param entityId                the identity provider's entityID, or {@code null} if unknown
 * @param ssoServices             SingleSignOnService endpoints with the HTTP-POST or HTTP-Redirect binding and an
 *                                absolute http(s) Location, in document order
 * @param sloServices             SingleLogoutService endpoints, filtered like {@code ssoServices} (invalid ones are
 *                                dropped silently: logout is optional)
 * @param signingCertificates     the distinct certificates usable for signature checks (KeyDescriptor use
 *                                {@code signing} or absent) as base64 DER without whitespace, PEM armour removed
 * @param certificates            every certificate of the IDPSSODescriptor's KeyDescriptors that decodes as X.509;
 *                                undecodable ones are left out (they only matter through INVALID_CERTIFICATE)
 * @param nameIdFormats           distinct NameIDFormat values, in document order
 * @param wantAuthnRequestsSigned the IDPSSODescriptor's WantAuthnRequestsSigned, {@code null} if absent
 * @param warnings                problems that do not prevent using the metadata
 * @param errors                  problems that do
 */
public record MetadataReport(
        String entityId,
        List<Endpoint> ssoServices,
        List<Endpoint> sloServices,
        List<String> signingCertificates,
        List<CertificateInfo> certificates,
        List<String> nameIdFormats,
        Boolean wantAuthnRequestsSigned,
        List<Problem> warnings,
        List<Problem> errors) {

    public MetadataReport {
        ssoServices = List.copyOf(ssoServices);
        sloServices = List.copyOf(sloServices);
        signingCertificates = List.copyOf(signingCertificates);
        certificates = List.copyOf(certificates);
        nameIdFormats = List.copyOf(nameIdFormats);
        warnings = List.copyOf(warnings);
        errors = List.copyOf(errors);
    }

    /** {@code true} when there are no errors, i.e. an identity provider can be configured from this metadata. */
    public boolean valid() {
        return errors.isEmpty();
    }

    /** The HTTP-POST SingleSignOnService if there is one, else the HTTP-Redirect one. */
    public Optional<Endpoint> preferredSsoService() {
        return preferPost(ssoServices, Endpoint::isHttpPost);
    }

    /** The HTTP-POST SingleLogoutService if there is one, else the HTTP-Redirect one. */
    public Optional<Endpoint> preferredSloService() {
        return preferPost(sloServices, Endpoint::isHttpPost);
    }

    private static <T> Optional<T> preferPost(List<T> services, Predicate<T> isPost) {
        return services.stream().filter(isPost).findFirst().or(() -> services.stream().findFirst());
    }
}
