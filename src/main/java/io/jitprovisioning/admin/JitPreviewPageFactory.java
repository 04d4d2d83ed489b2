package io.jitprovisioning.admin;

import java.util.List;
import java.util.Map;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

import io.jitprovisioning.ProviderIds;

/**
 * "JIT preview" in the admin console: paste a SAMLResponse a user's browser posted (or attributes as JSON), save, and
 * read what that sign-in would do. Keycloak's declarative pages can only store forms, so saving runs the preview
 * (see {@link PreviewPage}) and stores its result in the entry's own fields; the pasted input is never stored. Nothing
 * else is written: no account, link, role or sign-in event.
 */
public final class JitPreviewPageFactory implements UiPageProviderFactory<ComponentModel> {

    static final String ALIAS = "alias";
    static final String INPUT = "input";
    static final String OUTCOME = "outcome";
    static final String ROLES = "roles";
    static final String CHECKS = "checks";
    static final String RESULT = "result";

    private static final String FILLED_IN = " Filled in by the preview when you save.";

    private static final List<ProviderConfigProperty> PROPERTIES = ProviderConfigurationBuilder.create()
            .property().name(ALIAS).label("Identity provider").type(ProviderConfigProperty.STRING_TYPE).required(true)
            .helpText("The alias of the SAML identity provider the person signs in through.")
            .add()
            // Secret: Keycloak masks it in its own admin event of this save; the preview removes it before the entry is stored.
            .property().name(INPUT).label("SAML response or attributes").type(ProviderConfigProperty.TEXT_TYPE).secret(true)
            .helpText("The SAMLResponse the user's browser posted (base64 as a SAML tracer shows it, or the XML), or "
                    + "attributes as JSON: {\"attributes\": {\"role\": [\"Engineering\"], \"email\": [\"ada@corp.example\"]}, "
                    + "\"nameId\": \"ada\"}. It is checked and previewed when you save, and not stored.")
            .add()
            .property().name(OUTCOME).label("Outcome").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("create, link, sign_in or refuse (with the code and the rule that decided), or invalid_response." + FILLED_IN)
            .add()
            .property().name(ROLES).label("Roles").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("+ granted, - revoked, = kept." + FILLED_IN)
            .add()
            .property().name(CHECKS).label("Checks").type(ProviderConfigProperty.STRING_TYPE)
            .helpText("The SAML checks that passed, and those that failed." + FILLED_IN)
            .add()
            .property().name(RESULT).label("Result").type(ProviderConfigProperty.TEXT_TYPE)
            .helpText("The whole preview: decision, account, roles, groups, profile fields, organization, each check, "
                    + "and problems of the settings." + FILLED_IN + " Open the entry again to read it after saving.")
            .add()
            .build();

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
        return PROPERTIES;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        new PreviewPage(session, realm).run(model);
    }

    /** The list: identity provider (the link), outcome, roles and checks of each saved preview. */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(ALIAS, OUTCOME, ROLES, CHECKS));
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
    }

    @Override
    public void close() {
    }
}
