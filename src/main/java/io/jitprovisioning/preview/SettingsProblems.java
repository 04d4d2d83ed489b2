package io.jitprovisioning.preview;

import static io.jitprovisioning.config.JitConfigProperties.DEFAULT_ROLE;
import static io.jitprovisioning.config.JitConfigProperties.IDP_MANAGED_ROLES;

import java.util.ArrayList;
import java.util.List;

import org.keycloak.broker.provider.IdentityProviderMapperSyncModeDelegate;
import org.keycloak.broker.saml.SAMLIdentityProviderConfig;
import org.keycloak.models.AuthenticationFlowModel;
import org.keycloak.models.IdentityProviderMapperModel;
import org.keycloak.models.IdentityProviderSyncMode;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.login.SettingsCheck;
import io.jitprovisioning.problem.Problem;
import io.jitprovisioning.problem.ProblemCode;
import io.jitprovisioning.references.MissingNames;
import io.jitprovisioning.roles.RealmRoleDirectory;

/**
 * What in the identity provider's set-up makes sign-ins go otherwise than the administrator may expect, or makes
 * the preview less certain. Each problem has a stable code and a sentence for the administrator.
 */
public final class SettingsProblems {


    private SettingsProblems() {
    }

    static List<Problem> of(KeycloakSession session, RealmModel realm, SAMLIdentityProviderConfig idp) {
        List<Problem> problems = new ArrayList<>();
        if (!idp.isEnabled()) {
            problems.add(new Problem(ProblemCode.IDP_DISABLED, "The identity provider is disabled: Keycloak refuses every sign-in through it."));
        }
        if (!idp.isValidateSignature()) {
            problems.add(new Problem(ProblemCode.SIGNATURES_NOT_VALIDATED, "Validate signatures is off: anyone can forge a response "
                    + "and get whatever roles it names. Turn it on."));
        }
        List<IdentityProviderMapperModel> mappers = session.identityProviders().getMappersByAliasStream(idp.getAlias()).toList();
        List<IdentityProviderMapperModel> jit = mappers.stream().filter(m -> ProviderIds.MAPPER.equals(m.getIdentityProviderMapper())).toList();
        if (jit.isEmpty()) {
            problems.add(new Problem(ProblemCode.NO_JIT_MAPPER, "The identity provider has no JIT Provisioning mapper: nobody is refused "
                    + "before the first-login flow, roles are not managed, and the JIT step provisions nobody (NOT_PROVISIONED)."));
        } else {
            if (jit.size() > 1) {
                problems.add(new Problem(ProblemCode.SEVERAL_JIT_MAPPERS, "The identity provider has " + jit.size()
                        + " JIT Provisioning mappers; the preview and the JIT step use the first. Keep one."));
            }
            JitSettings settings = JitSettings.from(jit.get(0));
            settings.problems().forEach(problem -> problems.add(new Problem(ProblemCode.SETTING_UNUSABLE, problem)));
            SettingsCheck check = SettingsCheck.of(session, realm, settings);
            check.unusable().forEach(unusable -> problems.add(new Problem(ProblemCode.SETTINGS_INVALID, unusable.message())));
            check.ignoredEntries().forEach(entry -> problems.add(new Problem(ProblemCode.SETTING_UNUSABLE, entry)));
            preparedDefaultRole(session, realm, settings, problems);
            MissingNames.of(session, realm, settings).forEach(missing -> problems.add(new Problem(missing.code(), missing.message())));
            IdentityProviderSyncMode sync = IdentityProviderMapperSyncModeDelegate.combineIdpAndMapperSyncMode(idp.getSyncMode(),
                    jit.get(0).getSyncMode());
            if (sync == IdentityProviderSyncMode.IMPORT && settings.get(IDP_MANAGED_ROLES)) {
                problems.add(new Problem(ProblemCode.SYNC_MODE_IMPORT, "The JIT mapper's effective sync mode is Import: Keycloak does not "
                        + "call it after the first sign-in, so IdP managed roles are not re-applied. Set its Sync mode override to Force."));
            }
        }
        if (!hasJitStep(realm, idp)) {
            problems.add(new Problem(ProblemCode.FIRST_LOGIN_FLOW_WITHOUT_JIT_STEP, "The identity provider's first login flow has no JIT User "
                    + "Provisioning step: for a new identity Keycloak's own steps decide, not what this preview shows."));
        }
        List<String> notRun = mappers.stream().filter(m -> !ProviderIds.MAPPER.equals(m.getIdentityProviderMapper()))
                .filter(m -> !SignInPreview.CONTEXT_ONLY_MAPPERS.contains(m.getIdentityProviderMapper()))
                .map(IdentityProviderMapperModel::getName).toList();
        if (!notRun.isEmpty()) {
            problems.add(new Problem(ProblemCode.OTHER_MAPPERS, "These mappers also run at sign-in and may grant or change more than the "
                    + "preview shows: " + String.join(", ", notRun) + "."));
        }
        return problems;
    }

    /** The fallback default role, which the first sign-in creates; a chosen one that is missing is a {@link MissingNames}. */
    private static void preparedDefaultRole(KeycloakSession session, RealmModel realm, JitSettings settings, List<Problem> problems) {
        if (DEFAULT_ROLE.isDefault(settings.get(DEFAULT_ROLE)) && new RealmRoleDirectory(session, realm).find(settings.get(DEFAULT_ROLE)).isEmpty()) {
            problems.add(new Problem(ProblemCode.REALM_NOT_PREPARED, "The default role '" + settings.get(DEFAULT_ROLE) + "' does not exist yet: "
                    + "the first sign-in creates it and grants it, which the preview does not show."));
        }
    }

    private static boolean hasJitStep(RealmModel realm, SAMLIdentityProviderConfig idp) {
        String flowId = idp.getFirstBrokerLoginFlowId();
        AuthenticationFlowModel flow = flowId == null ? realm.getFirstBrokerLoginFlow() : realm.getAuthenticationFlowById(flowId);
        return flow != null && containsJitStep(realm, flow.getId(), 0);
    }

    private static boolean containsJitStep(RealmModel realm, String flowId, int depth) {
        return depth < 10 && realm.getAuthenticationExecutionsStream(flowId).anyMatch(execution ->
                ProviderIds.AUTHENTICATOR.equals(execution.getAuthenticator())
                        || execution.isAuthenticatorFlow() && containsJitStep(realm, execution.getFlowId(), depth + 1));
    }
}
