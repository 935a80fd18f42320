package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
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
 * GAN Lab on one core: one training epoch (kD discriminator updates and kG generator updates on batches of
 * 150) for GAN Lab's built-in default (G 2-8-8-2, D 2-8-8-1, kD 2, kG 1, SGD, log loss, on the
 * gaussians data), the ring preset (G 2-10-10-2, D 2-9-9-9-1, kD 3), the default with 2 hidden layers of 20
 * in both (wider than GAN Lab's presets, narrow enough for {@code DenseStack}'s feature-major layout) and a
 * larger model (4 hidden layers of 64 in both); and one visualisation frame (D on the 900 heatmap cells, G on
 * the 441 manifold corners, dD/dx at the 150 fixed fakes, KL and JS). Baselines, TensorFlow.js 4.22 on this kind of machine (spec
 * 0): 108 / 316 epochs/s (CPU / WASM SIMD) on the default, 71 / 146 on the ring; 4.2 / 0.84 ms a frame.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class GanBenchmark {
    /** Which model: GAN Lab's built-in default, the ring preset, 2 hidden layers of 20, or 4 hidden layers of 64. */
    @Param({"default", "ring", "wide", "large"})
    public String model;

    private GanSession session;

    /** A session trained 100 epochs, so D and G are past their initial weights. */
    @Setup
    public void setUp() {
        BenchKernels.vector();
        GanConfig config = switch (model) {
            case "default" -> GanConfig.defaults();
            case "ring" -> GanConfig.preset("ring");
            case "wide" -> GanConfig.defaults().withNetworks(1, 20, 1, 20);
            case "large" -> GanConfig.defaults().withNetworks(3, 64, 3, 64);
            default -> throw new IllegalArgumentException(model);
        };
        RealData data = model.equals("ring") ? RealData.ring() : RealData.gaussians();
        session = GanSession.create(data, config, Rng.seeded(2026));
        session.train(100);
    }

    /** One epoch: kD D updates, then kG G updates. */
    @Benchmark
    public GanSession.EpochLosses epoch() {
        return session.epoch();
    }

    /** Everything the views show: D heatmap, manifold, fixed fakes, their D and dD/dx, KL and JS. */
    @Benchmark
    public GanFrame frame() {
        return session.frame();
    }

    /** KL and JS alone, as a sweep reads its objective. */
    @Benchmark
    public org.nnlab.gan.GridDivergence divergence() {
        return session.divergence();
    }
}
