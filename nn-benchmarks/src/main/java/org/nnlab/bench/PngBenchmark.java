package org.nnlab.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.nnlab.playground.Heatmaps;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.Bounds;
import org.nnlab.raster.ColorMap;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Grid;
import org.nnlab.raster.Png;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PNG encoding of a 1000x1000 picture (a Playground output map with points): nnlab's encoder against a
 * plain {@code ImageIO.write} of the same image, both to memory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true"})
public class PngBenchmark {
    private int[] rgb;
    private BufferedImage image;

    /** A realistic picture: the spiral's output map. */
    @Setup
    public void setUp() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("dataset=spiral&networkShape=8,8&seed=1"));
        s.step(50);
        float[] out = Heatmaps.neurons(s.network(), s.state().inputs()).output();
        Figure f = Figure.of(1000, 1000, Bounds.square(-6, 6))
                .heatmap(Grid.fromTopDown(100, 100, out, Bounds.square(-6.06, 6.06)), ColorMap.PLAYGROUND, true);
        rgb = f.rgb();
        image = new BufferedImage(1000, 1000, BufferedImage.TYPE_INT_RGB);
        image.setRGB(0, 0, 1000, 1000, rgb, 0, 1000);
    }

    /** nnlab's encoder. */
    @Benchmark
    public byte[] nnlabPng() {
        return Png.encode(1000, 1000, rgb);
    }

    /** The baseline: ImageIO.write with its defaults. */
    @Benchmark
    public byte[] imageIoPng() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
