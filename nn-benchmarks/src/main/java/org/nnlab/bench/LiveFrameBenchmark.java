package org.nnlab.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.nnlab.playground.PlaygroundFrame;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Png;
import org.nnlab.raster.view.PlaygroundView;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The live Playground page's frame, in its parts: the snapshot the session's thread takes ({@link PlaygroundFrame}:
 * copies, and every neuron's grid), and on the second thread the picture drawn from it (at the page's scale, 1.25
 * or less so that it is at most 900 pixels wide) and its PNG encoding. Training waits only for the snapshot; the frame rate is bounded by the slower of the two. For
 * 30 frames a second each must stay under 33 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true"})
public class LiveFrameBenchmark {
    /** Playground's default network (2 features, 4-2) and the 6x8 spiral network with all seven features. */
    @Param({"default", "spiral6x8"})
    public String network;

    private PlaygroundSession session;
    private Figure figure;
    private PlaygroundFrame frame;
    private double scale;
    private final ExecutorService helper = Executors.newSingleThreadExecutor();
    private final PlaygroundView.Painter painter = new PlaygroundView.Painter();

    @Setup
    public void setUp() {
        BenchKernels.vector();
        String hash = network.equals("default") ? "seed=0.12345"
                : "dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true"
                        + "&sinX=true&sinY=true&seed=0.12345";
        session = PlaygroundSession.load(PlaygroundState.parse(hash));
        session.step(50);
        scale = Math.max(0.5, Math.min(1.25, 900.0 / PlaygroundView.size(session, 1)[0]));   // PlaygroundLive.scale
        frame = PlaygroundFrame.of(session);
        figure = PlaygroundView.figure(frame, scale);
    }

    /** What the session's thread does per frame: copy what the picture shows and compute every neuron's grid. */
    @Benchmark
    public PlaygroundFrame snapshot() {
        return PlaygroundFrame.of(session);
    }

    /** The second thread, first half: draw the picture from the frame. */
    @Benchmark
    public int[] draw() {
        return PlaygroundView.figure(frame, scale).rgb();
    }

    /** The second thread, second half: encode it, on that thread alone. */
    @Benchmark
    public byte[] encode() {
        return Png.encode(figure.width(), figure.height(), figure.rgb());
    }

    /** The same, the lower half of the rows on a helper thread meanwhile (as the live page encodes). */
    @Benchmark
    public byte[] encodeOnTwoThreads() {
        return Png.encode(figure.width(), figure.height(), figure.rgb(), helper);
    }

    /** The second thread, first half, as the live page draws frame after frame: the data's dots kept. */
    @Benchmark
    public int[] drawWithPainter() {
        return painter.figure(frame, scale).rgb();
    }

    @TearDown
    public void tearDown() {
        helper.shutdownNow();
    }
}
