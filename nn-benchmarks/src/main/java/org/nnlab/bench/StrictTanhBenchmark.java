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
 * Bit-exact double tanh over n values (what Playground's exact forward passes need): the vector kernel
 * ({@link Kernels#strictTanh}) against the baseline loop {@code y[i] = StrictMath.tanh(x[i])}. Time per call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class StrictTanhBenchmark {
    /** Values per call: one 6x8 layer (8), a layer over 250 examples (2,000), a large batch. */
    @Param({"8", "2000", "100000"})
    public int size;

    private double[] x;
    private double[] y;
    private Kernels vector;

    /** Inputs in [-4, 4], the range Playground's totals mostly live in. */
    @Setup
    public void setUp() {
        float[] r = BenchKernels.random(5, size);
        x = new double[size];
        for (int i = 0; i < size; i++) {
            x[i] = 4.0 * r[i];
        }
        y = new double[size];
        vector = BenchKernels.vector();
    }

    /** The vector kernel. */
    @Benchmark
    public double[] vectorKernel() {
        vector.strictTanh(x, y, size);
        return y;
    }

    /** The baseline: {@code StrictMath.tanh} element by element. */
    @Benchmark
    public double[] strictMathLoop() {
        for (int i = 0; i < size; i++) {
            y[i] = StrictMath.tanh(x[i]);
        }
        return y;
    }
}
