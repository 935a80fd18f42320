package org.nnlab.bench;

import org.nnlab.core.internal.kernel.KernelSelection;
import org.nnlab.core.internal.kernel.Kernels;

/** Kernel lookup for benchmarks: a missing Vector API fails loudly instead of silently timing scalar code. */
final class BenchKernels {
    private BenchKernels() {
    }

    /**
     * The vector kernels, steady state: {@code nn.warmup} is set to false (unless given), so the kernels that
     * would otherwise run their scalar form until a background warm-up finishes take the vector form from
     * the first call, and JMH's warm-up iterations warm them as they warm everything else.
     */
    static Kernels vector() {
        if (System.getProperty(KernelSelection.WARMUP_PROPERTY) == null) {
            System.setProperty(KernelSelection.WARMUP_PROPERTY, "false");
        }
        return KernelSelection.vector().orElseThrow(() -> new IllegalStateException(
                "benchmarks need jdk.incubator.vector: run java --add-modules=jdk.incubator.vector -jar benchmarks.jar"));
    }

    static Kernels scalar() {
        return KernelSelection.scalar();
    }

    static float[] random(long seed, int n) {
        org.nnlab.core.Rng rng = org.nnlab.core.Rng.seeded(seed);
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.uniform(-1f, 1f);
        }
        return v;
    }
}
