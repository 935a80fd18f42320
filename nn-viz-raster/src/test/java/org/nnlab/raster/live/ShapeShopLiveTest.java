package org.nnlab.raster.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.Freeform;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;

/**
 * The live ShapeShop page over HTTP: classes picked and drawn on the page are the ones a round trains, a round run
 * there is bitwise the round {@link ShapeShop#run} gives for the same settings, bad values get the library's
 * message and change nothing, and a round can be stopped.
 */
class ShapeShopLiveTest {
    private static final ShapeShop.Config SETTINGS = new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.CIRCLE),
            Architecture.MLP, 3, InitialImage.ZEROS, 0.005, 5, 2_000);

    private Live<ShapeShop.Round> live;
    private LiveClient client;

    @BeforeEach
    void open() {
        live = Live.open(SETTINGS, 0);
        client = new LiveClient(live.url());
    }

    @AfterEach
    void close() {
        live.close();
    }

    @Test
    void servesThePageAndEveryShapesPicture() throws Exception {
        assertThat(client.get("").body()).contains("shapeshop.js", "live.js");
        for (ShapeClass s : ShapeClass.values()) {
            BufferedImage img = client.image("shape-" + s.uiName() + ".png");
            assertThat(img.getWidth()).as(s.uiName()).isEqualTo(56);
        }
        assertThat(client.get("shape-star.png").statusCode()).isEqualTo(404);
        assertThat(client.get("drawn-mine.png").statusCode()).as("nothing drawn yet").isEqualTo(404);
        JsonNode state = client.awaitState(s -> s.path("version").asLong() >= 1).path("state");
        assertThat(state.path("chosen").toString()).isEqualTo("[\"box\",\"circle\"]");
        assertThat(state.path("shapes").size()).isEqualTo(ShapeClass.values().length);
        assertThat(state.path("last").isNull()).isTrue();
        assertThat(live.<ShapeShop.Round>with(r -> r)).isNull();
    }

    @Test
    void aRoundTrainedFromThePageIsTheLibrarysRound() throws Exception {
        assertThat(client.post("action=toggle&name=tri").statusCode()).isEqualTo(204);
        assertThat(client.post("action=model&value=mlp").statusCode()).isEqualTo(204);
        assertThat(client.post("action=epochs&value=2").statusCode()).isEqualTo(204);
        assertThat(client.post("action=start&value=noise").statusCode()).isEqualTo(204);
        assertThat(client.post("action=step&value=0.01").statusCode()).isEqualTo(204);
        assertThat(client.post("action=seed&value=9").statusCode()).isEqualTo(204);
        assertThat(client.post("action=train").statusCode()).isEqualTo(204);
        JsonNode done = client.awaitState(s -> s.path("state").path("rounds").asInt() == 1
                && s.path("state").path("running").isNull());
        ShapeShop.Round round = live.with(r -> r);
        ShapeShop.Round expected = ShapeShop.run(new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.CIRCLE,
                ShapeClass.TRI), Architecture.MLP, 2, InitialImage.NOISE, 0.01, 9, 2_000));
        assertThat(round.config().classes()).isEqualTo(expected.config().classes());
        for (int c = 0; c < 3; c++) {
            assertThat(java.util.Arrays.equals(round.classes().get(c).image(), expected.classes().get(c).image()))
                    .as("class %d's image, bitwise", c).isTrue();
            assertThat(done.path("state").path("last").path("r").get(c).asDouble()).isEqualTo(expected.classes().get(c).r());
        }
        BufferedImage rows = client.image("frame.png");
        assertThat(rows.getWidth()).as("a row of three classes").isGreaterThan(3 * 112);
    }

    @Test
    void aDrawnClassIsTrainedAsItWasDrawn() throws Exception {
        float[] image = new float[784];
        for (int i = 28 * 10; i < 28 * 12; i++) {
            image[i] = 1;                                            // two rows across
        }
        StringBuilder pixels = new StringBuilder();
        for (float v : image) {
            pixels.append(pixels.length() == 0 ? "" : ",").append(v);
        }
        assertThat(client.post("action=freeform&name=bars&pixels=" + enc(pixels.toString())).statusCode()).isEqualTo(204);
        assertThat(client.image("drawn-bars.png").getWidth()).isEqualTo(56);
        JsonNode state = client.awaitState(s -> s.path("state").path("drawn").size() == 1).path("state");
        assertThat(state.path("chosen").toString()).isEqualTo("[\"box\",\"circle\",\"bars\"]");
        live.train(2);
        Freeform bars = (Freeform) live.with(r -> r.config().classes().get(2));
        assertThat(java.util.Arrays.equals(bars.image(), image)).as("the drawn pixels").isTrue();
        assertThat(live.<Integer>with(r -> r.classes().size())).isEqualTo(3);
    }

    @Test
    void badValuesGetTheLibrarysMessageAndChangeNothing() throws Exception {
        String before = client.awaitState(s -> s.path("version").asLong() >= 1).path("state").toString();
        assertRefused(client.post("action=toggle&name=star"), "unknown shape \"star\"");
        assertRefused(client.post("action=model&value=rnn"), "unknown model \"rnn\"");
        assertRefused(client.post("action=epochs&value=0"), "epochs 0", "1..1000");
        assertRefused(client.post("action=epochs&value=ten"), "epochs 'ten'");
        assertRefused(client.post("action=start&value=grey"), "unknown start \"grey\"");
        assertRefused(client.post("action=step&value=-0.1"), "step -0.1");
        assertRefused(client.post("action=seed&value=-3"), "seed -3");
        assertRefused(client.post("action=freeform&name=box&pixels=0"), "one of ShapeShop's shapes");
        assertRefused(client.post("action=freeform&name=" + enc("a b") + "&pixels=0"), "letters, digits");
        assertRefused(client.post("action=freeform&name=short&pixels=0,1,0"), "784");
        assertRefused(client.post("action=freeform&name=nan&pixels=" + enc(String.join(",",
                Collections.nCopies(784, "NaN")))), "finite");
        assertRefused(client.post("action=fly"), "action 'fly'");
        Thread.sleep(100);
        String after = client.awaitState(s -> true).path("state").toString();
        assertThat(after).isEqualTo(before);

        assertThat(client.post("action=toggle&name=circle").statusCode()).isEqualTo(204);
        assertRefused(client.post("action=train"), "pick at least 2 classes to train (1 picked)");
        assertThatThrownBy(() -> live.train(2)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("pick at least 2 classes");
        assertThatThrownBy(() -> live.train(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1..1000, got 0");
    }

    @Test
    void aRoundCanBeStoppedAndNothingOfItIsKept() throws Exception {
        client.post("action=model&value=cnn");
        client.post("action=epochs&value=1000");
        assertThat(client.post("action=train").statusCode()).isEqualTo(204);
        client.awaitState(s -> s.path("state").path("running").path("epoch").asInt() >= 1);
        assertThat(client.post("action=stop").statusCode()).isEqualTo(204);
        JsonNode stopped = client.awaitState(s -> s.path("state").path("running").isNull()).path("state");
        assertThat(stopped.path("status").asText()).contains("Stopped");
        assertThat(stopped.path("rounds").asInt()).isZero();
        assertThat(live.<ShapeShop.Round>with(r -> r)).isNull();
    }

    @Test
    void closeDuringARoundStopsItAndEveryThread() throws Exception {
        client.post("action=model&value=cnn");
        client.post("action=epochs&value=1000");
        assertThat(client.post("action=train").statusCode()).isEqualTo(204);
        client.awaitState(s -> s.path("state").path("running").path("epoch").asInt() >= 1);
        long start = System.nanoTime();
        live.close();
        assertThat(live.stopped()).as("no thread left").isTrue();
        assertThat(System.nanoTime() - start).as("the round stopped at its next epoch").isLessThan(10_000_000_000L);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<String> r, String... parts) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(parts);
    }
}
