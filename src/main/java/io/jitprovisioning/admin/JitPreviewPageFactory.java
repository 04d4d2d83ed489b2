package io.jitprovisioning.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.StatelessProviderFactory;

/**
 * "JIT preview" in the admin console: paste a SAMLResponse a user's browser posted (or attributes as JSON), save, and
 * read what that sign-in would do. Keycloak's declarative pages can only store forms, so saving runs the preview
 * (see {@link PreviewPage}) and stores its result in the entry's own fields, one per fact; the pasted input is never
 * stored. Nothing
 * else is written: no account, link, role or sign-in event.
 */
public final class JitPreviewPageFactory implements UiPageProviderFactory<ComponentModel>,
        StatelessProviderFactory<UiPageProvider> {

    static final String ALIAS = "alias";
    static final String INPUT = "input";
    static final String DECISION = "decision";
    static final String ACCOUNT = "account";
    static final String ROLES = "roles";
    static final String GROUPS = "groups";
    static final String PROFILE = "profile";
    static final String ORGANIZATION = "organization";
    static final String CHECKS = "checks";
    static final String PROBLEMS = "settingsProblems";

    private static final String FILLED_IN = " Filled in by the preview when you save; open the entry again to read it.";

    private static final List<ProviderConfigProperty> PROPERTIES = List.copyOf(ProviderConfigurationBuilder.create()
            .property().name(ALIAS).label("Identity provider").type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("The alias of the SAML identity provider the person signs in through.")
            .add()
            // Secret: Keycloak masks it in its own admin event of this save; the preview removes it before the entry is stored.
            .property().name(INPUT).label("SAML response or attributes").type(ProviderConfigProperty.TEXT_TYPE).secret(true)
            .helpText("The SAMLResponse the user's browser posted (base64 as a SAML tracer shows it, or the XML), or "
                    + "attributes as JSON: {\"attributes\": {\"role\": [\"Engineering\"], \"email\": [\"ada@corp.example\"]}, "
                    + "\"nameId\": \"ada\"}. It is checked and previewed when you save, and not stored.")
            .add()
            .property().name(DECISION).label("Decision").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("create, link, sign_in or refuse, with the refusal code and (in brackets) the rule that decided; "
                    + "invalid_response when Keycloak itself would refuse the response, with the check that failed; withheld "
                    + "(VIEW_USERS_REQUIRED) when you may not view users and nothing refuses everyone alike." + FILLED_IN)
            .add()
            .property().name(ACCOUNT).label("Account").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("The account that would be signed in to or linked, or that a refusal is about; or a new account. Shown "
                    + "only if you may view users." + FILLED_IN)
            .add()
            .property().name(ROLES).label("Roles").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("+ granted, - revoked, = kept; then the IdP's values that give no role, with why. Without view users: the "
                    + "roles the IdP's values ask for." + FILLED_IN)
            .add()
            .property().name(GROUPS).label("Groups").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("Group paths: + joined, - left, = kept; then the IdP's values that give no group, with why." + FILLED_IN)
            .add()
            .property().name(PROFILE).label("Profile fields").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("The profile fields that would change, and the mapping targets whose values are unfit (names only)." + FILLED_IN)
            .add()
            .property().name(ORGANIZATION).label("Organization").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("The identity provider's organization, and whether the account would join it." + FILLED_IN)
            .add()
            .property().name(CHECKS).label("Checks").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("How many of Keycloak's checks of the response passed, and which failed; each check follows." + FILLED_IN)
            .add()
            .property().name(PROBLEMS).label("Settings problems").type(ProviderConfigProperty.MULTIVALUED_STRING_TYPE)
            .helpText("What in the identity provider's set-up changes sign-ins, or makes the preview less certain." + FILLED_IN)
            .add()
            .build());

    /** The checks, in Keycloak's order; each has a field of its own (Keycloak keeps a field's several values unordered). */
    static final List<String> CHECK_NAMES = List.of("parse", "status", "destination", "assertion", "encryption", "issuer",
            "signature", "audience", "recipient", "time_window", "subject", "in_response_to", "saml_checks");

    private static final List<ProviderConfigProperty> ALL = properties();

    private static List<ProviderConfigProperty> properties() {
        List<ProviderConfigProperty> all = new ArrayList<>(PROPERTIES);
        ProviderConfigurationBuilder checks = ProviderConfigurationBuilder.create();
        for (String check : CHECK_NAMES) {
            checks.property().name(checkKey(check)).label("Check: " + check.replace('_', ' ')).type(ProviderConfigProperty.STRING_TYPE)
                    .helpText("passed, failed or not_applicable, and what was compared (docs/rest-api.md: Preview a sign-in)." + FILLED_IN).add();
        }
        all.addAll(checks.build());
        return List.copyOf(all);
    }

    static String checkKey(String check) {
        return "check_" + check;
    }

    @Override
    public String getId() {
        return ProviderIds.PREVIEW_PAGE;
    }

    @Override
    public String getHelpText() {
        return "What would happen if this person signed in? Paste a SAMLResponse (or attributes), save, and open the "
                + "entry: the decision a real sign-in would make, and why. Nothing is written to any account.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return ALL;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        new PreviewPage(session, realm).run(model);
    }

    /** The list: identity provider (the link), decision, roles and checks (their summary) of each saved preview. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(ALIAS, DECISION, ROLES, CHECKS));
    }
}
