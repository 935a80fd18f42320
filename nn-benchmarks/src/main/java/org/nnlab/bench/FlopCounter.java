package org.nnlab.bench;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Counts floating-point operations (an FMA is 2) as a JMH secondary metric. With
 * {@code @OutputTimeUnit(NANOSECONDS)} in throughput mode, JMH reports the {@code flops} rate in
 * operations per nanosecond, which is GFLOP/s.
 */
@State(Scope.Thread)
@AuxCounters(AuxCounters.Type.OPERATIONS)
public class FlopCounter {
    /** Floating-point operations done in this iteration. */
    public long flops;

    /** Clears the count before each iteration. */
    @Setup(Level.Iteration)
    public void clear() {
        flops = 0;
    }
}
