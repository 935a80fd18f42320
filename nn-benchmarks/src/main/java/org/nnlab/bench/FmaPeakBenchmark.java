package org.nnlab.bench;

import java.util.concurrent.TimeUnit;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The physical ceiling of one core: a register-only loop of 12 independent FMA chains on the preferred
 * species (12 chains cover FMA latency x throughput on current x86 cores), no memory traffic. The other
 * benchmarks report their GFLOP/s as a fraction of this, measured in the same run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"--add-modules=jdk.incubator.vector"})
public class FmaPeakBenchmark {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final int ITERATIONS = 4096;

    /** The multiplier and addend, kept in fields so the JIT cannot fold the chains. */
    public float x = 0.999999f;
    public float y = 1e-7f;

    /** 12 x 4096 FMAs of S.length() lanes: 2 flops per lane each. */
    @Benchmark
    public float fmaPeak(FlopCounter counter) {
        FloatVector vx = FloatVector.broadcast(S, x);
        FloatVector vy = FloatVector.broadcast(S, y);
        FloatVector a0 = vy;
        FloatVector a1 = vy;
        FloatVector a2 = vy;
        FloatVector a3 = vy;
        FloatVector a4 = vy;
        FloatVector a5 = vy;
        FloatVector a6 = vy;
        FloatVector a7 = vy;
        FloatVector a8 = vy;
        FloatVector a9 = vy;
        FloatVector a10 = vy;
        FloatVector a11 = vy;
        for (int i = 0; i < ITERATIONS; i++) {
            a0 = a0.fma(vx, vy);
            a1 = a1.fma(vx, vy);
            a2 = a2.fma(vx, vy);
            a3 = a3.fma(vx, vy);
            a4 = a4.fma(vx, vy);
            a5 = a5.fma(vx, vy);
            a6 = a6.fma(vx, vy);
            a7 = a7.fma(vx, vy);
            a8 = a8.fma(vx, vy);
            a9 = a9.fma(vx, vy);
            a10 = a10.fma(vx, vy);
            a11 = a11.fma(vx, vy);
        }
        counter.flops += 12L * ITERATIONS * S.length() * 2;
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6.add(a7).add(a8).add(a9).add(a10).add(a11))
                .reduceLanes(VectorOperators.ADD);
    }
}
