package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Tensor;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * softmax and log-softmax over the last axis, each computed with the maximum subtracted so that
 * large logits (±1000) stay finite.
 */
public final class Softmax {
    private Softmax() {
    }

    /** y = exp(x - max) / Σ exp(x - max) per row; backward gx = y ⊙ (g - Σ g⊙y). */
    public static Tensor softmax(Tensor x) {
        Checks.requireArgument(x.rank() >= 1, "softmax: needs rank >= 1, got a scalar");
        int cols = x.dim(-1);
        int rows = cols == 0 ? 0 : x.size() / cols;
        Kernels k = Kernels.get();
        float[] y = new float[x.size()];
        k.softmaxRows(x.array(), y, rows, cols);
        return Tensor.result("softmax", x.shape(), y, (g, gin) -> {
            float[] gx = gin[0];
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                float dot = k.dot(g, base, y, base, cols);
                for (int j = 0; j < cols; j++) {
                    gx[base + j] += y[base + j] * (g[base + j] - dot);
                }
            }
        }, x);
    }

    /** y = x - max - ln Σ exp(x - max) per row; backward gx = g - softmax(x)·Σ g. */
    public static Tensor logSoftmax(Tensor x) {
        Checks.requireArgument(x.rank() >= 1, "logSoftmax: needs rank >= 1, got a scalar");
        int cols = x.dim(-1);
        int rows = cols == 0 ? 0 : x.size() / cols;
        float[] p = new float[x.size()];
        float[] y = logSoftmaxRows(x.array(), p, rows, cols);
        return Tensor.result("logSoftmax", x.shape(), y, (g, gin) -> {
            float[] gx = gin[0];
            for (int r = 0; r < rows; r++) {
                int base = r * cols;
                float total = 0;
                for (int j = 0; j < cols; j++) {
                    total += g[base + j];
                }
                for (int j = 0; j < cols; j++) {
                    gx[base + j] += g[base + j] - p[base + j] * total;
                }
            }
        }, x);
    }

    /** Writes softmax into {@code probs} and returns log-softmax, both [rows, cols]. */
    static float[] logSoftmaxRows(float[] x, float[] probs, int rows, int cols) {
        float[] y = new float[x.length];
        for (int r = 0; r < rows; r++) {
            int base = r * cols;
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < cols; j++) {
                max = Math.max(max, x[base + j]);
            }
            double total = 0;
            for (int j = 0; j < cols; j++) {
                total += Math.exp(x[base + j] - max);
            }
            float logTotal = (float) Math.log(total);
            for (int j = 0; j < cols; j++) {
                y[base + j] = x[base + j] - max - logTotal;
                probs[base + j] = (float) Math.exp(y[base + j]);
            }
        }
        return y;
    }
}
