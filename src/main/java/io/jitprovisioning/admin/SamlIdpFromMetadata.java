package io.jitprovisioning.admin;

import java.util.List;
import java.util.Optional;

import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.saml.common.constants.JBossSAMLURIConstants;

import io.jitprovisioning.metadata.Endpoint;
import io.jitprovisioning.metadata.MetadataReport;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;

/**
 * What validated metadata sets on a SAML identity provider. The metadata owns the entity id, the endpoints, the
 * bindings they offer and the certificates. A new identity provider also gets the setup's choices made from the
 * metadata (NameID format, request signing); on a new file for an existing one (a certificate rollover) those are
 * the administrator's and stay, because the NameID format decides who every linked account belongs to.
 */
final class SamlIdpFromMetadata {


    private SamlIdpFromMetadata() {
    }

    /** A new identity provider: what the metadata owns, and the setup's choices from it. */
    static void applyToNew(SAMLIdentityProviderConfig idp, MetadataReport report) {
        applyOwned(idp, report);
        idp.setWantAuthnRequestsSigned(Boolean.TRUE.equals(report.wantAuthnRequestsSigned()));
        idp.setNameIDPolicyFormat(nameIdFormat(report.nameIdFormats()));
    }

    /**
     * A new file for an existing identity provider: only what the metadata owns changes. Request signing is switched
     * on when the metadata says the IdP requires it (it would refuse unsigned requests), never off.
     *
     * @return the warnings: the NameID format in use is no longer offered (it is kept all the same)
     */
    static List<Problem> applyToExisting(SAMLIdentityProviderConfig idp, MetadataReport report) {
        applyOwned(idp, report);
        if (Boolean.TRUE.equals(report.wantAuthnRequestsSigned())) {
            idp.setWantAuthnRequestsSigned(true);
        }
        String inUse = idp.getNameIDPolicyFormat();
        if (isOffered(inUse, report.nameIdFormats())) {
            return List.of();
        }
        return List.of(new Problem(ProblemCode.NAME_ID_FORMAT_NOT_OFFERED, "The new metadata no longer offers the NameID format in use ("
                + inUse + "); it offers " + String.join(", ", report.nameIdFormats()) + ". The identity provider keeps "
                + "asking for " + inUse + ", because linked accounts are found by the NameID. If the IdP now sends "
                + "another format, its users' identities change: agree on the format with the IdP before changing it."));
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

    /**
     * Metadata listing no formats restricts nothing; "unspecified" asks for no format in particular, so any list
     * offers it; formats are URIs and compared exactly.
     */
    static boolean isOffered(String inUse, List<String> offered) {
        return inUse == null || inUse.isEmpty() || offered.isEmpty() || offered.contains(inUse)
                || JBossSAMLURIConstants.NAMEID_FORMAT_UNSPECIFIED.get().equals(inUse);
    }

    private static void applyOwned(SAMLIdentityProviderConfig idp, MetadataReport report) {
        idp.setIdpEntityId(report.entityId());
        Endpoint sso = report.preferredSsoService().orElseThrow();
        idp.setSingleSignOnServiceUrl(sso.location());
        idp.setPostBindingAuthnRequest(sso.isHttpPost());
        Optional<Endpoint> slo = report.preferredSloService();
        idp.setSingleLogoutServiceUrl(slo.map(Endpoint::location).orElse(null));
        idp.setPostBindingLogout(slo.map(Endpoint::isHttpPost).orElse(false));
        idp.setSigningCertificate(String.join(",", report.signingCertificates()));
    }
}
