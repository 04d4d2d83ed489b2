package io.jitprovisioning.metadata;

import java.time.Clock;
import java.util.Objects;
import org.w3c.dom.Document;

import io.jitprovisioning.problem.ProblemCode;

/**
 * Checks that uploaded or downloaded SAML 2.0 metadata describes an identity provider Keycloak can use, and
 * extracts what is needed to configure it. Parsing is hardened against XXE, entity expansion and oversized input,
 * and never touches the network. The metadata's own XML signature is not verified. Thread-safe.
 */
public final class MetadataValidator {
    /** Larger input is refused (TOO_LARGE) before it is parsed. */
    public static final int MAX_BYTES = 1024 * 1024;

    private final Clock clock;

    /** @param clock judges certificate validity and validUntil */
    public MetadataValidator(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Validates metadata. Never throws: every problem, including null or empty input, becomes an error (an
     * unexpected failure of the checks themselves too, as NOT_WELL_FORMED, so that such a file is never accepted).
     *
     * @param xml            the metadata file as bytes (encoding is taken from the XML declaration)
     * @param chosenEntityId the entityID to use when the metadata lists several identity providers; {@code null}
     *                       or blank for "the only one there is". If given, it must match the identity provider.
     */
    public MetadataReport validate(byte[] xml, String chosenEntityId) {
        ReportBuilder report = new ReportBuilder();
        try {
            check(xml, chosenEntityId == null || chosenEntityId.isBlank() ? null : chosenEntityId.strip(), report);
        } catch (MetadataRejection rejection) {
            report.add(rejection.issue());
        } catch (RuntimeException unexpected) {
            // Fail closed: a file that breaks the checks must not be usable.
            report.add(ProblemCode.NOT_WELL_FORMED, Messages.unreadable());
        }
        return report.build();
    }

    private void check(byte[] xml, String chosenEntityId, ReportBuilder report) throws MetadataRejection {
        if (xml == null || xml.length == 0) {
            throw new MetadataRejection(ProblemCode.NOT_WELL_FORMED, Messages.empty());
        }
        if (xml.length > MAX_BYTES) {
            throw new MetadataRejection(ProblemCode.TOO_LARGE, Messages.tooLarge(xml.length));
        }
        Document document = SafeXmlParser.parse(xml);
        EntitySelector.SelectedIdp idp = EntitySelector.select(document.getDocumentElement(), chosenEntityId, report);

        report.entityId = EntitySelector.entityId(idp.entity());
        if (report.entityId == null) {
            report.add(ProblemCode.MISSING_ENTITY_ID, Messages.missingEntityId());
        }
        if (ValidUntil.passed(idp.entity(), clock.instant())) {
            report.add(ProblemCode.METADATA_EXPIRED, Messages.metadataExpired());
        }
        IdpEndpoints.read(idp.idpDescriptor(), report);
        SigningCertificates.check(idp.idpDescriptor(), clock, report);
    }
}
