package io.jitprovisioning.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import io.jitprovisioning.testsupport.Prerequisites;

/**
 * Debian's Chromium driven through Debian's ChromeDriver. Both are named by path, so that Selenium Manager never
 * looks for (or downloads) a browser or driver of its own: a tool's own browser download does not work here.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    /**
     * Where the browser tests save their screenshots: under {@code target/}, because no test may change a tracked file.
     * {@code browser/screenshots} copies them to {@code docs/images/}; compat/run sends each release's elsewhere
     * ({@code -Dkc.it.screenshots}).
     */
    public static final Path SCREENSHOTS = Path.of(System.getProperty("basedir", "")).toAbsolutePath()
            .resolve(System.getProperty("kc.it.screenshots", "target/screenshots"));

    private Chromium() {
    }

    /** Whether both Debian packages ({@code chromium}, {@code chromium-driver}) are installed. */
    public static boolean installed() {
        return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
    }

    /** Skips the calling test where Chromium is missing, and fails it under CI ({@link Prerequisites#BROWSER}). */
    public static void requireOrSkip() {
        Prerequisites.BROWSER.requireOrSkip(installed(),
                "Debian's chromium and chromium-driver at " + BROWSER + " and " + DRIVER + " (browser/install installs them)");
    }

    /**
     * A headless Chromium with a new empty profile in {@code profile} and a window of the given size (the size of
     * every screenshot); {@code language} is the browser's UI and Accept-Language.
     */
    public static ChromeDriver start(Path profile, Dimension window, String language, Path driverLog) {
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", DRIVER.toString());
        try {
            Files.createDirectories(profile);
            Files.createDirectories(driverLog.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--force-device-scale-factor=1",
                "--user-data-dir=" + profile.toAbsolutePath(),
                "--window-size=" + window.getWidth() + "," + window.getHeight(),
                "--lang=" + language);
        options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(driverLog.toFile())
                .withTimeout(Duration.ofSeconds(30))
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(window);
        return driver;
    }

    /** Saves what the browser's window shows as a PNG, replacing an older file. */
    public static void screenshot(TakesScreenshot browser, Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A new empty folder for one browser's profile. */
    public static Path newProfile(Path parent) {
        try {
            Files.createDirectories(parent);
            return Files.createTempDirectory(parent, "chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
