package org.nnlab.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nnlab.playground.Heatmaps;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.Bounds;
import org.nnlab.raster.ColorMap;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Gif;
import org.nnlab.raster.Grid;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rendering costs on one thread: a 100x100 field to a 500x500 smoothed heatmap; Playground's main
 * picture for the 6x8 spiral network (heatmaps of every neuron, diagram, output map, chart) rendered and
 * encoded as PNG (target: under 40 ms); a 100-frame animated GIF of 240x240 frames.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true"})
public class RenderBenchmark {
    /** Pixels per page pixel of the Playground picture: 1 is the page's own size (1060 x 490 for 6x8). */
    @Param({"1.0", "1.5"})
    public double scale;

    private Grid field;
    private PlaygroundSession spiral;
    private List<Figure> frames;

    /** A trained 6x8 spiral session, its output field and 100 time-lapse frames. */
    @Setup
    public void setUp() {
        BenchKernels.vector();
        spiral = PlaygroundSession.load(PlaygroundState.parse(
                "dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true"
                        + "&sinX=true&sinY=true&batchSize=10&seed=0.12345"));
        spiral.step(100);
        float[] out = Heatmaps.neurons(spiral.network(), spiral.state().inputs()).output();
        field = Grid.fromTopDown(100, 100, out, Bounds.square(-6.06, 6.06));
        PlaygroundSession xor = PlaygroundSession.load(PlaygroundState.parse("dataset=xor&seed=3"));
        frames = new ArrayList<>(PlaygroundView.trainTimelapse(xor, new org.nnlab.raster.view.Timelapse(100, 1, 240, 8)));
    }

    /** A 100x100 field drawn as a 500x500 bilinear heatmap. */
    @Benchmark
    public Figure heatmap500() {
        return Figure.of(500, 500, Bounds.square(-6, 6)).heatmap(field, ColorMap.PLAYGROUND, true);
    }

    /** Playground's main picture for the 6x8 network at {@link #scale}, rendered and PNG-encoded. */
    @Benchmark
    public byte[] playgroundPicture6x8() {
        return PlaygroundView.figure(spiral, scale).toPng();
    }

    /** 100 frames of 240 x 401 pixels to an animated GIF in memory (palette, indexing, LZW). */
    @Benchmark
    public byte[] gif100Frames() throws IOException {
        return Gif.encode(frames, 5, 0);
    }
}
