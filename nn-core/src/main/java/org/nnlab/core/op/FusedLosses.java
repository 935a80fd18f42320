package org.nnlab.core.op;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/**
 * Losses fused into one op each, in their numerically stable forms, so that logits of ±1000 give
 * finite losses and gradients. Every loss is a mean over elements (or over the batch for
 * cross-entropy), returned as a scalar.
 */
public final class FusedLosses {
    private FusedLosses() {
    }

    /**
     * Softmax cross-entropy, L = -(1/B) Σ_b Σ_j t[b,j]·log softmax(z[b])_j, through log-softmax
     * (z - max - ln Σ e^(z - max)). dL/dz = (softmax(z)·Σ_j t[b,j] - t)/B, which is (p - t)/B for one-hot t.
     *
     * @param logits  [B, C]
     * @param targets [B, C], one-hot or probabilities
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, Tensor targets) {
        requireSame("softmaxCrossEntropy", logits, targets);
        Checks.requireArgument(logits.rank() == 2, "softmaxCrossEntropy: needs logits [batch, classes], got %s",
                logits.shape());
        int b = logits.dim(0);
        int c = logits.dim(1);
        float[] p = new float[logits.size()];
        float[] logp = Softmax.logSoftmaxRows(logits.array(), p, b, c);
        float[] t = targets.array();
        double loss = 0;
        for (int i = 0; i < t.length; i++) {
            if (t[i] != 0) {          // 0·log p is 0 even where p underflows to 0
                loss -= (double) t[i] * logp[i];
            }
        }
        float inv = 1f / b;
        return Tensor.result("softmaxCrossEntropy", Shape.scalar(), new float[] {(float) (loss * inv)}, (g, gin) -> {
            float s = g[0] * inv;
            if (gin[0] != null) {
                for (int r = 0; r < b; r++) {
                    float rowTotal = 0;
                    for (int j = 0; j < c; j++) {
                        rowTotal += t[r * c + j];
                    }
                    for (int j = 0; j < c; j++) {
                        int i = r * c + j;
                        gin[0][i] += s * (p[i] * rowTotal - t[i]);
                    }
                }
            }
            if (gin[1] != null) {
                for (int i = 0; i < t.length; i++) {
                    gin[1][i] -= s * logp[i];
                }
            }
        }, logits, targets);
    }

    /**
     * Softmax cross-entropy with integer class labels, L = -(1/B) Σ_b log softmax(z[b])_{label[b]}.
     *
     * @param logits [B, C]
     * @param labels B class indices in [0, C)
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, int[] labels) {
        Checks.requireArgument(logits.rank() == 2, "softmaxCrossEntropy: needs logits [batch, classes], got %s",
                logits.shape());
        int b = logits.dim(0);
        int c = logits.dim(1);
        Checks.requireArgument(labels.length == b, "softmaxCrossEntropy: %d labels for logits %s", labels.length,
                logits.shape());
        float[] oneHot = new float[b * c];
        for (int r = 0; r < b; r++) {
            Checks.requireArgument(labels[r] >= 0 && labels[r] < c,
                    "softmaxCrossEntropy: label %d of row %d is outside [0, %d)", labels[r], r, c);
            oneHot[r * c + labels[r]] = 1f;
        }
        return softmaxCrossEntropy(logits, Tensor.of(oneHot, b, c));
    }

    /**
     * Binary cross-entropy on logits, L = mean(max(z, 0) - z·t + ln(1 + e^-|z|)), which equals
     * -mean(t·ln σ(z) + (1 - t)·ln(1 - σ(z))) without ever taking the log of 0. dL/dz = (σ(z) - t)/n.
     *
     * @param logits  any shape
     * @param targets the same shape, values in [0, 1]
     */
    public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
        requireSame("bceWithLogits", logits, targets);
        float[] z = logits.array();
        float[] t = targets.array();
        int n = z.length;
        double loss = 0;
        for (int i = 0; i < n; i++) {
            loss += Math.max(z[i], 0) - (double) z[i] * t[i] + Math.log1p(Math.exp(-Math.abs(z[i])));
        }
        float inv = 1f / n;
        return Tensor.result("bceWithLogits", Shape.scalar(), new float[] {(float) (loss / n)}, (g, gin) -> {
            float s = g[0] * inv;
            for (int i = 0; i < n; i++) {
                if (gin[0] != null) {
                    gin[0][i] += s * (sigmoid(z[i]) - t[i]);
                }
                if (gin[1] != null) {
                    gin[1][i] -= s * z[i];
                }
            }
        }, logits, targets);
    }

    /**
     * Mean squared error, L = mean((p - t)^2); dL/dp = 2(p - t)/n.
     *
     * @param predictions any shape
     * @param targets     the same shape
     */
    public static Tensor mse(Tensor predictions, Tensor targets) {
        requireSame("mse", predictions, targets);
        float[] p = predictions.array();
        float[] t = targets.array();
        int n = p.length;
        float[] diff = new float[n];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            diff[i] = p[i] - t[i];
            loss += (double) diff[i] * diff[i];
        }
        float inv = 2f / n;
        return Tensor.result("mse", Shape.scalar(), new float[] {(float) (loss / n)}, (g, gin) -> {
            float s = g[0] * inv;
            for (int i = 0; i < n; i++) {
                if (gin[0] != null) {
                    gin[0][i] += s * diff[i];
                }
                if (gin[1] != null) {
                    gin[1][i] -= s * diff[i];
                }
            }
        }, predictions, targets);
    }

    private static float sigmoid(float x) {
        return x >= 0 ? (float) (1 / (1 + Math.exp(-x))) : (float) (Math.exp(x) / (1 + Math.exp(x)));
    }

    private static void requireSame(String op, Tensor a, Tensor b) {
        Checks.requireArgument(a.shape().equals(b.shape()), "%s: predictions %s and targets %s differ",
                op, a.shape(), b.shape());
    }
}
