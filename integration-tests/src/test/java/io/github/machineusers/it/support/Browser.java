package io.github.machineusers.it.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's packages ({@code chromium}, {@code chromium-driver}), driven by
 * Selenium through the packaged chromedriver, so nothing is downloaded at test time. The paths
 * can be changed with {@code -Dbrowser.binary} and {@code -Dbrowser.driver}.
 */
public final class Browser implements AutoCloseable {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** The two window sizes every page is looked at in: a common desktop, and a small laptop. */
    private static final Dimension WIDE = new Dimension(1440, 900);
    private static final Dimension SMALL = new Dimension(1280, 720);

    private final ChromeDriver driver;
    private final WebDriverWait wait;
    private final Path userDataDir;

    public Browser() {
        String binary = System.getProperty("browser.binary", "/usr/bin/chromium");
        String driverPath = System.getProperty("browser.driver", "/usr/bin/chromedriver");
        if (!new File(binary).canExecute() || !new File(driverPath).canExecute()) {
            throw new IllegalStateException("The admin console tests need Chromium and its driver: " + binary + " and " + driverPath
                    + " (Debian: apt-get install chromium chromium-driver)");
        }
        try {
            userDataDir = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(binary).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=" + WIDE.getWidth() + "," + WIDE.getHeight(), "--user-data-dir=" + userDataDir);
        // Files the pages offer (a generated private key) land here, without a dialog.
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", userDataDir.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(driverPath)).build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, WAIT);
    }

    /** The file a page offered for download, once it is complete. */
    public Path awaitDownload(String fileName) {
        Path file = userDataDir.resolve("downloads").resolve(fileName);
        wait.until(d -> Files.isRegularFile(file) && !Files.exists(file.resolveSibling(fileName + ".crdownload")));
        return file;
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public WebElement clickable(By by) {
        return wait.until(ExpectedConditions.elementToBeClickable(by));
    }

    public void click(By by) {
        clickable(by).click();
    }

    public void type(By by, String text) {
        WebElement input = visible(by);
        input.clear();
        input.sendKeys(text);
    }

    public void awaitGone(By by) {
        wait.until(ExpectedConditions.invisibilityOfElementLocated(by));
    }

    public void awaitText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    /** A byTestId shortcut for the pages' data-testid attributes. */
    public static By testId(String id) {
        return By.cssSelector("[data-testid='" + id + "']");
    }

    /**
     * Keeps a picture of the page in target/screenshots, for the docs and for failed runs: {@code name.png}
     * in the window's size (1440x900) and {@code name-1280x720.png} in a small laptop's, to look for cut-off text.
     */
    public Path screenshot(String name) {
        Path dir = Path.of(System.getProperty("project.build.directory", "target"), "screenshots");
        Dimension size = driver.manage().window().getSize();
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            driver.manage().window().setSize(SMALL);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), dir.resolve(name + "-1280x720.png"),
                    StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(size);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
