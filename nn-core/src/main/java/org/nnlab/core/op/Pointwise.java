package org.nnlab.core.op;

import org.nnlab.core.Tensor;
import org.nnlab.core.internal.kernel.Kernels;
import org.nnlab.core.internal.kernel.Unary;

/**
 * Elementwise functions y = f(x) as primitives: one kernel pass forward, one backward
 * (gx += f'(x)·gy, using y where that is cheaper), never a composition of several ops.
 */
public final class Pointwise {
    private Pointwise() {
    }

    /** y = f(x) elementwise; {@code alpha} parameterizes leaky relu and elu. */
    public static Tensor apply(Unary f, Tensor x, float alpha) {
        Kernels k = Kernels.get();
        float[] xs = x.array();
        float[] y = new float[xs.length];
        k.map(f, alpha, xs, y, xs.length);
        return Tensor.result(f.label(), x.shape(), y,
                (g, gin) -> k.mapGrad(f, alpha, xs, y, g, gin[0], xs.length), x);
    }
}
