package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
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
 * {@link MatmulBenchmark}'s products on ND4J (its native CPU backend, OpenBLAS's sgemm), the matrix library a Java
 * user would reach for, on one thread like nnlab's numbers: C += A·B in float32, row-major ('c' order), the same
 * operands and shapes. Only in the {@code nd4j} profile, whose native jars are large:
 *
 * <pre>{@code mvn -B -q -Pnd4j -DskipTests -pl nn-benchmarks -am package
 * java -jar nn-benchmarks/target/benchmarks.jar 'MatmulBenchmark|Nd4jMatmulBenchmark' -p impl=vector}</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector", "-Dorg.bytedeco.openblas.load=openblas_nolapack"})
public class Nd4jMatmulBenchmark {
    /** m x k x n, as {@link MatmulBenchmark#shape}. */
    @Param({"64x64x64", "256x256x256", "1024x1024x1024", "10000x8x8", "10x8x8", "256x64x64"})
    public String shape;

    private long flops;
    private INDArray a;
    private INDArray b;
    private INDArray c;

    /** The operands, and one thread for both ND4J's own loops and OpenBLAS. */
    @Setup
    public void setUp() {
        Nd4j.getEnvironment().setMaxThreads(1);
        Nd4j.getEnvironment().setMaxMasterThreads(1);
        Nd4j.factory().blas().setMaxThreads(1);
        String[] p = shape.split("x");
        int m = Integer.parseInt(p[0]);
        int k = Integer.parseInt(p[1]);
        int n = Integer.parseInt(p[2]);
        a = Nd4j.create(BenchKernels.random(1, m * k), new long[] {m, k}, DataType.FLOAT);
        b = Nd4j.create(BenchKernels.random(2, k * n), new long[] {k, n}, DataType.FLOAT);
        c = Nd4j.create(DataType.FLOAT, m, n);
        flops = 2L * m * k * n;
    }

    /** One product, accumulated into C (BLAS beta = 1), as nnlab's. */
    @Benchmark
    public Object matmul(FlopCounter counter) {
        Nd4j.gemm(a, b, c, false, false, 1.0, 1.0);
        counter.flops += flops;
        return c;
    }
}
