package io.jitprovisioning.admin;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.RealmModel;
import org.keycloak.models.AuthenticationFlowModel;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.metadata.StoredCertificates;

/** The body of {@code GET /identity-providers/{alias}}: the JIT settings and what the IdP's metadata configured. */
public record IdpSummary(String alias, String displayName, boolean enabled, String entityId, String singleSignOnServiceUrl,
                         boolean validateSignature, boolean wantAssertionsSigned, String firstBrokerLoginFlow,
                         List<ValidationResponse.Certificate> certificates, Settings settings) {

    /** The JIT mapper's settings, in the request's words; null when the IdP has no JIT mapper. */
    public record Settings(boolean jitEnabled, String defaultRole, boolean idpManagedRoles, Map<String, String> attributeMapping,
                           Map<String, String> roleValues, String unknownRolePolicy, List<String> assignableRoles,
                           String syncMode, List<String> problems) {

        static Settings of(IdentityProviderMapperModel mapper) {
            JitSettings settings = JitSettings.from(mapper);
            Map<String, String> mapping = new java.util.LinkedHashMap<>();
            settings.attributeMapping().forEach((name, target) -> mapping.put(name, target.name()));
            return new Settings(settings.jitEnabled(), settings.defaultRole(), settings.idpManagedRoles(), mapping,
                    settings.roleValues(), settings.unknownRolePolicy().name(), settings.assignableRoles(),
                    mapper.getConfig().get(IdentityProviderMapperModel.SYNC_MODE), settings.problems());
        }
    }

    static IdpSummary of(RealmModel realm, IdentityProviderModel idp, IdentityProviderMapperModel mapper, Clock clock) {
        Map<String, String> config = idp.getConfig();
        AuthenticationFlowModel flow = idp.getFirstBrokerLoginFlowId() == null ? null
                : realm.getAuthenticationFlowById(idp.getFirstBrokerLoginFlowId());
        return new IdpSummary(idp.getAlias(), idp.getDisplayName(), idp.isEnabled(), config.get("idpEntityId"),
                config.get("singleSignOnServiceUrl"), Boolean.parseBoolean(config.get("validateSignature")),
                Boolean.parseBoolean(config.get("wantAssertionsSigned")), flow == null ? null : flow.getAlias(),
                StoredCertificates.describe(config.get("signingCertificate"), clock).stream()
                        .map(ValidationResponse.Certificate::of).toList(),
                mapper == null ? null : Settings.of(mapper));
    }
}
