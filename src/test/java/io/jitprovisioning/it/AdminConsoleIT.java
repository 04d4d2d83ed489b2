package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.representations.idm.IdentityProviderMapperRepresentation;
import org.keycloak.services.ui.extend.UiPageProvider;
import org.keycloak.util.JsonSerialization;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.admin.JitSetupPageFactory;
import io.jitprovisioning.browser.AdminConsole;
import io.jitprovisioning.browser.BrowserSession;
import io.jitprovisioning.browser.Chromium;
import io.jitprovisioning.compat.KeycloakRelease;
import io.jitprovisioning.config.AttributeTarget;
import io.jitprovisioning.config.JitConfigProperties;
import io.jitprovisioning.config.JitSettings;
import io.jitprovisioning.config.UnknownRolePolicy;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

/**
 * The administrator's and the refused user's experience in a real browser (Debian's Chromium): the mapper's form in
 * Keycloak's admin console, filled, saved and read back; the extension's setup page (metadata file upload, JIT settings,
 * refusal of a bad file); and the JIT refusal page. It saves the README's screenshots in {@code target/screenshots/}
 * ({@code browser/screenshots} copies them to {@code docs/images/}). Skipped where Chromium and ChromeDriver are not
 * installed ({@code browser/install} installs them), and failed there under CI.
 */
@DisplayName("Admin console and refusal page, in a real browser")
class AdminConsoleIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path IMAGES = Chromium.SCREENSHOTS;
    private static final Path WORK = BASEDIR.resolve("target/browser");


    private static final String MAPPER_NAME = "JIT provisioning";
    private static final String MAPPER_TYPE = "JIT Provisioning";

    /** The product page's fields, in its order and words, then the extension's own. */
    private static final List<String> FORM_ORDER = List.of("JIT User Provisioning", "Default Role for User Provisioning",
            "IdP Managed Roles", "Attribute Mapping", "Role values", "Unknown role policy", "Assignable roles", "Group values",
            "Assignable groups", "Allowed email domains", "Required attribute", "Required values");

    private static final Map<String, String> ATTRIBUTE_MAPPING = ordered(
            "role", AttributeTarget.USER_ROLE.name(),
            "firstName", AttributeTarget.USER_FIRST_NAME.name(),
            "lastName", AttributeTarget.USER_LAST_NAME.name(),
            "email", AttributeTarget.USER_EMAIL.name(),
            "displayName", AttributeTarget.USER_DISPLAY_NAME.name(),
            "phone", AttributeTarget.USER_PHONE_NUMBER.name());
    private static final Map<String, String> ROLE_VALUES = ordered("Engineering", "developer", "Customer Care", "support");
    private static final List<String> ASSIGNABLE_ROLES = List.of("developer", "my-app.editor");
    private static final Map<String, String> GROUP_VALUES = ordered("Backend", "/engineering/backend");
    private static final List<String> ASSIGNABLE_GROUPS = List.of("/engineering");
    private static final List<String> ALLOWED_EMAIL_DOMAINS = List.of("acme.test", "acme-corp.test");
    private static final String REQUIRED_ATTRIBUTE = "status";
    private static final List<String> REQUIRED_VALUES = List.of("active", "on-leave");
    /** The first release whose console labels an empty key/value field (26.4 and 26.5 show only its "Add" button). */
    private static final KeycloakRelease KEY_VALUE_LABELLED_WHEN_EMPTY = new KeycloakRelease(26, 7);

    /** The extension's page in the console (a UiPageProvider): its nav item, list and "Create item" form. */
    private static final String SETUP_PAGE_NAV = "nav-item-page-section/" + JitSetupPageFactory.PROVIDER_ID;
    private static final String SETUP_ALIAS = "console-setup";
    private static final String SETUP_FLOW = "JIT first broker login";
    /** The page holds what the JIT mapper cannot: the alias and the file. The settings are the mapper's alone. */
    private static final List<String> SETUP_FORM_ORDER = List.of("Alias", "SAML metadata file", "Entity ID (aggregates only)");
    /** What an administrator may upload by mistake: their application's (service provider's) metadata. */
    private static final String SP_METADATA = """
            <md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://app.example.com/saml">
              <md:SPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
                <md:AssertionConsumerService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"
                    Location="https://app.example.com/saml/acs" index="0"/>
              </md:SPSSODescriptor>
            </md:EntityDescriptor>
            """;

    private static AdminApi admin;
    private static SamlBrokerFixture fixture;

    @RegisterExtension
    final BrowserSession browsers = new BrowserSession(WORK);

    @BeforeAll
    static void setUp() {
        if (!Chromium.installed()) {
            return; // every test skips, or fails under CI (browserInstalled): no Keycloak to start
        }
        admin = SharedKeycloak.admin();
        AdminConsole.ensureAdministrator(admin);
        fixture = SamlBrokerFixture.create(admin, "acme-console", Map.of());
        fixture.removeJitMapper();
        fixture.createRealmRole("developer");
        fixture.createRealmRole("support");
        String client = admin.post("/" + fixture.brokerRealm() + "/clients", map("clientId", "my-app", "enabled", true))
                .expect(201).createdId();
        admin.post("/" + fixture.brokerRealm() + "/clients/" + client + "/roles", map("name", "editor")).expect(201);
        String engineering = admin.post("/" + fixture.brokerRealm() + "/groups", map("name", "engineering")).expect(201).createdId();
        admin.post("/" + fixture.brokerRealm() + "/groups/" + engineering + "/children", map("name", "backend")).expect(201);
    }

    @BeforeEach
    void browserInstalled() {
        Chromium.requireOrSkip();
    }

    @AfterAll
    static void tearDown() {
        if (fixture != null) {
            fixture.delete();
        }
    }

    @Test
    @DisplayName("an administrator adds the mapper in the console, fills every field, saves, and finds every value again after a reload")
    void administratorConfiguresTheMapper() {
        AdminConsole console = new AdminConsole(browsers.open("en", new Dimension(1400, 1000)), admin.baseUrl());
        console.logInAsAdministrator();
        console.openRealm(fixture.brokerRealm());
        console.clickTestId("nav-item-identity-providers");
        console.clickLink("Corp IdP");
        console.clickTestId("mappers-tab");
        console.clickTestId("no-mappers-empty-action");
        console.select("identityProviderMapper", MAPPER_TYPE);
        console.field(JitConfigProperties.ASSIGNABLE_ROLES.key());

        assertFieldsInProductOrderWithHelpAndDefaults(console);
        fillEveryField(console);
        console.screenshot(IMAGES.resolve("admin-console-jit-mapper.png"), 1400, 900);

        assertThat(console.save("new-mapper-save-button"))
                .as("the console's answer to Save (\"Cannot parse the JSON\": a field was sent as a JSON list, as the console's"
                        + " identity-provider mapper page does for MULTIVALUED_STRING_TYPE and MULTIVALUED_LIST_TYPE properties)")
                .isEqualTo("Mapper created successfully.");
        console.awaitRoute("/mappers/");
        assertStoredConfigIsWhatWasEntered();

        console.driver().navigate().refresh();
        assertFormShowsWhatWasEntered(console);

        console.clickLink("Provider details");
        console.clickTestId("mappers-tab");
        console.awaitVisible(By.linkText(MAPPER_NAME));
        WebElement row = console.driver().findElement(By.xpath("//table//tr[td/a[normalize-space()='" + MAPPER_NAME + "']]"));
        assertThat(row.getText()).contains(MAPPER_TYPE);
        console.screenshot(IMAGES.resolve("admin-console-idp-mappers.png"), 1400, 700);
    }

    @Test
    @DisplayName("a user the IdP signs in while JIT User Provisioning is off sees the refusal page, in English and in German")
    void refusedUserSeesTheRefusalPage() {
        SamlBrokerFixture refusing = SamlBrokerFixture.create(admin, "console-refusal", Map.of(JitConfigProperties.JIT_ENABLED.key(), "false"));
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> realm = admin.get("/" + refusing.brokerRealm(), Map.class);
            realm.put("displayName", "Acme");
            admin.put("/" + refusing.brokerRealm(), realm).expect(204);
            refusing.idpUser("nina", IdpPerson.named("Nina", "Novak").email("nina@corp.example").roles("developer"));

            for (String language : List.of("en", "de")) {
                ChromeDriver user = browsers.open(language, new Dimension(1280, 800));
                signInThroughCorpIdp(user, refusing, "nina");

                WebElement refused = user.findElement(By.id("jit-refused"));
                assertThat(refused.getAttribute("data-jit-error")).isEqualTo("NOT_PROVISIONED");
                Properties messages = messages(language);
                assertThat(user.findElement(By.id("kc-page-title")).getText()).isEqualTo(messages.getProperty("jit-refused-title"));
                assertThat(user.findElement(By.id("jit-refused-message")).getText())
                        .isEqualTo(messages.getProperty("jit-error-NOT_PROVISIONED"));
                assertThat(refusing.brokerUser("nina")).as("no account created").isNull();
                Chromium.screenshot(user, IMAGES.resolve(language.equals("en") ? "jit-refused-page.png" : "jit-refused-page-" + language + ".png"));
            }
        } finally {
            refusing.delete();
        }
    }

    @Test
    @DisplayName("an administrator uploads the IdP's metadata file on the extension's page and saves: the identity provider, "
            + "its JIT mapper (with the default settings, to be set on the mapper) and the first-login flow exist")
    void administratorSetsUpAnIdentityProviderOnTheSetupPage() {
        SamlBrokerFixture broker = SamlBrokerFixture.createWithoutIdentityProvider(admin, "acme-setup");
        try {
            Path metadata = uploadable("idp-metadata.xml", broker.idpMetadata());
            AdminConsole console = openSetupForm(broker);
            assertThat(console.formLabels()).as("the page's fields, top to bottom").containsExactlyElementsOf(SETUP_FORM_ORDER);

            setupText(console, "Alias").sendKeys(SETUP_ALIAS);
            String metadataKey = setupKey("SAML metadata file");
            console.uploadFile(metadataKey, metadata);
            assertThat(console.fileText(metadataKey)).as("the file's text, as the console read it").isEqualTo(broker.idpMetadata());

            assertThat(console.save("save")).as("the console's answer to Save").isEqualTo("Saved successfully");

            JsonNode summary = admin.get("/" + broker.brokerRealm() + "/jit-provisioning/identity-providers/" + SETUP_ALIAS)
                    .expect(200).json();
            assertThat(summary.get("entityId").asText()).isEqualTo(admin.baseUrl() + "/realms/" + broker.idpRealm());
            assertThat(summary.get("validateSignature").asBoolean()).isTrue();
            assertThat(summary.get("certificates").findValuesAsText("use")).as("the IdP realm's one signing key")
                    .containsExactly("signing");
            assertThat(summary.get("firstBrokerLoginFlow").asText()).isEqualTo(SETUP_FLOW);
            assertThat(flowAliases(broker)).contains(SETUP_FLOW);
            JsonNode settings = summary.get("settings");
            assertThat(settings.get("syncMode").asText()).isEqualTo("FORCE");
            assertThat(settings.get("jitEnabled").asBoolean()).as("the defaults, until set on the mapper").isTrue();
            assertThat(settings.get("defaultRole").asText()).isEqualTo("Agent");
            console.screenshot(IMAGES.resolve("admin-console-setup-page.png"), 1400, 900);

            console.clickTestId(SETUP_PAGE_NAV);
            console.awaitVisible(By.linkText(SETUP_ALIAS));
            assertThat(console.tableHeaders()).as("the list's columns: the page's displayFields, headed by their labels")
                    .containsExactly("Alias");
            console.screenshot(IMAGES.resolve("admin-console-setup-list.png"), 1400, 500);

            console.clickLink(SETUP_ALIAS);
            console.awaitVisible(By.xpath("//h1[@data-testid='view-header'][normalize-space()='" + SETUP_ALIAS + "']"));
            assertThat(console.breadcrumbs()).as("Keycloak's fixed breadcrumb of a saved entry (README: what the console cannot do)")
                    .containsExactly("page", "Details");
            assertThat(setupText(console, "Alias").getAttribute("value")).isEqualTo(SETUP_ALIAS);
            assertThat(console.fileText(setupKey("SAML metadata file"))).isEqualTo(broker.idpMetadata());
        } finally {
            broker.delete();
        }
    }

    @Test
    @DisplayName("the extension's page refuses a broken file and service provider metadata with their codes, and creates nothing")
    void setupPageRefusesBadMetadata() {
        SamlBrokerFixture broker = SamlBrokerFixture.createWithoutIdentityProvider(admin, "acme-setup");
        try {
            AdminConsole console = openSetupForm(broker);
            setupText(console, "Alias").sendKeys(SETUP_ALIAS);
            String metadataKey = setupKey("SAML metadata file");

            console.uploadFile(metadataKey, uploadable("truncated-metadata.xml", "<md:EntityDescriptor"));
            assertThat(console.save("save")).startsWith("Error could not save item! NOT_WELL_FORMED: ");

            console.uploadFile(metadataKey, uploadable("sp-metadata.xml", SP_METADATA));
            console.clickTestId("save");
            assertThat(console.alert()).startsWith("Error could not save item! MISSING_IDP_SSO_DESCRIPTOR: ")
                    .contains("service provider metadata");
            console.screenshot(IMAGES.resolve("admin-console-setup-page-error.png"), 1400, 900);

            String realm = "/" + broker.brokerRealm();
            assertThat(admin.get(realm + "/identity-provider/instances/" + SETUP_ALIAS).status()).as("identity provider").isEqualTo(404);
            assertThat(admin.get(realm + "/components?type=" + UiPageProvider.class.getName()).json()).as("page entries").isEmpty();
            assertThat(flowAliases(broker)).as("flows").doesNotContain(SETUP_FLOW);
        } finally {
            broker.delete();
        }
    }

    /** Logs in, opens the realm, finds the extension's page under Configure and opens its empty "Create item" form. */
    private AdminConsole openSetupForm(SamlBrokerFixture broker) {
        AdminConsole console = new AdminConsole(browsers.open("en", new Dimension(1400, 1000)), admin.baseUrl());
        console.logInAsAdministrator();
        console.openRealm(broker.brokerRealm());
        By navItem = By.xpath("//nav//section[@aria-label='Configure']//a[@data-testid='" + SETUP_PAGE_NAV + "']");
        console.awaitVisible(navItem);
        String pageName = messages("en").getProperty(JitSetupPageFactory.PROVIDER_ID);
        assertThat(console.driver().findElement(navItem).getText())
                .as("the page's nav item, under Configure: its provider id, translated by the jar's theme messages")
                .isEqualTo(pageName).isEqualTo("JIT provisioning");
        console.clickTestId(SETUP_PAGE_NAV);
        console.awaitRoute("#/" + broker.brokerRealm() + "/page-section/" + JitSetupPageFactory.PROVIDER_ID);
        console.awaitVisible(By.id("view-header-subkey"));
        assertThat(console.viewHeader()).as("the list's title: the provider id, translated").isEqualTo(pageName);
        assertThat(console.driver().findElement(By.id("view-header-subkey")).getText()).isEqualTo(new JitSetupPageFactory().getHelpText());
        console.clickTestId("there-are-no-items-empty-action");
        console.awaitRoute("/page-section/" + JitSetupPageFactory.PROVIDER_ID + "/add");
        console.field(setupKey("SAML metadata file"));
        assertThat(console.viewHeader()).as("Keycloak's fixed title of a new entry (README: what the console cannot do)")
                .isEqualTo("Create item");
        assertThat(console.breadcrumbs()).as("Keycloak's fixed breadcrumb of a new entry: the untranslated key 'page'")
                .containsExactly("page", "Add");
        return console;
    }

    /** A text field of the setup page (STRING_TYPE), by its label. */
    private static WebElement setupText(AdminConsole console, String label) {
        return console.textInput("config." + setupKey(label));
    }

    /** The setup page's config key of a field, found by the field's label. */
    private static String setupKey(String label) {
        return new JitSetupPageFactory().getConfigProperties().stream().filter(property -> property.getLabel().equals(label))
                .map(ProviderConfigProperty::getName).findFirst()
                .orElseThrow(() -> new AssertionError("the setup page has no field labelled " + label));
    }

    private static List<String> flowAliases(SamlBrokerFixture broker) {
        return admin.get("/" + broker.brokerRealm() + "/authentication/flows", new TypeReference<List<Map<String, Object>>>() {
        }).stream().map(flow -> (String) flow.get("alias")).toList();
    }

    /** A file a person would pick in the browser's file chooser. */
    private static Path uploadable(String name, String content) {
        try {
            Path folder = Files.createDirectories(WORK.resolve("uploads"));
            return Files.writeString(folder.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a person does: open the account console, choose the company's IdP, enter their password there. */
    private static void signInThroughCorpIdp(ChromeDriver user, SamlBrokerFixture broker, String username) {
        WebDriverWait wait = new WebDriverWait(user, Duration.ofSeconds(30));
        user.get(admin.baseUrl() + "/realms/" + broker.brokerRealm() + "/account");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("social-" + SamlBrokerFixture.IDP_ALIAS))).click();
        wait.until(ExpectedConditions.urlContains("/realms/" + broker.idpRealm() + "/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        user.findElement(By.id("password")).sendKeys(SamlBrokerFixture.PASSWORD);
        user.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jit-refused")));
    }

    private static void assertFieldsInProductOrderWithHelpAndDefaults(AdminConsole console) {
        List<String> labels = console.formLabels();
        assertThat(labels.stream().filter(FORM_ORDER::contains).toList()).as("the form's fields, top to bottom")
                .containsExactlyElementsOf(FORM_ORDER);
        assertThat(labels.indexOf(FORM_ORDER.get(0))).as("the JIT fields come after the console's own")
                .isGreaterThan(labels.indexOf("Mapper type"));
        assertThat(console.keyValueFieldWithoutLabel(JitConfigProperties.ATTRIBUTE_MAPPING.key()))
                .as("Keycloak %s shows an empty key/value field without its label and help (26.4, 26.5) or with them (26.7)",
                        SharedKeycloak.release())
                .isEqualTo(SharedKeycloak.release().compareTo(KEY_VALUE_LABELLED_WHEN_EMPTY) < 0);
        for (ProviderConfigProperty property : JitConfigProperties.ALL) {
            if (!isKeyValue(property)) {
                assertThat(console.helpText(property.getLabel())).as("help of %s", property.getLabel()).isEqualTo(property.getHelpText());
            }
        }
        assertThat(console.switchOn(JitConfigProperties.JIT_ENABLED.key())).as("JIT User Provisioning's default").isTrue();
        assertThat(console.switchOn(JitConfigProperties.IDP_MANAGED_ROLES.key())).as("IdP Managed Roles' default").isFalse();
        assertThat(console.selected(JitConfigProperties.UNKNOWN_ROLE_POLICY.key())).isEqualTo(UnknownRolePolicy.DEFAULT_ROLE.name());
        assertThat(console.options(JitConfigProperties.UNKNOWN_ROLE_POLICY.key()))
                .containsExactly(Arrays.stream(UnknownRolePolicy.values()).map(Enum::name).toArray(String[]::new));
    }

    private static void fillEveryField(AdminConsole console) {
        console.textInput("name").sendKeys(MAPPER_NAME);
        console.select("config.syncMode", "Force");
        console.setSwitch(JitConfigProperties.JIT_ENABLED.key(), true);
        console.pickRole(JitConfigProperties.DEFAULT_ROLE.key(), "my-app", "editor");
        console.setSwitch(JitConfigProperties.IDP_MANAGED_ROLES.key(), true);
        console.fillKeyValues(JitConfigProperties.ATTRIBUTE_MAPPING.key(), ATTRIBUTE_MAPPING);
        console.fillKeyValues(JitConfigProperties.ROLE_VALUES.key(), ROLE_VALUES);
        console.select(JitConfigProperties.UNKNOWN_ROLE_POLICY.key(), UnknownRolePolicy.DENY.name());
        console.fillList(JitConfigProperties.ASSIGNABLE_ROLES.key(), ASSIGNABLE_ROLES);
        console.fillKeyValues(JitConfigProperties.GROUP_VALUES.key(), GROUP_VALUES);
        console.fillList(JitConfigProperties.ASSIGNABLE_GROUPS.key(), ASSIGNABLE_GROUPS);
        console.fillList(JitConfigProperties.ALLOWED_EMAIL_DOMAINS.key(), ALLOWED_EMAIL_DOMAINS);
        console.fillText(JitConfigProperties.REQUIRED_ATTRIBUTE.key(), REQUIRED_ATTRIBUTE);
        console.fillList(JitConfigProperties.REQUIRED_VALUES.key(), REQUIRED_VALUES);
        assertThat(console.chips(JitConfigProperties.DEFAULT_ROLE.key())).containsExactly("my-app editor");
        // Checked once the key/value fields have rows: Keycloak 26.4 and 26.5 show their help only then.
        JitConfigProperties.ALL.stream().filter(AdminConsoleIT::isKeyValue).forEach(property ->
                assertThat(console.helpText(property.getLabel())).as("help of %s", property.getLabel()).isEqualTo(property.getHelpText()));
    }

    private static boolean isKeyValue(ProviderConfigProperty property) {
        return ProviderConfigProperty.MAP_TYPE.equals(property.getType());
    }

    private static void assertStoredConfigIsWhatWasEntered() {
        List<IdentityProviderMapperRepresentation> mappers = admin.get("/" + fixture.brokerRealm() + "/identity-provider/instances/"
                + SamlBrokerFixture.IDP_ALIAS + "/mappers", new TypeReference<List<IdentityProviderMapperRepresentation>>() {
                });
        assertThat(mappers).extracting(IdentityProviderMapperRepresentation::getName).containsExactly(MAPPER_NAME);
        assertThat(mappers.get(0).getIdentityProviderMapper()).isEqualTo("jit-provisioning-idp-mapper");
        Map<String, String> config = mappers.get(0).getConfig();
        assertThat(config).containsOnlyKeys(JitConfigProperties.JIT_ENABLED.key(), JitConfigProperties.DEFAULT_ROLE.key(), JitConfigProperties.IDP_MANAGED_ROLES.key(),
                        JitConfigProperties.ATTRIBUTE_MAPPING.key(), JitConfigProperties.ROLE_VALUES.key(), JitConfigProperties.UNKNOWN_ROLE_POLICY.key(),
                        JitConfigProperties.ASSIGNABLE_ROLES.key(), JitConfigProperties.GROUP_VALUES.key(), JitConfigProperties.ASSIGNABLE_GROUPS.key(),
                        JitConfigProperties.ALLOWED_EMAIL_DOMAINS.key(), JitConfigProperties.REQUIRED_ATTRIBUTE.key(),
                        JitConfigProperties.REQUIRED_VALUES.key(), "syncMode")
                .containsEntry(JitConfigProperties.JIT_ENABLED.key(), "true")
                .containsEntry(JitConfigProperties.DEFAULT_ROLE.key(), "my-app.editor")
                .containsEntry(JitConfigProperties.IDP_MANAGED_ROLES.key(), "true")
                .containsEntry(JitConfigProperties.UNKNOWN_ROLE_POLICY.key(), "DENY")
                .containsEntry("syncMode", "FORCE");
        assertThat(keyValueJson(config.get(JitConfigProperties.ATTRIBUTE_MAPPING.key()))).isEqualTo(ATTRIBUTE_MAPPING);
        assertThat(keyValueJson(config.get(JitConfigProperties.ROLE_VALUES.key()))).isEqualTo(ROLE_VALUES);
        assertThat(config.get(JitConfigProperties.ASSIGNABLE_ROLES.key())).as("assignable roles, one per line")
                .isEqualTo(String.join("\n", ASSIGNABLE_ROLES));
        assertThat(keyValueJson(config.get(JitConfigProperties.GROUP_VALUES.key()))).isEqualTo(GROUP_VALUES);
        assertThat(config.get(JitConfigProperties.REQUIRED_ATTRIBUTE.key())).isEqualTo(REQUIRED_ATTRIBUTE);

        JitSettings settings = JitSettings.from(config);
        assertThat(settings.problems()).as("config the extension could not use").isEmpty();
        assertThat(settings.get(JitConfigProperties.ASSIGNABLE_ROLES)).containsExactlyElementsOf(ASSIGNABLE_ROLES);
        assertThat(settings.attributesFor(AttributeTarget.USER_ROLE)).containsExactly("role");
        assertThat(settings.groupForValue("backend")).as("the group-value table, ignoring case").contains("/engineering/backend");
        assertThat(settings.get(JitConfigProperties.ASSIGNABLE_GROUPS)).containsExactlyElementsOf(ASSIGNABLE_GROUPS);
        assertThat(settings.get(JitConfigProperties.ALLOWED_EMAIL_DOMAINS)).containsExactlyElementsOf(ALLOWED_EMAIL_DOMAINS);
        assertThat(java.util.Optional.ofNullable(settings.get(JitConfigProperties.REQUIRED_ATTRIBUTE))).contains(REQUIRED_ATTRIBUTE);
        assertThat(settings.get(JitConfigProperties.REQUIRED_VALUES)).containsExactlyElementsOf(REQUIRED_VALUES);
    }

    private static void assertFormShowsWhatWasEntered(AdminConsole console) {
        assertThat(console.textInput("name").getAttribute("value")).isEqualTo(MAPPER_NAME);
        assertThat(console.selected("identityProviderMapper")).isEqualTo(MAPPER_TYPE);
        assertThat(console.selected("config.syncMode")).isEqualTo("Force");
        assertThat(console.switchOn(JitConfigProperties.JIT_ENABLED.key())).isTrue();
        assertThat(console.chips(JitConfigProperties.DEFAULT_ROLE.key())).containsExactly("my-app editor");
        assertThat(console.switchOn(JitConfigProperties.IDP_MANAGED_ROLES.key())).isTrue();
        assertThat(console.keyValues(JitConfigProperties.ATTRIBUTE_MAPPING.key())).isEqualTo(ATTRIBUTE_MAPPING);
        assertThat(console.keyValues(JitConfigProperties.ROLE_VALUES.key())).isEqualTo(ROLE_VALUES);
        assertThat(console.selected(JitConfigProperties.UNKNOWN_ROLE_POLICY.key())).isEqualTo("DENY");
        assertThat(console.list(JitConfigProperties.ASSIGNABLE_ROLES.key())).containsExactlyElementsOf(ASSIGNABLE_ROLES);
        assertThat(console.keyValues(JitConfigProperties.GROUP_VALUES.key())).isEqualTo(GROUP_VALUES);
        assertThat(console.list(JitConfigProperties.ASSIGNABLE_GROUPS.key())).containsExactlyElementsOf(ASSIGNABLE_GROUPS);
        assertThat(console.list(JitConfigProperties.ALLOWED_EMAIL_DOMAINS.key())).containsExactlyElementsOf(ALLOWED_EMAIL_DOMAINS);
        assertThat(console.text(JitConfigProperties.REQUIRED_ATTRIBUTE.key())).isEqualTo(REQUIRED_ATTRIBUTE);
        assertThat(console.list(JitConfigProperties.REQUIRED_VALUES.key())).containsExactlyElementsOf(REQUIRED_VALUES);
    }


    private static Map<String, String> keyValueJson(String json) {
        try {
            List<Map<String, String>> entries = JsonSerialization.readValue(json, new TypeReference<List<Map<String, String>>>() {
            });
            Map<String, String> map = new LinkedHashMap<>();
            entries.forEach(entry -> {
                assertThat(entry).containsOnlyKeys("key", "value");
                map.put(entry.get("key"), entry.get("value"));
            });
            return map;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Properties messages(String language) {
        Properties messages = new Properties();
        try (InputStream in = AdminConsoleIT.class.getResourceAsStream("/theme-resources/messages/messages_" + language + ".properties")) {
            assertThat(in).as("messages_%s.properties", language).isNotNull();
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return messages;
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
