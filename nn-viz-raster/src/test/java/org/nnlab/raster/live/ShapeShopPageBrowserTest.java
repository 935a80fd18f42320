package org.nnlab.raster.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.Freeform;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;

/**
 * The live ShapeShop page in a real headless Chromium: classes picked by clicking shapes and by painting one, a
 * round trained from the page, its row shown. Saves {@code target/live-shapeshop.png}.
 */
class ShapeShopPageBrowserTest {
    private Live<ShapeShop.Round> live;
    private ChromeDriver browser;

    @BeforeEach
    void open() {
        browser = Chromium.start();
        live = Live.open(new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.CIRCLE), Architecture.MLP, 5,
                InitialImage.ZEROS, 0.005, 3, 2_000), 0);
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
    void classesPickedOnThePageAreTrainedAndTheirRowAppears() throws Exception {
        browser.get(live.url().toString());
        await("a frame on screen", () -> Chromium.frameWidth(browser) > 0);
        assertThat(browser.findElements(By.cssSelector("#palette .shape"))).hasSize(ShapeClass.values().length);
        assertThat(browser.findElements(By.cssSelector("#palette .shape.selected")).stream().map(WebElement::getText))
                .containsExactly("box", "circle");
        await("the shape pictures load", () -> (Boolean) browser.executeScript(
                "return [...document.querySelectorAll('#palette img')].every(i => i.naturalWidth === 56)"));

        browser.findElement(By.cssSelector("#palette .shape[data-shape=tri]")).click();
        await("a picked shape", () -> browser.findElements(By.cssSelector("#palette .shape.selected")).size() == 3);

        WebElement pad = browser.findElement(By.id("pad"));
        browser.executeScript("arguments[0].scrollIntoView({block: 'center'})", pad);
        Actions paint = new Actions(browser).moveToElement(pad, -80, -80).clickAndHold();
        for (int i = 0; i < 20; i++) {
            paint.moveByOffset(8, 0);
        }
        paint.release().perform();
        browser.findElement(By.id("padName")).clear();
        browser.findElement(By.id("padName")).sendKeys("stroke");
        browser.findElement(By.id("addDrawn")).click();
        await("the drawn class is picked", () -> browser.findElements(By.cssSelector("#palette .shape.selected")).size() == 4);

        browser.findElement(By.id("train")).click();
        await("the round runs", () -> browser.findElement(By.id("progress")).isDisplayed()
                || on(() -> live.with(r -> r != null)));
        await("the round is done", () -> on(() -> live.with(r -> r != null)));
        ShapeShop.Round round = on(() -> live.with(r -> r));
        assertThat(round.config().classes()).extracting(c -> c.label()).containsExactly("box", "circle", "tri", "stroke");
        assertThat(round.classes()).hasSize(4);
        Freeform stroke = (Freeform) round.config().classes().get(3);
        float ink = 0;
        for (float v : stroke.image()) {
            ink += v;
        }
        assertThat(ink).as("the painted pixels").isGreaterThan(5);
        await("the row on screen", () -> Chromium.frameWidth(browser) > 400
                && !browser.findElement(By.id("trainAccuracy")).getText().isEmpty());
        browser.executeScript("window.scrollTo(0, 0)");
        Chromium.screenshot(browser, "live-shapeshop.png");
    }

    @Test
    void tooFewClassesIsSaidOnThePage() {
        browser.get(live.url().toString());
        await("a frame on screen", () -> Chromium.frameWidth(browser) > 0);
        browser.findElement(By.cssSelector("#palette .shape[data-shape=box]")).click();
        await("one class left", () -> browser.findElements(By.cssSelector("#palette .shape.selected")).size() == 1);
        browser.findElement(By.id("train")).click();
        await("the reason on the page", () -> browser.findElement(By.id("error")).isDisplayed()
                && browser.findElement(By.id("error")).getText().contains("pick at least 2 classes"));
    }

    private static <T> T on(Chromium.Call<T> call) {
        return Chromium.on(call);
    }

    private void await(String what, Supplier<Boolean> done) {
        Chromium.await(browser, what, done);
    }
}
