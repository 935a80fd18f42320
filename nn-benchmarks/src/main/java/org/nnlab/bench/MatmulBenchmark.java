package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import org.ejml.data.FMatrixRMaj;
import org.ejml.dense.row.CommonOps_FDRM;
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
 * C = A·B for A [m x k] and B [k x n], single-threaded: nnlab's vector kernels, its scalar reference
 * kernels, and EJML's {@code CommonOps_FDRM.mult} (the baseline). Shapes are {@code m x k x n}: the
 * squares, the Playground heatmap shape [10000x8]x[8x8], a training batch [10x8]x[8x8] and
 * [256x64]x[64x64]. GFLOP/s is the {@code flops} secondary metric (2·m·k·n per product).
 * {@code -p threads=1,2} adds nnlab's row-partitioned parallel product.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class MatmulBenchmark {
    /** m x k x n. */
    @Param({"64x64x64", "256x256x256", "1024x1024x1024", "10000x8x8", "10x8x8", "256x64x64"})
    public String shape;

    /** vector, scalar or ejml. */
    @Param({"vector", "scalar", "ejml"})
    public String impl;

    /** Threads for nnlab's large products ({@code nn.threads}); 1 by default, the one-core numbers. */
    @Param({"1"})
    public int threads;

    private int m;
    private int k;
    private int n;
    private float[] a;
    private float[] b;
    private float[] c;
    private Kernels kernels;
    private FMatrixRMaj ea;
    private FMatrixRMaj eb;
    private FMatrixRMaj ec;

    /** Random operands; the vector kernels must really be vector kernels. */
    @Setup
    public void setUp() {
        String[] p = shape.split("x");
        m = Integer.parseInt(p[0]);
        k = Integer.parseInt(p[1]);
        n = Integer.parseInt(p[2]);
        // read once when the kernels are first loaded, which happens below, in this fork
        System.setProperty("nn.threads", Integer.toString(threads));
        a = BenchKernels.random(1, m * k);
        b = BenchKernels.random(2, k * n);
        c = new float[m * n];
        kernels = switch (impl) {
            case "vector" -> BenchKernels.vector();
            case "scalar" -> BenchKernels.scalar();
            default -> null;
        };
        ea = new FMatrixRMaj(m, k, true, a);
        eb = new FMatrixRMaj(k, n, true, b);
        ec = new FMatrixRMaj(m, n);
    }

    /** One product; C accumulates across calls for nnlab (BLAS beta = 1), EJML overwrites. */
    @Benchmark
    public Object matmul(FlopCounter counter) {
        if (kernels == null) {
            CommonOps_FDRM.mult(ea, eb, ec);
            counter.flops += 2L * m * k * n;
            return ec;
        }
        kernels.gemm(a, 0, b, 0, c, 0, m, k, n);
        counter.flops += 2L * m * k * n;
        return c;
    }
}
