package io.jitprovisioning.metadata;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Collects findings while the checks run, then freezes them into a {@link MetadataReport}. */
final class ReportBuilder {
    String entityId;
    Boolean wantAuthnRequestsSigned;
    final List<Endpoint> ssoServices = new ArrayList<>();
    final List<Endpoint> sloServices = new ArrayList<>();
    final Set<String> signingCertificates = new LinkedHashSet<>();
    final List<CertificateInfo> certificates = new ArrayList<>();
    final Set<String> nameIdFormats = new LinkedHashSet<>();
    private final List<MetadataIssue> warnings = new ArrayList<>();
    private final List<MetadataIssue> errors = new ArrayList<>();

    void add(IssueCode code, String message) {
        add(new MetadataIssue(code, message));
    }

    void add(MetadataIssue issue) {
        (issue.code().isError() ? errors : warnings).add(issue);
    }

    MetadataReport build() {
        return new MetadataReport(entityId, ssoServices, sloServices, List.copyOf(signingCertificates), certificates,
                List.copyOf(nameIdFormats), wantAuthnRequestsSigned, warnings, errors);
    }
}
