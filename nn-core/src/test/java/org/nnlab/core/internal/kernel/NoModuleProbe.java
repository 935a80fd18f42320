package org.nnlab.core.internal.kernel;

import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;

/** Run in a child JVM by {@link WithoutVectorModuleTest}: trains nothing, just uses the library. */
public final class NoModuleProbe {
    private NoModuleProbe() {
    }

    /** Prints the kernels in use and the result of a small product. */
    public static void main(String[] args) {
        Rng rng = Rng.seeded(1);
        Tensor p = Tensor.randn(rng, 20, 30).matmul(Tensor.randn(rng, 30, 40)).tanh();
        System.out.println("kernels=" + Kernels.get().name() + " size=" + p.size());
    }
}
