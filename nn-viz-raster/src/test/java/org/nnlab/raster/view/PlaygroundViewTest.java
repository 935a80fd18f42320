package org.nnlab.raster.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.nnlab.playground.PlaygroundFrame;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.GoldenImages;

/** Playground's main picture and the time-lapse frame, against golden images. */
class PlaygroundViewTest {
    @Test
    void twoLayerDefaultNetworkAfter100Epochs() throws IOException {
        PlaygroundSession session = PlaygroundSession.load(PlaygroundState.parse("seed=0.12345&showTestData=true"));
        session.step(100);
        GoldenImages.assertMatches(PlaygroundView.figure(session, 1.0), "playground-default");
    }

    @Test
    void sixByEightSpiralAfter200Epochs() throws IOException {
        PlaygroundSession session = PlaygroundSession.load(PlaygroundState.parse(
                "dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true"
                        + "&sinX=true&sinY=true&batchSize=10&learningRate=0.03&seed=0.12345"));
        session.step(200);
        GoldenImages.assertMatches(PlaygroundView.figure(session, 1.0), "playground-6x8");
    }

    @Test
    void aFrameDrawsWhatItCopiedWhateverTheSessionDoesAfter() throws IOException {
        PlaygroundSession session = PlaygroundSession.load(PlaygroundState.parse("seed=0.12345&showTestData=true"));
        session.step(100);
        PlaygroundFrame frame = PlaygroundFrame.of(session);
        int[] before = PlaygroundView.figure(frame, 1.0).rgb();
        session.step(100);                                       // the live page's session trains on meanwhile
        session.regenerate();
        session.reset();
        GoldenImages.assertMatches(PlaygroundView.figure(frame, 1.0), "playground-default");
        assertThat(java.util.Arrays.equals(PlaygroundView.figure(frame, 1.0).rgb(), before)).isTrue();
        assertThat(frame.epoch()).isEqualTo(100);
        assertThat(frame.history()).hasSize(101);
    }

    /**
     * A painter keeps the dots between frames: frame after frame, and after every change of what the dots show (new
     * data, test points shown, another network size and so another picture), it draws what a fresh one draws.
     */
    @Test
    void aPainterDrawsWhatAFreshOneDrawsAsTheDataChange() {
        PlaygroundSession[] session = {PlaygroundSession.load(PlaygroundState.parse("seed=0.12345"))};
        PlaygroundView.Painter painter = new PlaygroundView.Painter();
        java.util.List<Runnable> changes = java.util.List.of(() -> session[0].step(5), () -> session[0].step(5),
                () -> session[0].regenerate(), () -> session[0].setDisplay(true, false),
                () -> session[0] = PlaygroundSession.load(PlaygroundState.parse("seed=0.12345&dataset=xor")),
                () -> session[0].step(3),
                () -> session[0] = PlaygroundSession.load(PlaygroundState.parse("seed=0.12345&networkShape=8,8,8")));
        int[] previous = null;
        for (Runnable change : changes) {
            change.run();
            PlaygroundFrame frame = PlaygroundFrame.of(session[0]);
            int[] reused = painter.figure(frame, 1.25).rgb();
            assertThat(reused).as("%s", session[0].state().toHash()).isEqualTo(PlaygroundView.figure(frame, 1.25).rgb());
            assertThat(reused).isNotEqualTo(previous);
            previous = reused;
        }
    }

    @Test
    void timelapseFrame() throws IOException {
        PlaygroundSession session = PlaygroundSession.load(PlaygroundState.parse("dataset=xor&seed=7"));
        session.step(50);
        GoldenImages.assertMatches(PlaygroundView.frame(session, 240), "playground-frame");
    }

    @Test
    void theTimelapseTrainsAndKeepsItsAxesStill() {
        PlaygroundSession session = PlaygroundSession.load(PlaygroundState.parse("dataset=spiral&seed=0.5"));
        Timelapse lapse = new Timelapse(5, 20, 300, 8);
        java.util.List<org.nnlab.raster.Figure> frames = PlaygroundView.trainTimelapse(session, lapse);
        assertThat(session.epoch()).as("it trains (frames - 1) x epochsPerFrame epochs").isEqualTo(lapse.epochs())
                .isEqualTo(80);
        assertThat(frames).hasSize(5);
        int w = frames.get(0).width();
        int h = frames.get(0).height();
        // the chart's axis labels (below the plot) and y tick labels (its left edge) are the same in every frame
        int chartTop = h - Math.max(140, 300 / 2);
        int[] first = frames.get(0).rgb();
        int[] last = frames.get(4).rgb();
        int compared = 0;
        for (int y = h - 38; y < h; y++) {                       // tick labels and "epoch"
            for (int x = 0; x < w; x++) {
                assertThat(last[y * w + x]).as("x axis pixel (%d, %d)", x, y).isEqualTo(first[y * w + x]);
                compared++;
            }
        }
        for (int y = chartTop; y < h; y++) {
            for (int x = 0; x < 22; x++) {                         // y tick labels
                assertThat(last[y * w + x]).as("y axis pixel (%d, %d)", x, y).isEqualTo(first[y * w + x]);
            }
        }
        assertThat(compared).isGreaterThan(0);
        assertThat(last).as("the curves and the map moved on").isNotEqualTo(first);
    }

    @Test
    void lossColoursAreThePagesTrainingGreyTestBlack() {
        java.util.List<org.nnlab.playground.EpochStats> history = PlaygroundSession.load(PlaygroundState.parse("seed=1"))
                .history();
        java.util.List<org.nnlab.raster.Series> series = PlaygroundView.lossChart(history, false).series();
        assertThat(series.get(0).name()).isEqualTo("training loss");
        assertThat(series.get(0).argb() & 0xffffff).isEqualTo(0x777777);
        assertThat(series.get(1).name()).isEqualTo("test loss");
        assertThat(series.get(1).argb() & 0xffffff).isEqualTo(0x000000);
    }
}
