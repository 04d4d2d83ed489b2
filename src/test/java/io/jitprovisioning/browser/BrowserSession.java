package io.jitprovisioning.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The browsers one test opened: each with a new empty profile under {@code work}, all closed after the test. When the
 * test fails, each browser's last page (HTML and PNG) is kept in {@code work/failures/} to show what it looked at.
 */
public final class BrowserSession implements AfterEachCallback {

    private final Path work;
    private final List<ChromeDriver> drivers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    public BrowserSession(Path work) {
        this.work = work;
    }

    /** A new browser whose pages and Accept-Language are in {@code language}, its window {@code size}. */
    public ChromeDriver open(String language, Dimension size) {
        Path profile = Chromium.newProfile(work.resolve("profiles"));
        profiles.add(profile);
        ChromeDriver driver = Chromium.start(profile, size, language, work.resolve("chromedriver-" + (drivers.size() + 1) + ".log"));
        drivers.add(driver);
        return driver;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String testName = context.getRequiredTestMethod().getName();
        try {
            forgetLastPages(testName);
            if (context.getExecutionException().isPresent()) {
                keepLastPages(testName);
            }
        } finally {
            drivers.forEach(BrowserSession::quietlyQuit);
            drivers.clear();
            profiles.forEach(BrowserSession::deleteQuietly);
            profiles.clear();
        }
    }

    private void keepLastPages(String testName) {
        Path failures = work.resolve("failures");
        for (int i = 0; i < drivers.size(); i++) {
            WebDriver driver = drivers.get(i);
            String name = testName + "-" + (i + 1);
            try {
                Files.createDirectories(failures);
                Files.writeString(failures.resolve(name + ".html"), driver.getCurrentUrl() + "\n" + driver.getPageSource(),
                        StandardCharsets.UTF_8);
                Files.write(failures.resolve(name + ".png"), ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (WebDriverException gone) {
                // The browser died with the failure: nothing more to keep.
            }
        }
    }

    private void forgetLastPages(String testName) {
        try (Stream<Path> old = Files.exists(work.resolve("failures")) ? Files.list(work.resolve("failures")) : Stream.empty()) {
            old.filter(file -> file.getFileName().toString().startsWith(testName + "-")).forEach(BrowserSession::deleteQuietly);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path path) {
        try (Stream<Path> walk = Files.walk(path)) {
            walk.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A profile Chromium still writes to on its way out: left for mvn clean.
        }
    }

    private static void quietlyQuit(WebDriver driver) {
        try {
            driver.quit();
        } catch (WebDriverException alreadyGone) {
            // Quitting a browser that already exited is fine.
        }
    }
}
