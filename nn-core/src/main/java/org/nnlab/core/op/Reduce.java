package org.nnlab.core.op;

import java.util.Arrays;

import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;
import org.nnlab.core.internal.kernel.Kernels;

/** Sums and means, over all elements or over one axis (which is removed from the shape). */
public final class Reduce {
    private Reduce() {
    }

    /** Σ x, a scalar. */
    public static Tensor sum(Tensor x) {
        return total(x, 1f, "sum");
    }

    /** Σ x / n, a scalar. The mean of no elements is NaN. */
    public static Tensor mean(Tensor x) {
        return total(x, 1f / x.size(), "mean");
    }

    /** Σ over {@code axis}. */
    public static Tensor sum(Tensor x, int axis) {
        return alongAxis(x, axis, false);
    }

    /** The mean over {@code axis}. */
    public static Tensor mean(Tensor x, int axis) {
        return alongAxis(x, axis, true);
    }

    private static Tensor total(Tensor x, float scale, String op) {
        Kernels k = Kernels.get();
        int n = x.size();
        float s = k.sum(x.array(), 0, n) * scale;
        return Tensor.result(op, Shape.scalar(), new float[] {s}, (g, gin) -> {
            float d = g[0] * scale;
            float[] gx = gin[0];
            for (int i = 0; i < n; i++) {
                gx[i] += d;
            }
        }, x);
    }

    private static Tensor alongAxis(Tensor x, int axis, boolean mean) {
        Shape s = x.shape();
        int a = s.normalizeAxis(axis);
        int[] dims = s.dims();
        int len = dims[a];
        int outer = 1;
        for (int i = 0; i < a; i++) {
            outer *= dims[i];
        }
        int inner = s.size() / Math.max(1, outer * len);
        float scale = mean ? 1f / len : 1f;
        float[] xv = x.array();
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int l = 0; l < len; l++) {
                int src = (o * len + l) * inner;
                for (int i = 0; i < inner; i++) {
                    out[o * inner + i] += xv[src + i];
                }
            }
        }
        if (mean) {
            for (int i = 0; i < out.length; i++) {
                out[i] *= scale;
            }
        }
        int[] outDims = new int[dims.length - 1];
        System.arraycopy(dims, 0, outDims, 0, a);
        System.arraycopy(dims, a + 1, outDims, a, dims.length - a - 1);
        String op = (mean ? "mean" : "sum") + Arrays.toString(new int[] {a});
        final int outerF = outer;
        final int innerF = inner;
        return Tensor.result(op, Shape.of(outDims), out, (g, gin) -> {
            float[] gx = gin[0];
            for (int o = 0; o < outerF; o++) {
                for (int l = 0; l < len; l++) {
                    int dst = (o * len + l) * innerF;
                    for (int i = 0; i < innerF; i++) {
                        gx[dst + i] += g[o * innerF + i] * scale;
                    }
                }
            }
        }, x);
    }
}
