package io.jitprovisioning.it;

import static io.jitprovisioning.testsupport.AdminApi.map;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

import io.jitprovisioning.ProviderIds;
import io.jitprovisioning.browser.AdminConsole;
import io.jitprovisioning.browser.BrowserSession;
import io.jitprovisioning.browser.Chromium;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.IdpPerson;
import io.jitprovisioning.testsupport.SamlBrokerFixture;
import io.jitprovisioning.testsupport.SharedKeycloak;

/** The "JIT preview" page of the admin console, in a real browser: paste a captured SAMLResponse, save, read the result. */
@DisplayName("Admin console: the JIT preview page")
class PreviewConsoleIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path IMAGES = Chromium.SCREENSHOTS;
    private static final Path WORK = BASEDIR.resolve("target/browser");
    private static final String PREVIEW_NAV = "nav-item-page-section/" + ProviderIds.PREVIEW_PAGE;
    private static final String UI_PAGE = "org.keycloak.services.ui.extend.UiPageProvider";

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
        fixture = PreviewIT.fixture("acme-preview", SamlBrokerFixture.managedRolesMappingAllSent("support")
                .roleValue("Engineering", "developer").build());
        fixture.createOrganization("acme", "acme.test");
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
    @DisplayName("an administrator pastes a captured SAMLResponse, saves, and reads in the entry why the user gets what they get; nothing is written")
    void administratorPreviewsACapturedResponse() {
        fixture.idpUser("ada", IdpPerson.named("Ada", "Previewed").email("ada@acme.test").roles("Engineering", "realm-admin")
                .status("active"));
        fixture.createBrokerUser("olga-local", "olga@elsewhere.test", true);
        fixture.idpUser("olga", IdpPerson.named("Olga", "Previewed").email("olga@elsewhere.test").roles("Engineering")
                .status("active"));
        String response = fixture.samlLogin().captureResponse("ada", SamlBrokerFixture.PASSWORD).samlResponse();
        String before = PreviewIT.state(fixture);

        AdminConsole console = new AdminConsole(browsers.open("en", new Dimension(1400, 1000)), admin.baseUrl());
        console.logInAsAdministrator();
        console.openRealm(fixture.brokerRealm());
        By navItem = By.xpath("//nav//section[@aria-label='Configure']//a[@data-testid='" + PREVIEW_NAV + "']");
        console.awaitVisible(navItem);
        assertThat(console.driver().findElement(navItem).getText()).isEqualTo("JIT preview");
        console.clickTestId(PREVIEW_NAV);
        console.awaitRoute("/page-section/" + ProviderIds.PREVIEW_PAGE);
        console.clickTestId("there-are-no-items-empty-action");
        console.awaitRoute("/page-section/" + ProviderIds.PREVIEW_PAGE + "/add");
        console.textInput("config.alias").sendKeys(SamlBrokerFixture.IDP_ALIAS);
        paste(console, By.cssSelector("textarea[name='config.input']"), response);

        assertThat(console.save("save")).as("the console's answer to Save").isEqualTo("Saved successfully");

        assertThat(PreviewIT.state(fixture)).as("what the preview wrote").isEqualTo(before);
        assertThat(fixture.brokerUser("ada")).isNull();
        savedPreview("olga");

        console.clickTestId(PREVIEW_NAV);
        console.awaitVisible(By.linkText(SamlBrokerFixture.IDP_ALIAS));
        assertThat(console.tableHeaders()).containsExactly("Identity provider", "Decision", "Roles", "Checks");
        List<List<String>> rows = rows(console);
        assertThat(rows).as("the list of saved previews: two captured responses, ten checks each").containsExactlyInAnyOrder(
                List.of("corp-idp", "create (NEW_ACCOUNT)", "+developer refused: realm-admin(protected)", "10 passed, none failed"),
                List.of("corp-idp", "refuse ACCOUNT_EXISTS_UNTRUSTED (UNTRUSTED_EMAIL_IN_USE)", "unchanged", "10 passed, none failed"));
        console.screenshot(IMAGES.resolve("admin-console-preview-list.png"), 1400, 400);

        WebElement created = console.driver().findElement(By.xpath(
                "//table//tbody/tr[td[2][starts-with(normalize-space(), 'create')]]//a"));
        created.click();
        console.awaitVisible(By.xpath("//h1[@data-testid='view-header'][normalize-space()='corp-idp']"));
        assertThat(console.textInput("config.decision").getAttribute("value")).isEqualTo("create (NEW_ACCOUNT)");
        assertThat(console.textInput("config.account").getAttribute("value")).isEqualTo("new account");
        assertThat(console.textInput("config.roles").getAttribute("value")).isEqualTo("+developer refused: realm-admin(protected)");
        assertThat(console.textInput("config.organization").getAttribute("value")).isEqualTo("acme (joins as a managed member)");
        assertThat(console.textInput("config.profile").getAttribute("value")).isEqualTo("changed: email, firstName, lastName; rejected: -");
        assertThat(console.textInput("config.checks").getAttribute("value")).isEqualTo("10 passed, none failed");
        assertThat(console.textInput("config.check_signature").getAttribute("value")).startsWith("passed - ");
        assertThat(console.textInput("config.check_time_window").getAttribute("value")).startsWith("passed - ");
        assertThat(console.driver().findElement(By.cssSelector("textarea[name='config.input']")).getAttribute("value"))
                .as("the pasted response is not stored").isEmpty();
        console.screenshot(IMAGES.resolve("admin-console-preview-result.png"), 1400, 900);
        assertThat(PreviewIT.state(fixture)).isEqualTo(before);
    }

    /**
     * Pastes as a person does with Ctrl-V, in one go: typing 10 KB key by key takes longer than the assertion is valid.
     * The text is put in, then one key typed and erased, so that the form hears a change as it does from a paste.
     */
    private static void paste(AdminConsole console, By field, String text) {
        WebElement element = console.driver().findElement(field);
        console.driver().executeScript("arguments[0].value = arguments[1];", element, text.substring(0, text.length() - 1));
        element.sendKeys(text.substring(text.length() - 1));
    }

    /** A preview saved through the components API (as the console does), for a refused person. */
    private static void savedPreview(String username) {
        String response = fixture.samlLogin().captureResponse(username, SamlBrokerFixture.PASSWORD).samlResponse();
        String realmId = admin.get("/" + fixture.brokerRealm()).expect(200).json().get("id").asText();
        admin.post("/" + fixture.brokerRealm() + "/components", map("name", username, "providerId", ProviderIds.PREVIEW_PAGE,
                "providerType", UI_PAGE, "parentId", realmId,
                "config", map("alias", List.of(SamlBrokerFixture.IDP_ALIAS), "input", List.of(response)))).expect(201);
        JsonNode entries = admin.get("/" + fixture.brokerRealm() + "/components?type=" + UI_PAGE).expect(200).json();
        assertThat(entries).hasSize(2);
    }

    private static List<List<String>> rows(AdminConsole console) {
        List<List<String>> rows = new ArrayList<>();
        for (WebElement row : console.driver().findElements(By.cssSelector("table tbody tr"))) {
            rows.add(row.findElements(By.tagName("td")).stream().map(cell -> cell.getText().trim())
                    .filter(text -> !text.isEmpty()).toList());
        }
        return rows;
    }

}
