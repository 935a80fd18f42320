package org.nnlab.bench;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Png;
import org.nnlab.raster.view.GanLabOverview;
import org.nnlab.raster.view.GanLabView;
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
 * The live GAN Lab page's frame for the ring preset, piece by piece: the snapshot the session's thread takes
 * ({@link GanSession#frame()}, the only work training waits for), then on the encoder's thread the distributions
 * view drawn and encoded (every frame), the overview graph (at most 10 a second) and the charts with 300 points
 * (at most 4 a second), each drawn and encoded as the page draws them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Djava.awt.headless=true"})
public class GanLiveFrameBenchmark {
    private GanSession session;
    private GanFrame frame;
    private float[] noiseHead;
    private final double[][] chart = new double[5][300];

    @Setup
    public void setUp() {
        BenchKernels.vector();
        session = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(7));
        session.train(1000);
        frame = session.frame();
        noiseHead = session.noiseAtlas().head(GanFrame.FIXED);
        for (int i = 0; i < 300; i++) {
            chart[0][i] = 10 * i;
            chart[1][i] = 0.6 + 0.1 * Math.sin(i / 7.0);
            chart[2][i] = 0.8 + 0.2 * Math.cos(i / 5.0);
            chart[3][i] = 3 + Math.sin(i / 11.0);
            chart[4][i] = 0.4 + 0.1 * Math.sin(i / 13.0);
        }
    }

    /** The session's thread per frame: everything the views show, as copies. */
    @Benchmark
    public GanFrame snapshot() {
        return session.frame();
    }

    /** Every frame: the layered distributions view, 400 px, GAN Lab's default layers and the manifold. */
    @Benchmark
    public byte[] distributions() {
        Set<GanLabView.Part> layers = EnumSet.copyOf(GanLabView.Part.ganLabDefault());
        layers.add(GanLabView.Part.MANIFOLD);
        Figure f = GanLabView.distributions(frame, session.config().noise(), 400, layers);
        return Png.encode(f.width(), f.height(), f.rgb());
    }

    /** The same with every layer, the real samples' density (a KDE and its contours) included. */
    @Benchmark
    public byte[] distributionsAllLayers() {
        Figure f = GanLabView.distributions(frame, session.config().noise(), 400, GanLabView.Part.all());
        return Png.encode(f.width(), f.height(), f.rgb());
    }

    /** Up to 10 frames a second: the overview graph at the page's scale 0.75. */
    @Benchmark
    public byte[] overview() {
        Figure f = GanLabOverview.of(frame, session.config(), noiseHead, 0.75);
        return Png.encode(f.width(), f.height(), f.rgb());
    }

    /** Up to 4 frames a second: the two charts, 570 x 190. */
    @Benchmark
    public byte[] charts() {
        Figure f = GanLabView.charts(chart[0], chart[1], chart[2], chart[3], chart[4], 570, 190);
        return Png.encode(f.width(), f.height(), f.rgb());
    }
}
