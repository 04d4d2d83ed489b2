package io.jitprovisioning.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.AuthenticationFlowModel;

import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnusableSetting;
import io.jitprovisioning.login.SettingsCheck;
import io.jitprovisioning.metadata.StoredCertificates;
import io.jitprovisioning.references.MissingNames;

/** The body of {@code GET /identity-providers/{alias}}: the JIT settings and what the IdP's metadata configured. */
public record IdpSummary(String alias, String displayName, boolean enabled, String entityId, String singleSignOnServiceUrl,
                         boolean validateSignature, boolean wantAssertionsSigned, String firstBrokerLoginFlow,
                         List<ValidationResponse.Certificate> certificates, Map<String, Object> settings) {

    /**
     * The JIT mapper's settings under their REST names, with its sync mode and problems: first the settings that are
     * set but unusable (they refuse every sign-in), then those that fell back to defaults, then allowlist entries
     * that name nothing, then other roles and groups named that the realm does not have; null without a mapper.
     */
    static Map<String, Object> settingsOf(KeycloakSession session, RealmModel realm, IdentityProviderMapperModel mapper) {
        if (mapper == null) {
            return null;
        }
        JitSettings settings = JitSettings.from(mapper);
        SettingsCheck check = SettingsCheck.of(session, realm, settings);
        List<String> problems = new ArrayList<>(check.unusable().stream().map(UnusableSetting::message).toList());
        problems.addAll(settings.problems());
        problems.addAll(check.ignoredEntries());
        MissingNames.of(session, realm, settings).forEach(missing -> problems.add(missing.sentence()));
        Map<String, Object> json = new LinkedHashMap<>(settings.toJson());
        json.put("syncMode", mapper.getConfig().get(IdentityProviderMapperModel.SYNC_MODE));
        json.put("problems", problems);
        return json;
    }

    static IdpSummary of(KeycloakSession session, RealmModel realm, IdentityProviderModel idp, IdentityProviderMapperModel mapper,
                         Clock clock) {
        Map<String, String> config = idp.getConfig();
        AuthenticationFlowModel flow = idp.getFirstBrokerLoginFlowId() == null ? null
                : realm.getAuthenticationFlowById(idp.getFirstBrokerLoginFlowId());
        return new IdpSummary(idp.getAlias(), idp.getDisplayName(), idp.isEnabled(), config.get("idpEntityId"),
                config.get("singleSignOnServiceUrl"), Boolean.parseBoolean(config.get("validateSignature")),
                Boolean.parseBoolean(config.get("wantAssertionsSigned")), flow == null ? null : flow.getAlias(),
                StoredCertificates.describe(config.get("signingCertificate"), clock).stream()
                        .map(ValidationResponse.Certificate::of).toList(),
                settingsOf(session, realm, mapper));
    }
}
