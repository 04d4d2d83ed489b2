package io.jitprovisioning.admin;

import java.util.List;
import java.util.Optional;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

import io.jitprovisioning.metadata.MetadataReport;
import io.jitprovisioning.metadata.Endpoint;

/** What validated metadata sets on a SAML identity provider: endpoints, bindings, certificates, NameID format. */
final class SamlIdpFromMetadata {

    private SamlIdpFromMetadata() {
    }

    /** Endpoints and keys from the metadata; everything else of the IdP (mappers, links, flows) stays. */
    static void apply(SAMLIdentityProviderConfig idp, MetadataReport report) {
        idp.setIdpEntityId(report.entityId());
        Endpoint sso = report.preferredSsoService().orElseThrow();
        idp.setSingleSignOnServiceUrl(sso.location());
        idp.setPostBindingAuthnRequest(sso.isHttpPost());
        Optional<Endpoint> slo = report.preferredSloService();
        idp.setSingleLogoutServiceUrl(slo.map(Endpoint::location).orElse(null));
        idp.setPostBindingLogout(slo.map(Endpoint::isHttpPost).orElse(false));
        idp.setSigningCertificate(String.join(",", report.signingCertificates()));
        idp.setWantAuthnRequestsSigned(Boolean.TRUE.equals(report.wantAuthnRequestsSigned()));
        idp.setNameIDPolicyFormat(nameIdFormat(report.nameIdFormats()));
    }

    /** Email if the IdP offers it (readable usernames), else persistent (stable), else unspecified. Never transient. */
    static String nameIdFormat(List<String> offered) {
        for (JBossSAMLURIConstants preferred : List.of(JBossSAMLURIConstants.NAMEID_FORMAT_EMAIL, JBossSAMLURIConstants.NAMEID_FORMAT_PERSISTENT)) {
            if (offered.contains(preferred.get())) {
                return preferred.get();
            }
        }
        return JBossSAMLURIConstants.NAMEID_FORMAT_UNSPECIFIED.get();
    }
}
