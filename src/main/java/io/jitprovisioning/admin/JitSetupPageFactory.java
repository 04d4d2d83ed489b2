package io.jitprovisioning.admin;

import java.util.List;
import java.util.Map;

import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.StatelessProviderFactory;
import io.jitprovisioning.config.RequestField;

/**
 * The product page's "+ Add Configuration" inside Keycloak's admin console: a page where an administrator uploads
 * the IdP's metadata file; saving sets up the SAML identity provider, the JIT mapper (with the default settings) and
 * the first-login flow exactly as {@code POST /identity-providers} does (see {@link SetupPage}), and saving a new file
 * rolls the certificates over. The page holds only what the JIT mapper cannot: the alias and the file. The settings
 * have one home, the identity provider's JIT mapper: nothing here can drift from it, whatever changed it.
 */
public final class JitSetupPageFactory implements UiPageProviderFactory<ComponentModel>,
        StatelessProviderFactory<UiPageProvider> {

    public static final String PROVIDER_ID = ProviderIds.ADMIN;

    static final List<ProviderConfigProperty> PROPERTIES = List.of(
            property(RequestField.ALIAS, ProviderConfigProperty.STRING_TYPE, true),
            property(RequestField.METADATA, ProviderConfigProperty.FILE_TYPE, true),
            property(RequestField.ENTITY_ID, ProviderConfigProperty.STRING_TYPE, false));

    private static ProviderConfigProperty property(RequestField field, String type, boolean required) {
        ProviderConfigProperty property = new ProviderConfigProperty(field.name(), field.label(), field.helpText(), type, null);
        property.setRequired(required);
        return property;
    }

    @Override
    public String getId() {
        return PROVIDER_ID;
    }

    @Override
    public String getHelpText() {
        return "Set up SAML sign-in with JIT provisioning from your identity provider's metadata file. Each entry is one "
                + "identity provider; its JIT settings are on its 'JIT provisioning' mapper.";
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

    /** A new file (or entity id) is applied; saving the entry unchanged changes nothing, whatever was changed elsewhere. */
    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        if (!SetupPage.sameUpload(oldModel, newModel)) {
            new SetupPage(session, realm, newModel).apply();
        }
    }

    /** The page's list: the alias (the link to the entry, and the entry's title). */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(IdpSetupRequest.ALIAS));
    }

    /** The entry of a deleted identity provider goes with it: the list shows identity providers that exist. */
    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(SetupPage::forgetDeleted);
    }
}
