package org.nnlab.raster.live;

import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.function.Supplier;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' browser: Debian's headless {@code chromium} through its {@code chromedriver} (never one a
 * tool downloads), and what the tests do with it: wait for a condition, read the frame, save a screenshot.
 */
final class Chromium {
    private static final Path BINARY = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    /** A headless Chromium; the test is skipped (not failed) where none is installed. */
    static ChromeDriver start() {
        assumeThat(Files.isExecutable(BINARY) && Files.isExecutable(DRIVER))
                .as("apt-get install chromium chromium-driver (.ci/run does)").isTrue();
        ChromeOptions options = new ChromeOptions().setBinary(BINARY.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }

    /** Waits up to 30 s for {@code done}; buttons the page rebuilds on a change may go stale meanwhile. */
    static void await(ChromeDriver browser, String what, Supplier<Boolean> done) {
        new WebDriverWait(browser, Duration.ofSeconds(30)).withMessage(what)
                .ignoring(StaleElementReferenceException.class)
                .until(d -> done.get());
    }

    /** The width of the picture on screen, 0 before the first frame. */
    static long frameWidth(ChromeDriver browser) {
        return (Long) ((JavascriptExecutor) browser).executeScript("return document.getElementById('frame').naturalWidth");
    }

    /** Saves the page as {@code target/NAME} for people to look at. */
    static void screenshot(ChromeDriver browser, String name) throws IOException {
        Path shot = Path.of("target", name);
        Files.createDirectories(shot.getParent());
        Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A call on the page's thread from a wait's condition. */
    interface Call<T> {
        T get() throws Exception;
    }

    static <T> T on(Call<T> call) {
        try {
            return call.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
