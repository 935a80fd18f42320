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
}
