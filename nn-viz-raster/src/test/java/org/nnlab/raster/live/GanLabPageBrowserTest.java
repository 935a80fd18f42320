package org.nnlab.raster.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * The live GAN Lab page in a real headless Chromium: training shows, and the learning rates, layers, slow motion
 * and a drawn distribution reach the session. Saves {@code target/live-ganlab.png} and
 * {@code target/live-ganlab-slow-motion.png}, and measures the ring preset's frame rate.
 */
class GanLabPageBrowserTest {
    private Live<GanSession> live;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Chromium.start();
        live = Live.open(GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(7)), 0);
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (live != null) {
            live.close();
        }
    }

    @Test
    void thePageShowsTrainingAndItsControlsReachTheSession() throws Exception {
        browser.get(live.url().toString());
        await("a frame on screen", () -> Chromium.frameWidth(browser) > 0);
        assertThat(new Select(browser.findElement(By.id("dataset"))).getFirstSelectedOption().getText()).isEqualTo("Ring");

        browser.findElement(By.id("play")).click();
        await("the epoch counter moves", () -> epochShown() > 50);
        String src = browser.findElement(By.id("frame")).getAttribute("src");
        await("the picture changes", () -> !browser.findElement(By.id("frame")).getAttribute("src").equals(src));
        await("the metrics show", () -> !browser.findElement(By.id("kl")).getText().isEmpty());

        browser.findElement(By.cssSelector("#layers input[data-layer=manifold]")).click();
        await("the layer is on", () -> ((String) js().executeScript("return JSON.stringify(live.state.layers)"))
                .contains("manifold"));
        new Select(browser.findElement(By.id("dLR"))).selectByVisibleText("0.03");
        await("the learning rate reaches the session", () -> on(() -> live.with(s -> s.config().dLearningRate())) == 0.03);
        assertThat(on(() -> live.with(GanSession::epochCount))).as("a new rate does not reset").isPositive();
        await("trained a while", () -> on(() -> live.with(GanSession::epochCount)) > 1500);
        Chromium.screenshot(browser, "live-ganlab.png");
        browser.findElement(By.id("play")).click();
        await("paused", () -> !(Boolean) js().executeScript("return live.state.running"));
        browser.findElement(By.id("slow")).click();
        await("slow motion on", () -> (Boolean) js().executeScript("return live.state.slow"));
        long before = on(() -> live.with(GanSession::epochCount));
        browser.findElement(By.id("stepG")).click();
        await("the walk shows its second phase", () -> browser.findElement(By.id("walkPhase")).getText()
                .startsWith("Generator update, 2/5") && browser.findElement(By.id("walkCaption")).getText()
                .equals("Discriminator classifies fake samples only"));
        assertThat(on(() -> live.with(GanSession::epochCount))).as("one update").isEqualTo(before + 1);
        await("the walk reaches the gradients", () -> browser.findElement(By.id("walkPhase")).getText().endsWith("4/5:"));
        Chromium.screenshot(browser, "live-ganlab-slow-motion.png");
        await("and the update", () -> browser.findElement(By.id("walkPhase")).getText().endsWith("5/5:"));
        browser.findElement(By.id("slow")).click();
        await("slow motion off", () -> !(Boolean) js().executeScript("return live.state.slow"));
        browser.findElement(By.id("play")).click();
        new Select(browser.findElement(By.id("gOpt"))).selectByVisibleText("Adam");
        await("the optimizer reaches the session",
                () -> on(() -> live.with(s -> s.config().gOptimizer().label())).equals("Adam"));
        browser.findElement(By.id("gLayersPlus")).click();
        await("a generator layer reaches the session", () -> on(() -> live.with(s -> s.config().gLayers())) == 2);
        await("training goes on", () -> on(() -> live.with(GanSession::epochCount)) > 100);
    }

    @Test
    void aDrawnDistributionBecomesTheRealData() throws Exception {
        browser.get(live.url().toString());
        await("a frame on screen", () -> Chromium.frameWidth(browser) > 0);
        new Select(browser.findElement(By.id("dataset"))).selectByValue("drawing");
        WebElement canvas = browser.findElement(By.id("canvas"));
        await("the drawing pad", canvas::isDisplayed);
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", canvas);
        Actions draw = new Actions(browser).moveToElement(canvas, -150, -150).clickAndHold();
        for (int i = 0; i < 30; i++) {
            draw.moveByOffset(10, 5);
        }
        draw.release().perform();
        assertThat(browser.findElement(By.id("drawnCount")).getText()).matches("\\d+ points")
                .isNotEqualTo("0 points");
        browser.findElement(By.id("applyDrawing")).click();
        await("the drawing reaches the session", () -> on(() -> live.with(s -> s.data().name())).equals("drawing"));
        float[] real = on(() -> live.with(s -> s.realAtlas().head(450)));
        for (int i = 0; i < 450; i++) {
            // drawn from the top-left quarter down to the right: x in about [0.1, 0.9], y above the middle
            assertThat(real[2 * i]).isBetween(0.0f, 1.0f);
            assertThat(real[2 * i + 1]).isBetween(0.35f, 0.95f);
        }
        await("the page shows it", () -> new Select(browser.findElement(By.id("dataset"))).getFirstSelectedOption()
                .getAttribute("value").equals("drawing"));
    }

    @Test
    void aBadValueIsShownOnThePage() {
        browser.get(live.url().toString());
        await("a frame on screen", () -> Chromium.frameWidth(browser) > 0);
        js().executeScript("setConfig('kD', 500)");
        await("the library's message on the page", () -> browser.findElement(By.id("error")).isDisplayed()
                && browser.findElement(By.id("error")).getText().contains("kD must be 0..100, got 500"));
    }

    /**
     * Not a timing assertion but a measurement for the README: frames a real browser draws while the ring preset plays
     * ({@link Chromium#frameRates}: in the first 10 s, and over 10 s from 25 s on), and the time from a control to
     * a frame that shows it, five times, written to {@code target/live-frame-rate.txt}. It asserts only that frames
     * keep coming and controls arrive.
     */
    @Test
    void framesReachTheBrowserWhilePlaying() throws Exception {
        browser.get(live.url().toString());
        await("a frame on screen", () -> Chromium.frameWidth(browser) > 0);
        js().executeScript("live.post({action: 'play'})");
        await("playing", () -> epochShown() > 0);
        Chromium.Rates rates = Chromium.frameRates(browser, live::framesPublished,
                () -> on(() -> live.with(GanSession::epochCount)));
        double[] latencies = new double[Chromium.LATENCY_SAMPLES];
        for (int i = 0; i < latencies.length; i++) {
            boolean on = i % 2 == 0;
            latencies[i] = ((Number) js().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    const on = arguments[0];
                    const t0 = performance.now();
                    live.post({action: 'layer', name: 'manifold', on: String(on)}).then(() => {
                      const check = () => window.nnlab.shownState
                          && window.nnlab.shownState.layers.includes('manifold') === on
                          ? done(performance.now() - t0) : setTimeout(check, 1);
                      check();
                    });""", on)).doubleValue();
            Thread.sleep(300);
        }
        String line = String.format(java.util.Locale.ROOT, "GAN Lab ring preset: %s; a layer toggled to a frame showing it %s",
                rates, Chromium.latencies(latencies));
        System.out.println("GanLabPageBrowserTest: " + line);
        Path report = Path.of("target", "live-frame-rate.txt");
        Files.createDirectories(report.getParent());
        Files.writeString(report, line + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        assertThat(rates.drawn()).as("frames keep coming").isPositive();
    }

    private JavascriptExecutor js() {
        return browser;
    }

    private long epochShown() {
        return Long.parseLong(browser.findElement(By.id("epoch")).getText().replace(",", ""));
    }

    private static <T> T on(Chromium.Call<T> call) {
        return Chromium.on(call);
    }

    private void await(String what, Supplier<Boolean> done) {
        Chromium.await(browser, what, done);
    }
}
