package org.nnlab.core.kernel.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nnlab.core.kernel.KernelDigest;
import org.nnlab.core.kernel.KernelSelection;

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
}
