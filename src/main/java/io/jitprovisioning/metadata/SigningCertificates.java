package io.jitprovisioning.metadata;

import java.time.Clock;
import java.time.Instant;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import io.jitprovisioning.problem.ProblemCode;

/** Reads the certificates of an IDPSSODescriptor's KeyDescriptors and judges the ones usable for signatures. */
final class SigningCertificates {
    private final Clock clock;

    private int signingElements;
    private int signingDecoded;
    private int expired;
    private int notYetValid;
    private int pemWrapped;

    private SigningCertificates(Clock clock) {
        this.clock = clock;
    }

    static void check(Element idpDescriptor, Clock clock, ReportBuilder report) {
        new SigningCertificates(clock).run(idpDescriptor, report);
    }

    private void run(Element idpDescriptor, ReportBuilder report) {
        Instant now = clock.instant();
        for (Element keyDescriptor : Dom.metadataChildren(idpDescriptor, "KeyDescriptor")) {
            String use = useOf(keyDescriptor);
            if (use == null) {
                continue;
            }
            boolean signing = !use.equals("encryption");
            NodeList elements = keyDescriptor.getElementsByTagNameNS(SamlNames.XMLDSIG_NS, "X509Certificate");
            for (int i = 0; i < elements.getLength(); i++) {
                signingElements += signing ? 1 : 0;
                CertificateDecoder.decode(elements.item(i).getTextContent())
                        .ifPresent(decoded -> record(decoded, use, signing, now, report));
            }
        }
        addIssues(report);
    }

    private void record(CertificateDecoder.Decoded decoded, String use, boolean signing, Instant now,
            ReportBuilder report) {
        CertificateInfo info = CertificateInfo.of(use, decoded.certificate(), now);
        boolean isExpired = info.expired();
        report.certificates.add(info);
        pemWrapped += decoded.pemWrapped() ? 1 : 0;
        if (signing) {
            signingDecoded++;
            report.signingCertificates.add(decoded.base64Der());
            expired += isExpired ? 1 : 0;
            notYetValid += decoded.certificate().getNotBefore().toInstant().isAfter(now) ? 1 : 0;
        }
    }

    private void addIssues(ReportBuilder report) {
        if (signingElements == 0) {
            report.add(ProblemCode.MISSING_SIGNING_CERTIFICATE, Messages.missingSigningCertificate());
        } else if (signingDecoded == 0) {
            report.add(ProblemCode.INVALID_CERTIFICATE, Messages.invalidCertificate(signingElements));
        }
        if (expired > 0) {
            report.add(ProblemCode.CERTIFICATE_EXPIRED, Messages.certificatesExpired(expired, signingDecoded));
        }
        if (notYetValid > 0) {
            report.add(ProblemCode.CERTIFICATE_NOT_YET_VALID,
                    Messages.certificatesNotYetValid(notYetValid, signingDecoded));
        }
        if (pemWrapped > 0) {
            report.add(ProblemCode.CERTIFICATE_PEM_WRAPPED, Messages.pemWrapped(pemWrapped));
        }
    }

    /** "signing", "encryption", "unspecified" when absent, or null for a value SAML does not define. */
    private static String useOf(Element keyDescriptor) {
        String use = Dom.attribute(keyDescriptor, "use");
        if (use == null) {
            return "unspecified";
        }
        return use.equals("signing") || use.equals("encryption") ? use : null;
    }
}
