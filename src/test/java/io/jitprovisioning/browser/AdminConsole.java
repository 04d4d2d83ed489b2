package io.jitprovisioning.browser;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.core.type.TypeReference;

import io.jitprovisioning.testsupport.AdminApi;

/**
 * Keycloak's admin console (26.x, PatternFly 5) as a person uses it: the selectors are the console's own ids,
 * data-testids, labels and ARIA roles. A provider's config form is addressed by each field's config key, which the
 * console uses as the {@code for} of the field's label and as the id of switches and dropdowns.
 */
public final class AdminConsole {

    private static final String ADMINISTRATOR = "console-admin";
    private static final String ADMINISTRATOR_PASSWORD = "console-admin";

    private final ChromeDriver driver;
    private final String baseUrl;
    private final WebDriverWait wait;

    public AdminConsole(ChromeDriver driver, String baseUrl) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        // React re-renders replace elements under a waiting condition: look them up again.
        this.wait = (WebDriverWait) new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Makes, once per server, a permanent administrator of the master realm for the console tests, so that the console
     * shows no "temporary admin" banner (in the screenshots either).
     */
    public static void ensureAdministrator(AdminApi admin) {
        List<Map<String, Object>> found = admin.get("/master/users?exact=true&username=" + ADMINISTRATOR,
                new TypeReference<List<Map<String, Object>>>() {
                });
        if (!found.isEmpty()) {
            return;
        }
        String id = admin.post("/master/users", AdminApi.map("username", ADMINISTRATOR, "enabled", true, "emailVerified", true,
                "firstName", "Console", "lastName", "Admin", "email", ADMINISTRATOR + "@example.test",
                "credentials", List.of(AdminApi.map("type", "password", "value", ADMINISTRATOR_PASSWORD, "temporary", false))))
                .expect(201).createdId();
        Map<?, ?> adminRole = admin.get("/master/roles/admin", Map.class);
        admin.post("/master/users/" + id + "/role-mappings/realm", List.of(adminRole)).expect(204);
    }

    /** Logs in as the administrator that {@link #ensureAdministrator} made. */
    public void logInAsAdministrator() {
        logIn(ADMINISTRATOR, ADMINISTRATOR_PASSWORD);
    }

    public void logIn(String username, String password) {
        driver.get(baseUrl + "/admin/master/console/");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-item-identity-providers]")));
    }

    /** Chooses a realm as a person does: Manage realms, a search for its name, its link. */
    public void openRealm(String realm) {
        clickTestId("nav-item-realms");
        WebElement search = wait.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[data-testid=selectRealminput] input")));
        search.sendKeys(realm, Keys.ENTER);
        clickLink(realm);
        wait.until(ExpectedConditions.urlContains("#/" + realm));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=nav-item-identity-providers]")));
    }

    public void clickTestId(String testId) {
        click(By.cssSelector("[data-testid='" + testId + "']"));
    }

    public void clickLink(String text) {
        click(By.linkText(text));
    }

    /** Clicks once the element is there and nothing covers it (a closing dialog, a list being re-rendered). */
    private void click(By locator) {
        wait.until(d -> {
            try {
                WebElement element = ExpectedConditions.elementToBeClickable(locator).apply(d);
                if (element == null) {
                    return false;
                }
                element.click();
                return true;
            } catch (ElementClickInterceptedException covered) {
                return false;
            }
        });
    }

    /** Chooses {@code option} in a PatternFly dropdown whose toggle button has the id {@code toggleId}. */
    public void select(String toggleId, String option) {
        wait.until(ExpectedConditions.elementToBeClickable(By.id(toggleId))).click();
        wait.until(ExpectedConditions.elementToBeClickable(
                By.xpath("//*[@role='listbox']//button[@role='option'][normalize-space()=" + xpathLiteral(option) + "]"))).click();
        wait.until(ExpectedConditions.textToBe(By.id(toggleId), option));
    }

    public String selected(String toggleId) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(toggleId))).getText().trim();
    }

    /** The options a dropdown offers, read by opening and closing it. */
    public List<String> options(String toggleId) {
        WebElement toggle = wait.until(ExpectedConditions.elementToBeClickable(By.id(toggleId)));
        toggle.click();
        List<String> options = wait.until(ExpectedConditions.visibilityOfAllElementsLocatedBy(
                        By.xpath("//*[@role='listbox']//button[@role='option']")))
                .stream().map(option -> option.getText().trim()).toList();
        toggle.click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.xpath("//*[@role='listbox']")));
        return options;
    }

    /** The form group (label, help icon and control) of the field with this config key. */
    public WebElement field(String key) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//label[@for=" + xpathLiteral(key)
                + "]/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' pf-v5-c-form__group ')][1]")));
    }

    public void setSwitch(String key, boolean on) {
        WebElement input = driver.findElement(By.id(key));
        if (input.isSelected() != on) {
            // The checkbox itself is covered by its drawn toggle, which is what a person clicks.
            input.findElement(By.xpath("following-sibling::span[contains(@class, 'pf-v5-c-switch__toggle')]")).click();
            wait.until(ExpectedConditions.elementSelectionStateToBe(input, on));
        }
    }

    public boolean switchOn(String key) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(key))).isSelected();
    }

    /**
     * Whether an empty key/value field (MAP_TYPE) is shown as Keycloak 26.4 and 26.5 show it: only an "Add ..." button,
     * without the field's label and help (26.7 shows both). It gets them with its first row.
     */
    public boolean keyValueFieldWithoutLabel(String key) {
        wait.until(ExpectedConditions.or(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid='" + key + "-empty-state']")),
                ExpectedConditions.visibilityOfElementLocated(By.xpath("//label[@for=" + xpathLiteral(key) + "]"))));
        return driver.findElements(By.xpath("//label[@for=" + xpathLiteral(key) + "]")).isEmpty();
    }

    /** Fills a key/value table (a MAP_TYPE field), one row per entry, adding rows with the field's add button. */
    public void fillKeyValues(String key, Map<String, String> entries) {
        if (keyValueFieldWithoutLabel(key)) {
            // Keycloak 26.4/26.5: the empty state's button adds the first row and, with it, the field's form group.
            wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("[data-testid='" + key + "-add-row']"))).click();
        }
        for (Map.Entry<String, String> entry : entries.entrySet()) {
            WebElement row = emptyRowOrNew(key);
            row.findElement(By.cssSelector("input[aria-label=Key]")).sendKeys(entry.getKey());
            row.findElement(By.cssSelector("input[aria-label=Value]")).sendKeys(entry.getValue());
        }
    }

    private WebElement emptyRowOrNew(String key) {
        List<WebElement> rows = field(key).findElements(By.cssSelector("[data-testid=row]"));
        if (!rows.isEmpty() && rows.get(rows.size() - 1).findElement(By.cssSelector("input[aria-label=Key]")).getAttribute("value").isEmpty()) {
            return rows.get(rows.size() - 1);
        }
        int before = rows.size();
        wait.until(ExpectedConditions.elementToBeClickable(field(key).findElement(By.xpath(".//button[contains(@data-testid, 'add-row')]"))))
                .click();
        return wait.until(d -> {
            List<WebElement> now = field(key).findElements(By.cssSelector("[data-testid=row]"));
            return now.size() == before + 1 ? now.get(before) : null;
        });
    }

    /** The rows of a key/value table as the form shows them. */
    public Map<String, String> keyValues(String key) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (WebElement row : field(key).findElements(By.cssSelector("[data-testid=row]"))) {
            entries.put(row.findElement(By.cssSelector("input[aria-label=Key]")).getAttribute("value"),
                    row.findElement(By.cssSelector("input[aria-label=Value]")).getAttribute("value"));
        }
        return entries;
    }

    /**
     * Fills a list field: a text area takes one value per line (TEXT_TYPE); a list of text inputs (MULTIVALUED_STRING_TYPE)
     * one value per input, adding an input per further value.
     */
    public void fillList(String key, List<String> values) {
        WebElement field = field(key);
        List<WebElement> textArea = field.findElements(By.tagName("textarea"));
        if (!textArea.isEmpty()) {
            textArea.get(0).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            textArea.get(0).sendKeys(String.join("\n", values));
            return;
        }
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                int before = i;
                wait.until(ExpectedConditions.elementToBeClickable(field.findElement(By.xpath(".//button[contains(@data-testid, '-addValue')]"))))
                        .click();
                wait.until(d -> field(key).findElements(By.cssSelector("input[type=text]")).size() > before);
            }
            WebElement input = field(key).findElements(By.cssSelector("input[type=text]")).get(i);
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
            input.sendKeys(values.get(i));
        }
    }

    /**
     * Types {@code value} into a one-line text field (STRING_TYPE), replacing what it held. Found by its test id, the
     * config key: the field's label points at the form's mangled name instead.
     */
    public void fillText(String key, String value) {
        WebElement input = textField(key);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(value);
    }

    /** The value of a one-line text field (see {@link #fillText}). */
    public String text(String key) {
        return textField(key).getAttribute("value");
    }

    private WebElement textField(String key) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[data-testid='" + key + "']")));
    }

    /** The values of a list field as the form shows them (see {@link #fillList}). */
    public List<String> list(String key) {
        WebElement field = field(key);
        List<WebElement> textArea = field.findElements(By.tagName("textarea"));
        if (!textArea.isEmpty()) {
            return textArea.get(0).getAttribute("value").lines().toList();
        }
        return field.findElements(By.cssSelector("input[type=text]")).stream().map(input -> input.getAttribute("value")).toList();
    }

    /**
     * Chooses a role with the console's role picker (a ROLE_TYPE field): "Select Role", then client or realm roles,
     * a search in the dialog, the role's row, "Assign".
     *
     * @param clientId the role's client, or null for a realm role
     */
    public void pickRole(String key, String clientId, String role) {
        WebElement field = field(key);
        field.findElement(By.cssSelector("[data-testid=add-role-mapping-button]")).click();
        clickTestId(clientId == null ? "roles-role" : "client-role");
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[role=dialog][aria-modal=true]")));
        // The dialog opens before its table has loaded, and the table loads again after the search.
        wait.until(ExpectedConditions.visibilityOfNestedElementsLocatedBy(dialog, By.cssSelector("[data-testid=table-search-input] input")))
                .get(0).sendKeys(role, Keys.ENTER);
        String rowXpath = ".//tbody/tr[td[2][normalize-space()=" + xpathLiteral(role) + "]"
                + (clientId == null ? "" : " and td[3][normalize-space()=" + xpathLiteral(clientId) + "]") + "]";
        wait.until(d -> {
            List<WebElement> names = dialog.findElements(By.xpath(".//tbody/tr/td[2]"));
            return !names.isEmpty() && names.stream().allMatch(name -> name.getText().contains(role));
        });
        wait.until(d -> {
            List<WebElement> rows = dialog.findElements(By.xpath(rowXpath));
            if (rows.isEmpty()) {
                return false;
            }
            WebElement radio = rows.get(0).findElement(By.cssSelector("input[type=radio]"));
            if (!radio.isSelected()) {
                radio.click();
            }
            return radio.isSelected();
        });
        wait.until(ExpectedConditions.elementToBeClickable(dialog.findElement(By.cssSelector("[data-testid=assign]")))).click();
        wait.until(ExpectedConditions.invisibilityOf(dialog));
    }

    /**
     * Uploads a file into a FILE_TYPE field (PatternFly's FileUpload: a read-only file name, "Browse...", "Clear" and
     * a text area showing the file's text) as a person's "Browse..." would: through the component's file input, which
     * is hidden, so the file chooser never opens. Returns once the console has read the file into the text area.
     */
    public void uploadFile(String key, Path file) {
        WebElement upload = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//*[@id=" + xpathLiteral(key + "-browse-button")
                + "]/ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' pf-v5-c-file-upload ')][1]")));
        if (!fileText(key).isEmpty()) {
            // A file was chosen before: "Clear" empties the field, as a person would before choosing another.
            upload.findElement(By.xpath(".//button[normalize-space()='Clear']")).click();
            wait.until(d -> fileText(key).isEmpty());
        }
        upload.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        wait.until(ExpectedConditions.attributeToBe(By.id(key + "-filename"), "value", file.getFileName().toString()));
        wait.until(d -> !fileText(key).isEmpty());
    }

    /** The text a FILE_TYPE field holds (its text area). */
    public String fileText(String key) {
        String text = wait.until(ExpectedConditions.presenceOfElementLocated(By.id(key))).getDomProperty("value");
        return text == null ? "" : text;
    }

    /** The chips of a role field: "role" for a realm role, "client role" for a client's (the client is a badge). */
    public List<String> chips(String key) {
        return field(key).findElements(By.cssSelector(".pf-v5-c-chip__text")).stream().map(chip -> {
            String text = chip.getText().trim();
            List<WebElement> client = chip.findElements(By.cssSelector(".pf-v5-c-badge"));
            if (client.isEmpty()) {
                return text;
            }
            String clientId = client.get(0).getText().trim();
            return clientId + " " + text.substring(text.indexOf(clientId) + clientId.length()).trim();
        }).toList();
    }

    /** A text input by its form name (the create page gives it an id, the edit page only a name). */
    public WebElement textInput(String name) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("input[name='" + name + "']")));
    }

    /**
     * The labels of the form's fields, top to bottom. An empty key/value field that the console shows without its label
     * (Keycloak 26.4, 26.5) counts with the label its "Add ..." button names.
     */
    public List<String> formLabels() {
        String group = "ancestor::div[contains(concat(' ', normalize-space(@class), ' '), ' pf-v5-c-form__group ')]";
        return driver.findElements(By.xpath("//form//label[contains(@class, 'pf-v5-c-form__label')]"
                        + "//span[contains(@class, 'pf-v5-c-form__label-text')]"
                        + " | //form//div[contains(@class, 'pf-v5-c-empty-state')][not(" + group + ")]"
                        + "//button[contains(@data-testid, '-add-row')]")).stream()
                .map(element -> element.getTagName().equals("button")
                        ? element.getText().trim().replaceFirst("^Add ", "")
                        : element.getText().trim())
                .toList();
    }

    /** The text of a field's help popover, opened with the field's help icon and closed again. */
    public String helpText(String label) {
        // Found by the field's label: the help button's test id is the label for some widgets, the field's name for others (text).
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath("//div[contains(@class, 'pf-v5-c-form__group-label')]"
                + "[.//span[contains(@class, 'pf-v5-c-form__label-text')][normalize-space()=" + xpathLiteral(label) + "]]"
                + "//button[contains(@class, 'pf-v5-c-form__group-label-help')]"))).click();
        WebElement popover = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("[role=dialog] [id^=popover][id$=-body]")));
        String text = popover.getText().trim();
        driver.findElement(By.cssSelector("[role=dialog] button[aria-label=Close]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[role=dialog] [id^=popover][id$=-body]")));
        return text;
    }

    /** Clicks the form's save button and returns the alert the console shows, closing it. */
    public String save(String saveButtonTestId) {
        clickTestId(saveButtonTestId);
        return takeAlert();
    }

    /**
     * The text of the alert the console shows, left open (e.g. for a screenshot; the console closes it after 8 seconds):
     * close it with {@link #takeAlert}.
     */
    public String alert() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=last-alert]")))
                .getText().replaceAll("\\s+", " ").trim();
    }

    public String takeAlert() {
        WebElement alert = wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("[data-testid=last-alert]")));
        String text = alert.getText().replaceAll("\\s+", " ").trim();
        alert.findElement(By.cssSelector("button[aria-label^=Close]")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("[data-testid=last-alert]")));
        return text;
    }

    /** The page's title (the console's view header). */
    public String viewHeader() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("h1[data-testid=view-header]"))).getText().trim();
    }

    /** The breadcrumb above the page's title, item by item; empty when the console shows none. */
    public List<String> breadcrumbs() {
        return driver.findElements(By.cssSelector("nav.pf-v5-c-breadcrumb li")).stream().map(item -> item.getText().trim()).toList();
    }

    /** The column headers of the page's table, without the unnamed ones (e.g. the row actions). */
    public List<String> tableHeaders() {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("table thead"))).findElements(By.tagName("th"))
                .stream().map(header -> header.getText().trim()).filter(text -> !text.isEmpty()).toList();
    }

    /** The cells of the table row whose first cell reads {@code firstCell}, without empty cells (e.g. the row's actions). */
    public List<String> tableRow(String firstCell) {
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//table//tbody/tr[td[1][normalize-space()="
                + xpathLiteral(firstCell) + "]]")));
        return row.findElements(By.tagName("td")).stream().map(cell -> cell.getText().trim()).filter(text -> !text.isEmpty()).toList();
    }

    /** Waits until the console has loaded the page at the given route (the part after {@code #/realm/}). */
    public void awaitRoute(String routePart) {
        wait.until(ExpectedConditions.urlContains(routePart));
    }

    public void awaitVisible(By locator) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(locator));
    }

    /**
     * Saves a PNG of the whole page: the window is made as tall as the page's content (the console scrolls inside
     * its main area, so a plain screenshot would cut the form), {@code width} wide and at least {@code minHeight}.
     */
    public void screenshot(Path file, int width, int minHeight) {
        // No text cursor, focus ring or hover in the picture.
        ((JavascriptExecutor) driver).executeScript("if (document.activeElement) document.activeElement.blur();");
        // Measured at the smallest size: the console's page sections stretch to the window's height.
        resizeViewport(width, minHeight);
        new Actions(driver).moveToLocation(width - 4, minHeight - 4).perform();
        Object measured = ((JavascriptExecutor) driver).executeScript(
                "let bottom = 0;"
                        + "for (const area of document.querySelectorAll('main, #page-sidebar nav')) {"
                        + "  for (const e of area.querySelectorAll('*')) {"
                        + "    const r = e.getBoundingClientRect();"
                        + "    if (r.height > 0) bottom = Math.max(bottom, r.bottom + area.scrollTop);"
                        + "  }"
                        + "}"
                        + "return Math.ceil(bottom);");
        resizeViewport(width, Math.max(minHeight, ((Number) measured).intValue() + 32));
        Chromium.screenshot(driver, file);
    }

    /** Sizes the window so that the page gets exactly {@code width} x {@code height} pixels. */
    private void resizeViewport(int width, int height) {
        Number chrome = (Number) ((JavascriptExecutor) driver).executeScript("return window.outerHeight - window.innerHeight");
        driver.manage().window().setSize(new Dimension(width, height + chrome.intValue()));
        wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerHeight")).intValue() == height);
    }

    private static String xpathLiteral(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }
}
