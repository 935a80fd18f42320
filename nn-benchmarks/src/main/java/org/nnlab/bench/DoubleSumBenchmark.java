package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import org.nnlab.core.internal.kernel.Kernels;
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
 * {@link Kernels#gemmDoubleSum} (float operands, double sums, one rounding) in the shapes of GAN Lab's large
 * model, a batch of 300 rows through a 64-wide layer: the forward product [300x64]·[64x64] ({@code forward}),
 * the weight gradient Aᵀ·δ [64x300]·[300x64] ({@code weights}), the input gradient δ·Wᵀ ({@code inputs}) and
 * the bias gradient 1·δ [1x300]·[300x64] ({@code bias}). GFLOP/s is the {@code flops} secondary metric, two per
 * multiply-add; compare with {@link FmaPeakBenchmark} halved (a double lane per two float lanes).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class DoubleSumBenchmark {
    /** Which product of the layer's step. */
    @Param({"forward", "weights", "inputs", "bias"})
    public String product;

    /** vector or scalar. */
    @Param({"vector", "scalar"})
    public String impl;

    private static final int ROWS = 300;
    private static final int WIDTH = 64;

    private Kernels kernels;
    private float[] x;
    private float[] w;
    private float[] delta;
    private float[] ones;
    private float[] c;

    /** Random operands. */
    @Setup
    public void setUp() {
        kernels = impl.equals("vector") ? BenchKernels.vector() : BenchKernels.scalar();
        x = BenchKernels.random(1, ROWS * WIDTH);
        w = BenchKernels.random(2, WIDTH * WIDTH);
        delta = BenchKernels.random(3, ROWS * WIDTH);
        ones = new float[ROWS];
        java.util.Arrays.fill(ones, 1f);
        c = new float[ROWS * WIDTH];
    }

    /** One product. */
    @Benchmark
    public float[] multiply(FlopCounter counter) {
        switch (product) {
            case "forward" -> kernels.gemmDoubleSum(x, 0, w, 0, w, 0, c, 0, ROWS, WIDTH, WIDTH);
            case "weights" -> kernels.gemmDoubleSum(x, 0, true, delta, 0, false, null, 0, c, 0, WIDTH, ROWS, WIDTH);
            case "inputs" -> kernels.gemmDoubleSum(delta, 0, false, w, 0, true, null, 0, c, 0, ROWS, WIDTH, WIDTH);
            case "bias" -> kernels.gemmDoubleSum(ones, 0, delta, 0, null, 0, c, 0, 1, ROWS, WIDTH);
            default -> throw new IllegalArgumentException(product);
        }
        counter.flops += 2L * (product.equals("bias") ? ROWS * WIDTH : ROWS * WIDTH * WIDTH);
        return c;
    }
}
