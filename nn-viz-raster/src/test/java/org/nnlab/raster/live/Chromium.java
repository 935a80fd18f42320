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

    /**
     * When a frame-rate measurement counts again after the first 10 s of play: a JVM's first half minute shares the
     * cores with the JIT's compiler threads (a quarter to half a core here) and the vector kernels' warm-up thread,
     * once per process; the rate a user watches afterwards is measured from here on.
     */
    static final long WARM_MILLIS = 25_000;

    /** How many controls a latency measurement times. */
    static final int LATENCY_SAMPLES = 5;

    private Chromium() {
    }

    /** Frames a page drew and its server sent per second, in the first 10 s of play and over 10 s from 25 s on. */
    record Rates(double coldDrawn, double coldSent, double drawn, double sent, double epochsPerSecond) {
        @Override
        public String toString() {
            return String.format(java.util.Locale.ROOT, "%.1f frames/s drawn of %.1f sent (in the first 10 s of play: %.1f "
                    + "of %.1f), %.0f epochs/s trained", drawn, sent, coldDrawn, coldSent, epochsPerSecond);
        }
    }

    /**
     * Measures {@link Rates} on a page that has just begun to play: {@code sent} counts the frames the server
     * published, {@code epochs} the session's epochs (both read through the session's thread).
     */
    static Rates frameRates(ChromeDriver browser, Supplier<Long> sent, Supplier<Long> epochs) throws InterruptedException {
        long[] start = counts(browser, sent, epochs);
        Thread.sleep(10_000);
        long[] cold = counts(browser, sent, epochs);
        Thread.sleep(WARM_MILLIS - 10_000);
        long[] warm = counts(browser, sent, epochs);
        Thread.sleep(10_000);
        long[] end = counts(browser, sent, epochs);
        return new Rates((cold[0] - start[0]) / 10.0, (cold[1] - start[1]) / 10.0, (end[0] - warm[0]) / 10.0,
                (end[1] - warm[1]) / 10.0, (end[2] - warm[2]) / 10.0);
    }

    private static long[] counts(ChromeDriver browser, Supplier<Long> sent, Supplier<Long> epochs) {
        return new long[] {(Long) browser.executeScript("return window.nnlab.framesShown"), sent.get(), epochs.get()};
    }

    /** Latencies in ms as the README reports them: "median 98 ms, at most 131 ms of 5". */
    static String latencies(double[] millis) {
        double[] sorted = millis.clone();
        java.util.Arrays.sort(sorted);
        return String.format(java.util.Locale.ROOT, "median %.0f ms, at most %.0f ms of %d", sorted[sorted.length / 2],
                sorted[sorted.length - 1], sorted.length);
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
