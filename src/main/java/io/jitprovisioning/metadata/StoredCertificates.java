package io.jitprovisioning.metadata;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** Describes the signing certificates a configured identity provider holds (Keycloak stores them comma-separated). */
public final class StoredCertificates {

    private StoredCertificates() {
    }

    public static List<CertificateInfo> describe(String commaSeparatedBase64, Clock clock) {
        List<CertificateInfo> described = new ArrayList<>();
        if (commaSeparatedBase64 == null || commaSeparatedBase64.isBlank()) {
            return described;
        }
        for (String text : commaSeparatedBase64.split(",")) {
            CertificateDecoder.decode(text)
                    .ifPresent(decoded -> described.add(CertificateInfo.of("signing", decoded.certificate(), clock.instant())));
        }
        return described;
    }
}
