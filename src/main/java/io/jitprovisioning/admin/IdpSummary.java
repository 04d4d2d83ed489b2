package io.jitprovisioning.admin;

import java.time.Clock;
import java.util.LinkedHashMap;
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
                         List<ValidationResponse.Certificate> certificates, Map<String, Object> settings) {

    /** The JIT mapper's settings under their REST names, with its sync mode and stored problems; null without a mapper. */
    static Map<String, Object> settingsOf(IdentityProviderMapperModel mapper) {
        if (mapper == null) {
            return null;
        }
        JitSettings settings = JitSettings.from(mapper);
        Map<String, Object> json = new LinkedHashMap<>(settings.toJson());
        json.put("syncMode", mapper.getConfig().get(IdentityProviderMapperModel.SYNC_MODE));
        json.put("problems", settings.problems());
        return json;
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
                settingsOf(mapper));
    }
}
