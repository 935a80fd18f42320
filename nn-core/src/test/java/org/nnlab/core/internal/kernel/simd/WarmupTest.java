package org.nnlab.core.internal.kernel.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nnlab.core.internal.kernel.KernelDigest;
import org.nnlab.core.internal.kernel.KernelSelection;

/**
 * The warm-up switches each family of kernels to its vector form only once that is faster (or gives up on
 * it), and the switch changes no bit: every kernel through the vector kernels, called until the thread has
 * decided every family, gives the scalar kernels' digest on every call before, during and after.
 */
class WarmupTest {
    @Test
    void theSwitchToWarmVectorCodeChangesNoBit() {
        assumeThat(Warmup.enabled()).as("the warm-up runs with nn.warmup=true on two or more processors").isTrue();
        VectorKernels k = new VectorKernels();
        String expected = KernelDigest.digest(KernelSelection.scalar());
        Warmup.warmEverything();                                     // as if the rent were paid, for every family
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(150);
        int calls = 0;
        boolean decided = false;
        while (System.nanoTime() < deadline) {
            assertThat(KernelDigest.digest(k)).as("call %d", calls).isEqualTo(expected);
            calls++;
            if (decided) {
                break;                                               // one more round after the last switch
            }
            decided = true;
            for (Warmup.Family f : Warmup.Family.values()) {
                decided &= Warmup.decided(f);
            }
        }
        List<Warmup.Family> switched = new ArrayList<>();
        for (Warmup.Family f : Warmup.Family.values()) {
            if (Warmup.ready(f, 0)) {
                switched.add(f);
            }
        }
        System.out.println("WarmupTest: " + calls + " calls; vector forms faster: " + switched);
        assertThat(decided).as("every family decided within 150 s (%d calls)", calls).isTrue();
    }

    /**
     * Large products go vector once they have paid EAGER_RENT_NANOS on the scalar loops (so a run with a few
     * of them never pays C2 for their vector form), and stay vector.
     */
    @Test
    void largeProductsGoVectorOnceTheyHavePaidTheirRent() {
        long macs = Warmup.EAGER_PRODUCT_MACS;
        long bound = (long) Math.ceil(Warmup.EAGER_RENT_NANOS / (macs * Warmup.Family.PRODUCTS.nanosPerUnit)) + 1;
        long calls = 0;
        while (!Warmup.readyLarge(Warmup.Family.PRODUCTS, macs)) {
            calls++;
            assertThat(calls).as("large products still scalar after %d calls", calls).isLessThanOrEqualTo(bound);
        }
        for (int i = 0; i < 10; i++) {
            assertThat(Warmup.readyLarge(Warmup.Family.PRODUCTS, macs)).as("call %d after the switch", i).isTrue();
        }
    }

    /**
     * A run that says how long it is starts the warm-up when its projected remaining scalar work reaches
     * FORECAST_NANOS: the rent of an epoch times the epochs left, never after the last.
     */
    @Test
    void aRunStartsTheWarmUpWhenItsRestWillRepayIt() {
        double perEpoch = 1e6;                                       // 1 ms of scalar work an epoch
        long needed = (long) Math.ceil(Warmup.FORECAST_NANOS / perEpoch);
        assertThat(Warmup.repays(perEpoch, needed)).as("%d epochs left of 1 ms", needed).isTrue();
        assertThat(Warmup.repays(perEpoch, needed - 1)).as("%d epochs left of 1 ms", needed - 1).isFalse();
        assertThat(Warmup.repays(1e12, 0)).as("the run has ended").isFalse();
        assertThat(Warmup.repays(0, Long.MAX_VALUE)).as("no scalar work paid: nothing to gain").isFalse();
    }
}
