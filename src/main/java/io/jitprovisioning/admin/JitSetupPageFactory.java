package io.jitprovisioning.admin;

import java.util.ArrayList;
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
import io.jitprovisioning.config.JitConfigProperties;

/**
 * The product page's "+ Add Configuration" inside Keycloak's admin console: a page where an administrator uploads
 * the IdP's metadata file and fills the JIT settings; saving sets up the SAML identity provider, the JIT mapper and
 * the first-login flow exactly as {@code POST /identity-providers} does (see {@link SetupPage}). Saving again applies
 * changed settings or a new metadata file to the same identity provider. The live settings remain those of the
 * IdP's JIT mapper.
 */
public final class JitSetupPageFactory implements UiPageProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = ProviderIds.ADMIN;

    private static final List<ProviderConfigProperty> PROPERTIES = properties();

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Set up SAML sign-in with JIT provisioning from your identity provider's metadata file. Each entry "
                + "is one identity provider; its settings can later be changed here or on the identity provider's "
                + "'JIT Provisioning' mapper.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        return PROPERTIES;
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel model) {
        new SetupPage(session, realm, model).validate(model);
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        new SetupPage(session, realm, model).apply();
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        new SetupPage(session, realm, newModel).apply();
    }

    private static List<ProviderConfigProperty> properties() {
        List<ProviderConfigProperty> properties = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(IdpSetupRequest.ALIAS).label("Alias").type(ProviderConfigProperty.STRING_TYPE).required(true)
                .helpText("The identity provider's alias, part of its URLs (letters, digits, '.', '_', '-'). The service "
                        + "provider metadata for your IdP is then at /realms/<realm>/broker/<alias>/endpoint/descriptor.")
                .add()
                .property().name(IdpSetupRequest.DISPLAY_NAME).label("Display name").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The sign-in button's text, e.g. 'Sign in with Okta'.")
                .add()
                .property().name(IdpSetupRequest.METADATA).label("SAML metadata file").type(ProviderConfigProperty.FILE_TYPE).required(true)
                .helpText("Your identity provider's SAML metadata XML: EntityDescriptor with entityID, IDPSSODescriptor, "
                        + "SingleSignOnService (HTTP-Redirect or HTTP-POST) and an X509Certificate. It is checked strictly; "
                        + "upload a new file to roll over certificates.")
                .add()
                .property().name(IdpSetupRequest.ENTITY_ID).label("Entity ID (aggregates only)").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Only for a metadata file holding several identity providers: the entityID of the one to use.")
                .add()
                .build());
        // The console's page form sends each field under its key with dots replaced ("jit\uD83C\uDF7Aenabled") and
        // reads stored values under the plain key: the page names the JIT settings without dots, as the REST API does.
        JitConfigProperties.SETTINGS.forEach(setting -> properties.add(setting.pageProperty()));
        return List.copyOf(properties);
    }

    /** The page's list shows the alias and display name (by default, its first three fields: the whole metadata file). */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(IdpSetupRequest.ALIAS, IdpSetupRequest.DISPLAY_NAME));
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
