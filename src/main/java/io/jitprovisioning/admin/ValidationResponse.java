package io.jitprovisioning.admin;

import java.util.List;

import io.jitprovisioning.metadata.CertificateInfo;
import io.jitprovisioning.metadata.MetadataReport;
import io.jitprovisioning.problem.Problem;

/** The body of {@code POST /metadata/validate}. */
public record ValidationResponse(boolean valid, String entityId, List<Service> ssoServices,
                                 List<Certificate> certificates, List<Problem> warnings, List<Problem> errors) {

    public record Service(String binding, String location) {
    }

    public record Certificate(String use, String subject, String notAfter, boolean expired) {
        static Certificate of(CertificateInfo info) {
            return new Certificate(info.use(), info.subject(), info.notAfter().toString(), info.expired());
        }
    }

    static ValidationResponse of(MetadataReport report) {
        return new ValidationResponse(report.valid(), report.entityId(),
                report.ssoServices().stream().map(s -> new Service(s.binding(), s.location())).toList(),
                report.certificates().stream().map(Certificate::of).toList(),
                report.warnings().stream().toList(),
                report.errors().stream().toList());
    }
}
