package io.jitprovisioning.metadata;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.w3c.dom.Element;

import io.jitprovisioning.problem.ProblemCode;

/** Reads the endpoints and settings of an IDPSSODescriptor that Keycloak's SAML identity provider needs. */
final class IdpEndpoints {
    private IdpEndpoints() {
    }

    static void read(Element idpDescriptor, ReportBuilder report) {
        readSingleSignOn(idpDescriptor, report);
        for (Element slo : Dom.metadataChildren(idpDescriptor, "SingleLogoutService")) {
            String binding = Dom.attribute(slo, "Binding");
            String location = Dom.attribute(slo, "Location");
            if (SamlNames.isSupportedBinding(binding) && isAbsoluteHttpUrl(location)) {
                report.sloServices.add(new Endpoint(binding, location));
            }
        }
        for (Element format : Dom.metadataChildren(idpDescriptor, "NameIDFormat")) {
            String value = Dom.text(format);
            if (!value.isEmpty()) {
                report.nameIdFormats.add(value);
            }
        }
        report.wantAuthnRequestsSigned = xsBoolean(Dom.attribute(idpDescriptor, "WantAuthnRequestsSigned"));
    }

    private static void readSingleSignOn(Element idpDescriptor, ReportBuilder report) {
        int supported = 0;
        int invalidLocations = 0;
        for (Element sso : Dom.metadataChildren(idpDescriptor, "SingleSignOnService")) {
            String binding = Dom.attribute(sso, "Binding");
            if (!SamlNames.isSupportedBinding(binding)) {
                continue;
            }
            supported++;
            String location = Dom.attribute(sso, "Location");
            if (isAbsoluteHttpUrl(location)) {
                report.ssoServices.add(new Endpoint(binding, location));
            } else {
                invalidLocations++;
            }
        }
        if (supported == 0) {
            report.add(ProblemCode.MISSING_SSO_SERVICE, Messages.missingSsoService());
        } else if (invalidLocations > 0) {
            report.add(ProblemCode.INVALID_SSO_LOCATION, Messages.invalidSsoLocation(invalidLocations));
        }
    }

    // Browsers are sent to these URLs: anything but an absolute http(s) URL (javascript:, relative paths) is unsafe.
    static boolean isAbsoluteHttpUrl(String value) {
        if (value == null) {
            return false;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http"))
                    && uri.getRawAuthority() != null && !uri.getRawAuthority().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static Boolean xsBoolean(String value) {
        if ("true".equals(value) || "1".equals(value)) {
            return Boolean.TRUE;
        }
        if ("false".equals(value) || "0".equals(value)) {
            return Boolean.FALSE;
        }
        return null;
    }
}
