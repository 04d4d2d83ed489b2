package io.jitprovisioning.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/** Collects findings while the checks run, then freezes them into a {@link MetadataReport}. */
final class ReportBuilder {
    String entityId;
    Boolean wantAuthnRequestsSigned;
    final List<Endpoint> ssoServices = new ArrayList<>();
    final List<Endpoint> sloServices = new ArrayList<>();
    final Set<String> signingCertificates = new LinkedHashSet<>();
    final List<CertificateInfo> certificates = new ArrayList<>();
    final Set<String> nameIdFormats = new LinkedHashSet<>();
    private final List<Problem> warnings = new ArrayList<>();
    private final List<Problem> errors = new ArrayList<>();

    void add(ProblemCode code, String message) {
        add(new Problem(code, message));
    }

    void add(Problem issue) {
        (issue.code().isError() ? errors : warnings).add(issue);
    }

    MetadataReport build() {
        return new MetadataReport(entityId, ssoServices, sloServices, List.copyOf(signingCertificates), certificates,
                List.copyOf(nameIdFormats), wantAuthnRequestsSigned, warnings, errors);
    }
}
