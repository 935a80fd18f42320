package org.nnlab.raster.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.playground.DatasetKind;
import org.nnlab.playground.Feature;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

/**
 * The live Playground page in a real headless Chromium (Debian's {@code chromium} and {@code chromedriver},
 * never one a tool downloads): the page shows the session's frames and numbers, and its controls reach the
 * session. Saves a screenshot to {@code target/live-playground.png} for people to look at.
 */
class LivePageBrowserTest {
    private Live<PlaygroundSession> live;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Chromium.start();
        live = Live.open(PlaygroundSession.load(PlaygroundState.parse("seed=0.5&dataset=spiral&networkShape=6,6")), 0);
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
    void thePageShowsTheSessionAndItsControlsReachIt() throws Exception {
        browser.get(live.url().toString());
        await("a frame on screen", () -> frameWidth() > 0);
        assertThat(browser.findElements(By.cssSelector("#datasets button"))).hasSize(4);
        assertThat(browser.findElement(By.cssSelector("#datasets button.selected")).getText()).isEqualTo("Spiral");
        assertThat(browser.getCurrentUrl()).contains("#", "dataset=spiral", "seed=0.5");

        browser.findElement(By.id("play")).click();
        await("the epoch counter moves", () -> epochShown() > 10);
        String src = browser.findElement(By.id("frame")).getAttribute("src");
        await("the picture changes", () -> !browser.findElement(By.id("frame")).getAttribute("src").equals(src));

        new Select(browser.findElement(By.id("learningRate"))).selectByVisibleText("0.1");
        await("the learning rate reaches the session", () -> on(() -> live.with(s -> s.state().learningRate())) == 0.1);
        assertThat(on(() -> live.with(PlaygroundSession::epoch))).as("a new rate does not reset").isPositive();

        browser.findElement(By.cssSelector("#features button[data-feature=xSquared]")).click();
        await("a feature reaches the session",
                () -> on(() -> live.with(s -> s.state().features().contains(Feature.X_SQUARED))));
        browser.findElement(By.id("addLayer")).click();
        await("a layer reaches the session", () -> on(() -> live.with(s -> s.state().networkShape().size())) == 3);
        browser.findElement(By.id("play")).click();
        await("training again after the reload", () -> epochShown() > 5);
        await("the page follows", () -> browser.findElements(By.cssSelector("#neurons .layer")).size() == 3);

        Chromium.screenshot(browser, "live-playground.png");

        new Select(browser.findElement(By.id("learningRate"))).selectByVisibleText("3");
        browser.findElement(By.cssSelector("#datasets button:nth-child(2)")).click();
        await("a data set reaches the session", () -> on(() -> live.with(s -> s.state().dataset())) == DatasetKind.XOR);
    }

    @Test
    void aCopiedLinkRestoresItsState() throws Exception {
        browser.get(live.url() + "#seed=0.7&dataset=xor&networkShape=3&activation=relu");
        await("the link's state reaches the session", () -> on(() -> live.with(s -> s.state().dataset())) == DatasetKind.XOR);
        PlaygroundState state = on(() -> live.with(PlaygroundSession::state));
        assertThat(state.seed()).isEqualTo("0.7");
        assertThat(state.networkShape()).containsExactly(3.0);
        await("the page shows it", () -> browser.findElement(By.cssSelector("#datasets button.selected")).getText()
                .equals("Exclusive or"));
    }

    @Test
    void aBadValueIsShownOnThePage() throws Exception {
        browser.get(live.url().toString());
        await("a frame on screen", () -> frameWidth() > 0);
        ((JavascriptExecutor) browser).executeScript("change({learningRate: 'abc'})");
        await("the library's message on the page", () -> browser.findElement(By.id("error")).isDisplayed()
                && browser.findElement(By.id("error")).getText().contains("learningRate"));
    }

    /**
     * Not a timing assertion but a measurement for the README: frames a real browser draws while the page plays
     * ({@link Chromium#frameRates}: in the first 10 s, and over 10 s from 25 s on), and the time from a control to
     * a frame that shows it, five times, written to {@code target/live-frame-rate.txt}. It asserts only that frames
     * keep coming and controls arrive.
     */
    @Test
    void framesReachTheBrowserWhilePlaying() throws Exception {
        StringBuilder report = new StringBuilder();
        for (String hash : new String[] {"seed=0.12345", "seed=0.12345&dataset=spiral&networkShape=8,8,8,8,8,8&x=true"
                + "&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true"}) {
            browser.get(live.url() + "#" + hash);
            await("the link's state", () -> browser.getCurrentUrl().contains("seed=0.12345") && frameWidth() > 0
                    && on(() -> live.with(s -> s.state().toHash())).contains(hash.contains("spiral") ? "spiral" : "circle"));
            JavascriptExecutor js = (JavascriptExecutor) browser;
            js.executeScript("live.post({action: 'play'})");
            await("playing", () -> epochShown() > 0);
            Chromium.Rates rates = Chromium.frameRates(browser, live::framesPublished,
                    () -> (long) on(() -> live.with(PlaygroundSession::epoch)));
            double[] latencies = new double[Chromium.LATENCY_SAMPLES];
            for (int i = 0; i < latencies.length; i++) {
                String rate = i % 2 == 0 ? "0.3" : "0.1";
                latencies[i] = ((Number) js.executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const wanted = new RegExp('learningRate=' + arguments[0] + '(&|$)');
                        const t0 = performance.now();
                        change({learningRate: arguments[0]}).then(() => {
                          const check = () => wanted.test(window.nnlab.shownHash)
                              ? done(performance.now() - t0) : setTimeout(check, 1);
                          check();
                        });""", rate)).doubleValue();
                Thread.sleep(300);
            }
            String line = String.format(java.util.Locale.ROOT, "%s: %s; learning rate to a frame showing it %s",
                    hash.contains("spiral") ? "spiral 6x8, 7 features" : "default network", rates,
                    Chromium.latencies(latencies));
            System.out.println("LivePageBrowserTest: " + line);
            report.append(line).append('\n');
            assertThat(rates.drawn()).as("frames keep coming").isPositive();
            js.executeScript("live.post({action: 'pause'})");
        }
        Files.writeString(Path.of("target", "live-frame-rate.txt"), report);
    }

    private long frameWidth() {
        return Chromium.frameWidth(browser);
    }

    private int epochShown() {
        return Integer.parseInt(browser.findElement(By.id("epoch")).getText().replace(",", ""));
    }

    private static <T> T on(Chromium.Call<T> call) {
        return Chromium.on(call);
    }

    private void await(String what, Supplier<Boolean> done) {
        Chromium.await(browser, what, done);
    }
}
