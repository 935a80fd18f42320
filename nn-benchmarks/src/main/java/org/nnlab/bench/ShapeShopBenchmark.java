package org.nnlab.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
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
 * One full ShapeShop round on one core: build the data for box, line, circle, triangle, noise and
 * blurred noise, train 100 epochs (1,200 Adadelta updates on batches of 4), then maximize each of the
 * six classes from black with step 0.005. Targets: MLP under 1 s, CNN under 10 s (a NumPy version took
 * 5 to 11 minutes per CNN run). Each invocation is a whole round, so the mode is single-shot.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class ShapeShopBenchmark {
    /** mlp or cnn. */
    @Param({"mlp", "cnn"})
    public String model;

    private ShapeShop.Config config;

    /** The paper's six classes, 100 epochs, black start, step 0.005. */
    @Setup
    public void setUp() {
        BenchKernels.vector();
        config = new ShapeShop.Config(List.of(ShapeClass.BOX, ShapeClass.LINE, ShapeClass.CIRCLE, ShapeClass.TRI,
                ShapeClass.NOISE, ShapeClass.NOISE_BLUR), Architecture.ofName(model), 100, InitialImage.ZEROS, 0.005, 1,
                10_000);
    }

    /** Train and maximize every class. */
    @Benchmark
    public ShapeShop.Round round() {
        return ShapeShop.run(config);
    }
}
