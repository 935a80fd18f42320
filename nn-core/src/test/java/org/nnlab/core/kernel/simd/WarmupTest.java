package org.nnlab.core.kernel.simd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.nnlab.core.kernel.ScalarKernels;

/**
 * The warm-up switches the bitwise-scalar kernels to their vector forms only once they are faster, and
 * the switch changes no bit: strictTanh and gemmDoubleSum through the vector kernels, called until both
 * have switched, give the scalar loops' bits on every call before, during and after.
 */
class WarmupTest {
    @Test
    void theSwitchToWarmVectorCodeChangesNoBit() {
        assumeThat(Warmup.enabled()).as("the warm-up runs with nn.warmup=true on two or more processors").isTrue();
        VectorKernels k = new VectorKernels();
        double[] x = new double[1001];
        for (int i = 0; i < x.length; i++) {
            x[i] = (i - 500) / 50.0 + 1e-3 * Math.sin(i);
        }
        double[] expected = new double[x.length];
        ScalarKernels.strictTanhLoop(x, expected, x.length);
        float[] a = new float[37 * 19];
        float[] b = new float[19 * 23];
        float[] bias = new float[23];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) Math.sin(i * 0.37);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) Math.cos(i * 0.11);
        }
        for (int j = 0; j < bias.length; j++) {
            bias[j] = j / 7f;
        }
        float[] expectedC = new float[37 * 23];
        ScalarKernels.doubleSums(a, 0, b, 0, bias, 0, expectedC, 0, 0, 37, 19, 23);
        Warmup.strictTanh((int) Warmup.STRICT_TANH_RENT);               // pay the rent: the thread starts now
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        double[] y = new double[x.length];
        float[] c = new float[expectedC.length];
        int calls = 0;
        boolean bothWarm = false;
        while (System.nanoTime() < deadline) {
            k.strictTanh(x, y, x.length);
            assertThat(y).as("strictTanh, call %d", calls).containsExactly(expected);
            k.gemmDoubleSum(a, 0, b, 0, bias, 0, c, 0, 37, 19, 23);
            assertThat(c).as("gemmDoubleSum, call %d", calls).containsExactly(expectedC);
            calls++;
            if (bothWarm) {
                break;                                                  // one more round on the vector forms
            }
            bothWarm = Warmup.strictTanh(0) && Warmup.doubleSum(0);
        }
        assertThat(bothWarm).as("both kernels switched within 120 s (%d calls)", calls).isTrue();
    }
}
