package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * 2x2 max-pooling with stride 2 over NCHW: [n, c, h, w] -> [n, c, floor(h/2), floor(w/2)]; an odd last
 * row or column is dropped (Keras' valid pooling). The gradient goes to the arg-max of each window,
 * the first in row-major order on ties.
 */
public final class Pooling {
    private Pooling() {
    }

    /** The maximum of each 2x2 window. */
    public static Tensor maxPool2x2(Tensor x) {
        Checks.requireArgument(x.rank() == 4, "maxPool2x2: needs input [n, c, h, w], got %s", x.shape());
        int n = x.dim(0);
        int c = x.dim(1);
        int h = x.dim(2);
        int w = x.dim(3);
        int oh = h / 2;
        int ow = w / 2;
        float[] xv = x.array();
        float[] out = new float[n * c * oh * ow];
        int[] argmax = new int[out.length];
        Kernels.get().maxPool2x2(xv, n * c, h, w, out, argmax);
        return Tensor.result("maxPool2x2", Shape.of(n, c, oh, ow), out, (g, gin) -> {
            float[] gx = gin[0];
            for (int i = 0; i < g.length; i++) {
                gx[argmax[i]] += g[i];
            }
        }, x);
    }
}
