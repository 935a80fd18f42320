package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

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
        int o = 0;
        for (int plane = 0; plane < n * c; plane++) {
            int base = plane * h * w;
            for (int y = 0; y < oh; y++) {
                for (int xx = 0; xx < ow; xx++) {
                    int best = base + (2 * y) * w + 2 * xx;
                    for (int d = 1; d < 4; d++) {
                        int idx = base + (2 * y + (d >> 1)) * w + 2 * xx + (d & 1);
                        // a conditional move, not a branch: which of four activations is largest is a coin toss
                        best = xv[idx] > xv[best] ? idx : best;
                    }
                    out[o] = xv[best];
                    argmax[o++] = best;
                }
            }
        }
        return Tensor.result("maxPool2x2", Shape.of(n, c, oh, ow), out, (g, gin) -> {
            float[] gx = gin[0];
            for (int i = 0; i < g.length; i++) {
                gx[argmax[i]] += g[i];
            }
        }, x);
    }
}
