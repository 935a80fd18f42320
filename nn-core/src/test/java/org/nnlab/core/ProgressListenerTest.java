package org.nnlab.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.actmax.ActivationMaximization;
import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;

/** Long runs tell a listener how far they are, on their own thread, without changing a bit of the run. */
class ProgressListenerTest {
    @Test
    void playgroundReportsEveryEpochAndTrainsTheSameBits() {
        PlaygroundSession told = PlaygroundSession.load(PlaygroundState.parse("dataset=xor&seed=3"));
        PlaygroundSession quiet = PlaygroundSession.load(PlaygroundState.parse("dataset=xor&seed=3"));
        List<long[]> calls = new ArrayList<>();
        List<Integer> epochsSeen = new ArrayList<>();
        told.step(30, (done, total) -> {
            calls.add(new long[] {done, total});
            epochsSeen.add(told.epoch());                  // the session is readable between two calls
        });
        quiet.step(30);
        assertThat(calls).hasSize(30);
        for (int i = 0; i < 30; i++) {
            assertThat(calls.get(i)).containsExactly(i + 1, 30);
            assertThat(epochsSeen.get(i)).isEqualTo(i + 1);
        }
        assertThat(told.history()).isEqualTo(quiet.history());
    }

    @Test
    void aListenerThatThrowsStopsTheRunWithItsEpochsKept() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("dataset=xor&seed=3"));
        assertThatThrownBy(() -> s.step(100, (done, total) -> {
            if (done == 7) {
                throw new IllegalStateException("cancelled by the user");
            }
        })).hasMessage("cancelled by the user");
        assertThat(s.epoch()).isEqualTo(7);
        s.step(3);                                          // the session goes on
        assertThat(s.epoch()).isEqualTo(10);
    }

    @Test
    void anAscentReportsItsStepsAgainstTheCap() {
        List<long[]> calls = new ArrayList<>();
        // threshold +inf: the ascent of f(x) = -|x - 1|² / n runs to its cap of 40 steps
        ActivationMaximization.Options options = new ActivationMaximization.Options(0.1, Double.POSITIVE_INFINITY, 40,
                0, 0, 0, 0);
        ActivationMaximization.Result r = ActivationMaximization.maximize((x, g) -> {
            double f = 0;
            for (int i = 0; i < x.length; i++) {
                f -= (x[i] - 1.0) * (x[i] - 1.0) / x.length;
                g[i] = (float) (-2 * (x[i] - 1.0) / x.length);
            }
            return f;
        }, new float[4], options, (done, total) -> calls.add(new long[] {done, total}));
        assertThat(r.steps()).isEqualTo(40);
        assertThat(calls).hasSize(40);
        assertThat(calls.get(39)).containsExactly(40, 40);
    }

    @Test
    void shapeShopReportsEveryAscentStepOfEveryClass() {
        List<long[]> steps = new ArrayList<>();
        ShapeShop.Round round = ShapeShop.run(new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.LINE),
                Architecture.MLP, 2, InitialImage.ZEROS, 0.005, 1, 500), new ShapeShop.Progress() {
                    @Override
                    public void ascended(int classIndex, long step, long maxSteps) {
                        steps.add(new long[] {classIndex, step, maxSteps});
                    }
                });
        for (int c = 0; c < 2; c++) {
            int cls = c;
            long count = steps.stream().filter(s -> s[0] == cls).count();
            assertThat(count).as("class %d", c).isEqualTo(round.classes().get(c).steps());
        }
        assertThat(steps).allMatch(s -> s[2] == 500);
    }

    @Test
    void printingSaysHowFarTheRateAndTheTimeLeft() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        ProgressListener p = ProgressListener.printing(out, "spiral", Duration.ofMillis(1));
        p.progress(1, 4);                                   // within the first millisecond: maybe silent
        Thread.sleep(5);
        p.progress(2, 4);
        Thread.sleep(5);
        p.progress(4, 4);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).containsPattern("spiral 2/4 \\(50 %\\), [\\d,]+/s, [\\d.]+ s left");
        assertThat(text).containsPattern("spiral 4/4 \\(100 %\\), [\\d,]+/s, done in [\\d.]+ s");
        ByteArrayOutputStream quiet = new ByteArrayOutputStream();
        ProgressListener slow = ProgressListener.printing(new PrintStream(quiet, true, StandardCharsets.UTF_8), "short",
                Duration.ofHours(1));
        for (int i = 1; i <= 100; i++) {
            slow.progress(i, 100);
        }
        assertThat(quiet.size()).as("a short run prints nothing").isZero();
        assertThatThrownBy(() -> ProgressListener.printing(out, "x", Duration.ZERO)).hasMessageContaining("interval");
    }
}
