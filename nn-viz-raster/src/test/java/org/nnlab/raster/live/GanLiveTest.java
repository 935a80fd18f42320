package org.nnlab.raster.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.gan.StepTrace;
import org.nnlab.raster.Figure;
import org.nnlab.raster.view.GanLabOverview;

/**
 * The live GAN Lab page over HTTP: every control reaches the session as the library's own calls would (a twin
 * session given the same calls ends with bitwise the same weights), bad values get the library's message and
 * change nothing, slow motion walks through GAN Lab's five phases, and the pictures decode at their sizes.
 */
class GanLiveTest {
    private static final long SEED = 11;

    private Live<GanSession> live;
    private LiveClient client;

    @BeforeEach
    void open() {
        live = Live.open(twin(), 0);
        client = new LiveClient(live.url());
    }

    @AfterEach
    void close() {
        live.close();
    }

    private static GanSession twin() {
        return GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(SEED));
    }

    @Test
    void servesThePageAndItsPictures() throws Exception {
        HttpResponse<String> page = client.get("");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("ganlab.js", "live.js", "live.css", "data-part=\"overview\"");
        assertThat(client.get("ganlab.js").statusCode()).isEqualTo(200);
        assertThat(client.get("playground.js").statusCode()).as("another page's file").isEqualTo(404);
        JsonNode state = client.awaitState(s -> s.path("parts").has("charts"));
        assertThat(state.path("state").path("dataset").asText()).isEqualTo("ring");
        assertThat(GanConfig.fromJson(state.path("state").path("config").asText())).isEqualTo(GanConfig.preset("ring"));
        BufferedImage frame = client.image("frame.png");
        assertThat(frame.getWidth()).isEqualTo(GanLive.SIZE);
        assertThat(frame.getHeight()).isEqualTo(GanLive.SIZE);
        BufferedImage overview = client.image("overview.png");
        assertThat(overview.getWidth()).isEqualTo((int) Math.ceil(760 * GanLive.OVERVIEW_SCALE));
        BufferedImage charts = client.image("charts.png");
        assertThat(charts.getWidth()).isEqualTo(GanLive.CHART_WIDTH);
        assertThat(charts.getHeight()).isEqualTo(GanLive.CHART_HEIGHT);
        assertThat(client.get("nothing.png").statusCode()).isEqualTo(404);
    }

    @Test
    void stepsTrainAsTheLibrarysCallsDo() throws Exception {
        assertThat(client.post("action=step").statusCode()).isEqualTo(204);
        assertThat(client.post("action=stepD").statusCode()).isEqualTo(204);
        assertThat(client.post("action=stepG").statusCode()).isEqualTo(204);
        live.train(25);
        GanSession twin = twin();
        twin.epoch();
        twin.stepDiscriminator();
        twin.stepGenerator();
        twin.train(25);
        assertThat(live.with(GanSession::epochCount)).isEqualTo(28);
        assertThat(live.with(GanSession::weightsJson)).isEqualTo(twin.weightsJson());
        client.awaitState(s -> s.path("state").path("epoch").asLong() == 28);

        assertThat(client.post("action=play").statusCode()).isEqualTo(204);
        client.awaitState(s -> s.path("state").path("epoch").asLong() > 200 && s.path("state").path("running").asBoolean());
        assertThat(client.post("action=pause").statusCode()).isEqualTo(204);
        long paused = live.with(GanSession::epochCount);
        Thread.sleep(150);
        assertThat(live.with(GanSession::epochCount)).as("no training while paused").isEqualTo(paused);
    }

    @Test
    void settingsChangeLiveOrResetAsGanLabDoes() throws Exception {
        live.train(10);
        assertThat(config("dLR", "0.03").statusCode()).isEqualTo(204);
        assertThat(config("gOpt", "Adam").statusCode()).isEqualTo(204);
        assertThat(config("loss", "LeastSq loss").statusCode()).isEqualTo(204);
        assertThat(config("kG", "2").statusCode()).isEqualTo(204);
        GanConfig expected = GanConfig.preset("ring").withLearningRates(0.03, 0.03);
        expected = expected.withOptimizers(expected.dOptimizer(), org.nnlab.nn.OptimizerKind.ADAM)
                .withLoss(org.nnlab.gan.GanLoss.LEAST_SQUARES).withK(expected.kD(), 2);
        assertThat(live.with(GanSession::config)).isEqualTo(expected);
        assertThat(live.with(GanSession::epochCount)).as("no reset").isEqualTo(10);

        assertThat(config("gLayers", "2").statusCode()).isEqualTo(204);
        assertThat(live.<Integer>with(s -> s.config().gLayers())).isEqualTo(2);
        assertThat(live.with(GanSession::epochCount)).as("a new shape resets").isZero();
        assertThat(config("noiseType", "1D Gaussian").statusCode()).isEqualTo(204);
        assertThat(live.<Integer>with(s -> s.config().noise().size())).isEqualTo(1);
        client.awaitState(s -> s.path("state").path("config").asText().contains("1D Gaussian"));
        assertThat(client.image("overview.png")).as("the overview draws 1-D noise").isNotNull();
    }

    @Test
    void badValuesGetTheLibrarysMessageAndChangeNothing() throws Exception {
        live.train(5);
        String before = live.with(GanSession::weightsJson);
        GanConfig config = live.with(GanSession::config);
        assertRefused(config("kD", "500"), "kD must be 0..100, got 500");
        assertRefused(config("dLR", "abc"), "dLR", "abc");
        assertRefused(config("dLR", "-1"), "dLearningRate must be > 0");
        assertRefused(config("noiseType", "3D Uniform"), "3D Uniform");
        assertRefused(config("colour", "red"), "config key 'colour'");
        assertRefused(client.post("action=dataset&name=moon"), "unknown dataset \"moon\"");
        assertRefused(client.post("action=draw&xs=0.1,0.2&ys=0.5"), "");
        assertRefused(client.post("action=draw&xs=0.1,abc&ys=0.5,0.5"), "xs[1]", "abc");
        assertRefused(client.post("action=draw&xs=0.1&ys=NaN"), "finite");
        assertRefused(client.post("action=layer&name=clouds&on=true"), "layer 'clouds'", "manifold");
        assertRefused(client.post("action=layer&name=manifold&on=maybe"), "on 'maybe'");
        assertRefused(client.post("action=jump"), "action 'jump'");
        assertThat(live.with(GanSession::weightsJson)).isEqualTo(before);
        assertThat(live.with(GanSession::config)).isEqualTo(config);
        assertThat(live.<String>with(s -> s.data().name())).isEqualTo("ring");
    }

    @Test
    void aDatasetLoadsItsPresetAndADrawingKeepsTheSettings() throws Exception {
        GanSession twin = twin();
        assertThat(client.post("action=dataset&name=line").statusCode()).isEqualTo(204);
        GanSession line = twin.withData(RealData.line(), GanConfig.preset("line"));
        assertThat(live.with(GanSession::config)).isEqualTo(GanConfig.preset("line"));
        assertThat(Arrays.equals(live.<float[]>with(s -> s.realAtlas().head(100)), line.realAtlas().head(100))).isTrue();
        assertThat(live.with(GanSession::weightsJson)).isEqualTo(line.weightsJson());

        double[] xs = {0.2, 0.4, 0.6, 0.8};
        double[] ys = {0.3, 0.5, 0.3, 0.5};
        assertThat(client.post("action=draw&xs=" + enc("0.2,0.4,0.6,0.8") + "&ys=" + enc("0.3,0.5,0.3,0.5")).statusCode())
                .isEqualTo(204);
        GanSession drawn = line.withData(RealData.drawing(xs, ys), GanConfig.preset("line"));   // split from the line session's
        assertThat(live.<String>with(s -> s.data().name())).isEqualTo("drawing");
        assertThat(live.with(GanSession::config)).as("a drawing keeps the settings").isEqualTo(GanConfig.preset("line"));
        assertThat(Arrays.equals(live.<float[]>with(s -> s.realAtlas().head(450)), drawn.realAtlas().head(450)))
                .as("the atlas drawn from the drawing").isTrue();
        client.awaitState(s -> s.path("state").path("dataset").asText().equals("drawing"));
    }

    @Test
    void slowMotionWalksThroughTheFivePhasesOfAnUpdate() throws Exception {
        live.train(3);
        GanSession twin = twin();
        twin.train(3);
        assertThat(client.post("action=slow&on=true").statusCode()).isEqualTo(204);
        assertThat(client.post("action=stepD").statusCode()).isEqualTo(204);
        StepTrace trace = twin.stepDiscriminator();
        for (int phase = 1; phase <= 5; phase++) {
            int p = phase;
            JsonNode walk = client.awaitState(s -> s.path("state").path("walk").path("phase").asInt() == p)
                    .path("state").path("walk");
            assertThat(walk.path("network").asText()).isEqualTo("discriminator");
            assertThat(walk.path("caption").asText())
                    .isEqualTo(StepTrace.Phase.values()[phase - 1].caption(StepTrace.Network.DISCRIMINATOR));
            assertThat(walk.path("loss").asDouble()).isEqualTo(trace.loss());
        }
        client.awaitState(s -> !s.path("state").path("playing").asBoolean());
        assertThat(live.with(GanSession::epochCount)).as("one update, one epoch").isEqualTo(4);
        assertThat(live.with(GanSession::weightsJson)).isEqualTo(twin.weightsJson());
        JsonNode tensors = client.awaitState(s -> true).path("state").path("walk").path("tensors");
        assertThat(tensors.size()).as("the update's parameters").isEqualTo(2 * (GanConfig.preset("ring").dLayers() + 2));
    }

    @Test
    void theOverviewFromCopiesIsTheOverviewOfTheSession() {
        GanSession s = twin();
        s.train(40);
        Figure fromSession = GanLabOverview.of(s, 0.75);
        Figure fromCopies = GanLabOverview.of(s.frame(), s.config(), s.noiseAtlas().head(150), 0.75);
        assertThat(Arrays.equals(fromCopies.rgb(), fromSession.rgb())).isTrue();
    }

    @Test
    void aRunThatDivergesIsReportedAndStopsPlaying() throws Exception {
        assertThat(config("dLR", "1e30").statusCode()).isEqualTo(204);
        assertThat(config("gLR", "1e30").statusCode()).isEqualTo(204);
        assertThat(client.post("action=play").statusCode()).isEqualTo(204);
        JsonNode state = client.awaitState(s -> s.path("state").path("diverged").asBoolean()
                && !s.path("state").path("playing").asBoolean()).path("state");
        assertThat(state.path("running").asBoolean()).isFalse();
        assertThat(live.with(GanSession::diverged)).isTrue();
        assertThat(client.image("frame.png")).as("a diverged run still draws (NaN in grey)").isNotNull();
        assertThat(client.post("action=reset").statusCode()).isEqualTo(204);
        assertThat(live.with(GanSession::diverged)).as("reset starts afresh").isFalse();
    }

    @Test
    void closeWhilePlayingStopsEveryThreadAndFreesTheSession() throws Exception {
        assertThat(client.post("action=play").statusCode()).isEqualTo(204);
        client.awaitState(s -> s.path("state").path("epoch").asLong() > 50);
        GanSession session = live.with(s -> s);
        live.close();
        assertThat(live.stopped()).as("no thread left").isTrue();
        long epoch = session.epochCount();
        session.epoch();                                             // the program's own thread again
        assertThat(session.epochCount()).isEqualTo(epoch + 1);
    }

    private HttpResponse<String> config(String key, String value) throws Exception {
        return client.post("action=config&key=" + key + "&value=" + enc(value));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static void assertRefused(HttpResponse<String> r, String... parts) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(r.body()).contains(parts);
    }
}
