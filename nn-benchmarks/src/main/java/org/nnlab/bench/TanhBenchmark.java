package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import org.nnlab.core.internal.kernel.Kernels;
import org.nnlab.core.internal.kernel.Unary;
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

/** Elementwise tanh over n floats: the vector kernel against a plain {@code Math.tanh} loop. Time per call. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class TanhBenchmark {
    /** Elements per call. */
    @Param({"10000", "1000000"})
    public int size;

    private float[] x;
    private float[] y;
    private Kernels vector;

    /** Inputs in [-3, 3], the range activations live in. */
    @Setup
    public void setUp() {
        x = BenchKernels.random(3, size);
        for (int i = 0; i < size; i++) {
            x[i] *= 3;
        }
        y = new float[size];
        vector = BenchKernels.vector();
    }

    /** The vector kernel. */
    @Benchmark
    public float[] vectorKernel() {
        vector.map(Unary.TANH, 0f, x, y, size);
        return y;
    }

    /** The baseline: {@code y[i] = (float) Math.tanh(x[i])}. */
    @Benchmark
    public float[] mathTanhLoop() {
        for (int i = 0; i < size; i++) {
            y[i] = (float) Math.tanh(x[i]);
        }
        return y;
    }
}
