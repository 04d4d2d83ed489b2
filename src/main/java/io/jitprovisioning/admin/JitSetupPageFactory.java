package io.jitprovisioning.admin;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.events.admin.OperationType;
import org.keycloak.models.IdentityProviderModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.services.ui.extend.UiPageProviderFactory;

import io.jitprovisioning.config.JitConfigProperties;

/**
 * The product page's "+ Add Configuration" inside Keycloak's admin console: a page where an administrator uploads
 * the IdP's metadata file and fills the JIT settings; saving sets up the SAML identity provider, the JIT mapper and
 * the first-login flow exactly as {@code POST /identity-providers} does. Saving again applies changed settings or a
 * new metadata file to the same identity provider. The live settings remain those of the IdP's JIT mapper.
 */
public final class JitSetupPageFactory implements UiPageProviderFactory<ComponentModel> {

    public static final String PROVIDER_ID = "jit-provisioning";

    static final String ALIAS = "alias";
    static final String DISPLAY_NAME = "displayName";
    static final String METADATA = "metadata";
    static final String ENTITY_ID = "entityId";

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
        ConsoleAdmin.of(session, realm).ifPresent(ConsoleAdmin::requireManageIdentityProviders);
        IdpSetupRequest request = SetupPageRequest.from(model);
        IdentityProviderModel existing = session.identityProviders().getByAlias(request.alias());
        if (existing != null && setupOf(realm, request.alias()) != null && !isSameSetup(realm, model, request.alias())) {
            throw new ComponentValidationException("Another setup already manages the identity provider '" + request.alias() + "'.");
        }
        try {
            if (existing == null) {
                new IdpSetup(session, realm, Clock.systemUTC()).check(request);
            } else {
                IdpSetup.requireSaml(existing);
            }
        } catch (SetupRejected rejected) {
            throw new ComponentValidationException(describe(rejected));
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel model) {
        apply(session, realm, model);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel oldModel, ComponentModel newModel) {
        apply(session, realm, newModel);
    }

    private static void apply(KeycloakSession session, RealmModel realm, ComponentModel model) {
        Optional<ConsoleAdmin> admin = ConsoleAdmin.of(session, realm).map(ConsoleAdmin::requireManageIdentityProviders);
        IdpSetupRequest request = SetupPageRequest.from(model);
        IdpSetup setup = new IdpSetup(session, realm, Clock.systemUTC());
        IdentityProviderModel existing = session.identityProviders().getByAlias(request.alias());
        try {
            IdpSetup.Outcome outcome = existing == null ? setup.create(request) : setup.update(existing, request);
            OperationType operation = existing == null ? OperationType.CREATE : OperationType.UPDATE;
            admin.ifPresent(who -> SetupEvents.record(session, realm, who.adminEvent(), outcome, operation));
        } catch (SetupRejected rejected) {
            throw new ComponentValidationException(describe(rejected));
        }
    }

    private static ComponentModel setupOf(RealmModel realm, String alias) {
        return realm.getComponentsStream(realm.getId(), UiPageProvider.class.getName())
                .filter(component -> PROVIDER_ID.equals(component.getProviderId()))
                .filter(component -> alias.equals(component.get(ALIAS)))
                .findFirst().orElse(null);
    }

    private static boolean isSameSetup(RealmModel realm, ComponentModel model, String alias) {
        ComponentModel stored = setupOf(realm, alias);
        return stored != null && stored.getId().equals(model.getId());
    }

    private static String describe(SetupRejected rejected) {
        List<String> lines = new ArrayList<>();
        rejected.errors().forEach(problem -> lines.add(problem.code() + ": " + problem.message()));
        return String.join(" ", lines);
    }

    private static List<ProviderConfigProperty> properties() {
        List<ProviderConfigProperty> properties = new ArrayList<>(ProviderConfigurationBuilder.create()
                .property().name(ALIAS).label("Alias").type(ProviderConfigProperty.STRING_TYPE).required(true)
                .helpText("The identity provider's alias, part of its URLs (letters, digits, '.', '_', '-'). The service "
                        + "provider metadata for your IdP is then at /realms/<realm>/broker/<alias>/endpoint/descriptor.")
                .add()
                .property().name(DISPLAY_NAME).label("Display name").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("The sign-in button's text, e.g. 'Sign in with Okta'.")
                .add()
                .property().name(METADATA).label("SAML metadata file").type(ProviderConfigProperty.FILE_TYPE).required(true)
                .helpText("Your identity provider's SAML metadata XML: EntityDescriptor with entityID, IDPSSODescriptor, "
                        + "SingleSignOnService (HTTP-Redirect or HTTP-POST) and an X509Certificate. It is checked strictly; "
                        + "upload a new file to roll over certificates.")
                .add()
                .property().name(ENTITY_ID).label("Entity ID (aggregates only)").type(ProviderConfigProperty.STRING_TYPE)
                .helpText("Only for a metadata file holding several identity providers: the entityID of the one to use.")
                .add()
                .build());
        // The console's page form sends each field under its key with dots replaced ("jit\uD83C\uDF7Aenabled") and
        // reads stored values under the plain key: the page names the JIT settings without dots, as the REST API does.
        JitConfigProperties.ALL.forEach(property -> properties.add(SetupPageFields.onPage(property)));
        return List.copyOf(properties);
    }

    /** The page's list shows the alias and display name (by default, its first three fields: the whole metadata file). */
    @Override
    public Map<String, Object> getTypeMetadata() {
        return Map.of("displayFields", List.of(ALIAS, DISPLAY_NAME));
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
