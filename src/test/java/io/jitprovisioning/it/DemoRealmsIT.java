package io.jitprovisioning.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.keycloak.representations.idm.EventRepresentation;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.core.type.TypeReference;

import io.jitprovisioning.browser.BrowserSession;
import io.jitprovisioning.browser.Chromium;
import io.jitprovisioning.testsupport.AdminApi;
import io.jitprovisioning.testsupport.LoginResult;
import io.jitprovisioning.testsupport.Refused;
import io.jitprovisioning.testsupport.SamlLogin;
import io.jitprovisioning.testsupport.SetupLinkClient;
import io.jitprovisioning.testsupport.SharedKeycloak;

/** The demo's realm files, imported as they are (only the port differs), behave as the README promises. */
@DisplayName("The demo realms")
class DemoRealmsIT {

    private static final Path BASEDIR = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
    private static final Path IMAGES = Chromium.SCREENSHOTS;

    private static AdminApi admin;

    @RegisterExtension
    final BrowserSession browsers = new BrowserSession(BASEDIR.resolve("target/browser"));
    private static SamlLogin demoIdp;

    @BeforeAll
    static void importDemoRealms() throws IOException {
        admin = SharedKeycloak.admin();
        for (String realm : List.of("acme", "idp")) {
            admin.delete("/" + realm);
        }
        for (String realm : List.of("idp", "acme")) {
            String json = Files.readString(Path.of("demo/realms/" + realm + "-realm.json"))
                    .replace("http://127.0.0.1:8080", admin.baseUrl());
            admin.post("", json).expect(201);
        }
        admin.post("/acme/clients", SamlLogin.testClient()).expect(201);
        demoIdp = new SamlLogin(admin.baseUrl(), "acme", "idp", "demo-idp");
    }

    @AfterAll
    static void deleteDemoRealms() {
        admin.delete("/acme");
        admin.delete("/idp");
    }

    private static LoginResult login(String username) {
        return demoIdp.login(username, username);
    }

    private static UserRepresentation user(String username) {
        return admin.get("/acme/users?exact=true&username=" + username, new TypeReference<List<UserRepresentation>>() {
        }).stream().findFirst().orElse(null);
    }

    private static List<String> roles(UserRepresentation user) {
        return admin.get("/acme/users/" + user.getId() + "/role-mappings/realm", new TypeReference<List<RoleRepresentation>>() {
        }).stream().map(RoleRepresentation::getName).filter(name -> !name.startsWith("default-roles-")).sorted().toList();
    }

    @Test
    @DisplayName("adam (the product page's example) gets an account with role developer and group /engineering, no page in between")
    void adam() {
        LoginResult login = login("adam");

        assertThat(login.isLoggedIn()).as("%s", login).isTrue();
        assertThat(login.pagesShownByBroker("idp")).isEmpty();
        UserRepresentation adam = user("adam");
        assertThat(adam.getFirstName()).isEqualTo("Adam");
        assertThat(adam.getAttributes()).containsEntry("displayName", List.of("Adam S.")).containsEntry("phoneNumber", List.of("+1 555 0100"));
        assertThat(roles(adam)).containsExactly("developer");
        assertThat(admin.get("/acme/users/" + adam.getId() + "/groups", new TypeReference<List<Map<String, Object>>>() {
        })).extracting(group -> group.get("path")).containsExactly("/engineering");
    }

    @Test
    @DisplayName("olly, whose status in the IdP is 'former', is refused by the gate with NOT_ALLOWED and gets no account")
    void olly() {
        LoginResult olly = login("olly");

        Refused.withCode(olly, "NOT_ALLOWED");
        assertThat(user("olly")).isNull();
    }

    @Test
    @DisplayName("carl sends no role and gets the default role support; bella gets both of hers")
    void carlAndBella() {
        assertThat(login("carl").isLoggedIn()).isTrue();
        assertThat(login("bella").isLoggedIn()).isTrue();

        assertThat(roles(user("carl"))).containsExactly("support");
        assertThat(roles(user("bella"))).containsExactly("developer", "manager");
    }

    @Test
    @DisplayName("ivy's invited account is linked (her domain belongs to organization Acme); zoe's look-alike is refused")
    void ivyAndZoe() {
        String ivyId = user("ivy").getId();

        assertThat(login("ivy").isLoggedIn()).isTrue();
        assertThat(admin.get("/acme/users/" + ivyId + "/federated-identity", new TypeReference<List<Map<String, Object>>>() {
        })).hasSize(1);

        LoginResult zoe = login("zoe");
        Refused.withCode(zoe, "ACCOUNT_EXISTS_UNTRUSTED");
        assertThat(user("zoe")).isNull();
    }

    @Test
    @DisplayName("mallory's realm-admin request is refused and recorded; she gets the default role")
    void mallory() {
        assertThat(login("mallory").isLoggedIn()).isTrue();

        UserRepresentation mallory = user("mallory");
        assertThat(roles(mallory)).containsExactly("support");
        List<EventRepresentation> events = admin.get("/acme/events?type=IDENTITY_PROVIDER_LOGIN&user=" + mallory.getId(),
                new TypeReference<List<EventRepresentation>>() {
                });
        assertThat(events).as("her one sign-in").singleElement().satisfies(event -> assertThat(
                event.getDetails().get("jit_roles_refused").split(",")).containsExactlyInAnyOrder("realm-admin(protected)",
                "boss(protected)"));
    }

    @Test
    @DisplayName("demo/globex-setup (run by demo/run): Globex's limits, globex-admin as its SSO administrator, and a working setup link")
    void globexSetupLink() throws IOException, InterruptedException {
        Process script = new ProcessBuilder("demo/globex-setup", admin.baseUrl()).redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(script.waitFor()).as(output).isZero();
        String link = output.lines().filter(line -> line.contains("setup link")).findFirst().orElseThrow()
                .replaceFirst(".*: ", "");
        assertThat(link).startsWith(admin.baseUrl() + "/realms/acme/jit-provisioning/setup/");

        assertThat(new SetupLinkClient(link).get("/identity-providers").body()).isEqualTo("[]");
        String globex = admin.get("/acme/organizations?search=globex.test&exact=true").expect(200).json().get(0).get("id").asText();
        AdminApi globexAdmin = admin.asRealmUser("acme", "globex-admin", "globex-admin");
        assertThat(globexAdmin.get("/acme/jit-provisioning/organizations/" + globex + "/identity-providers").expect(200).json()).isEmpty();
        assertThat(admin.get("/acme/jit-provisioning/organizations/" + globex + "/limits").expect(200).json().get("offeredRoles").toString())
                .isEqualTo("[\"developer\",\"support\"]");
    }

    @Test
    @DisplayName("in a browser, as the README says: acme's account console asks for an email, adam@acme.test leads to Demo IdP's"
            + " sign-in page with the address filled in, and adam's password signs him in to acme")
    void firstPageLeadsToDemoIdp() {
        Chromium.requireOrSkip();
        ChromeDriver browser = browsers.open("en", new Dimension(1280, 800));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(admin.baseUrl() + "/realms/acme/account");
        WebElement username = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        assertThat(browser.getCurrentUrl()).contains("/realms/acme/");
        screenshot(browser, "demo-first-page.png");
        username.sendKeys("adam@acme.test");
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.urlContains("/realms/idp/"));
        WebElement idpUsername = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        screenshot(browser, "demo-idp-page.png");
        assertThat(idpUsername.getDomProperty("value")).as("Demo IdP's page has the address filled in").isEqualTo("adam@acme.test");
        browser.findElement(By.id("password")).sendKeys("adam");
        browser.findElement(By.id("kc-login")).click();

        wait.until(ExpectedConditions.urlContains("/realms/acme/account"));
        wait.until(d -> d.getPageSource().contains("Adam"));
        assertThat(roles(user("adam"))).containsExactly("developer");
    }

    @Test
    @DisplayName("in a browser, as the README says: zoe's address is not at acme.test, so Keycloak asks for a password; its Demo IdP"
            + " button leads to Demo IdP, and zoe is refused")
    void otherAddressesReachDemoIdpThroughItsButton() {
        Chromium.requireOrSkip();
        ChromeDriver browser = browsers.open("en", new Dimension(1280, 800));
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));

        browser.get(admin.baseUrl() + "/realms/acme/account");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("zoe@elsewhere.test");
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("password")));
        assertThat(browser.getCurrentUrl()).contains("/realms/acme/");
        wait.until(ExpectedConditions.elementToBeClickable(By.id("social-demo-idp"))).click();

        wait.until(ExpectedConditions.urlContains("/realms/idp/"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys("zoe");
        browser.findElement(By.id("password")).sendKeys("zoe");
        browser.findElement(By.id("kc-login")).click();

        WebElement refused = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("jit-refused")));
        assertThat(refused.getAttribute("data-jit-error")).isEqualTo("ACCOUNT_EXISTS_UNTRUSTED");
        assertThat(user("zoe")).isNull();
    }

    /** The page as a person sees it before typing: no text cursor in the picture. */
    private static void screenshot(ChromeDriver browser, String name) {
        browser.executeScript("if (document.activeElement) document.activeElement.blur();");
        Chromium.screenshot(browser, IMAGES.resolve(name));
    }
}
