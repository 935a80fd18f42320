package org.nnlab.actmax;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;

/**
 * Keras 1.2's categorical cross-entropy on a softmax output (spec A.5): p = softmax(z) clipped to
 * [1e-7, 1 - 1e-7], L = -(1/B) Σ_b log p[b, label_b]. Its gradient with respect to the logits is
 * (p - t)/B per row, and 0 for a row whose target probability was clipped (TensorFlow's clip passes
 * no gradient there).
 */
public final class ClippedCrossEntropy {
    /** Keras' epsilon, the clip margin. */
    public static final float EPSILON = 1e-7f;

    private ClippedCrossEntropy() {
    }

    /**
     * The loss of logits [B, C] against B labels.
     *
     * @throws IllegalArgumentException if the logits are not [B, C] or a label is outside [0, C)
     */
    public static Tensor of(Tensor logits, int[] labels) {
        Checks.requireArgument(logits.rank() == 2, "ClippedCrossEntropy: needs logits [batch, classes], got %s",
                logits.shape());
        int b = logits.dim(0);
        int c = logits.dim(1);
        Checks.requireArgument(labels.length == b, "ClippedCrossEntropy: %d labels for logits %s", labels.length,
                logits.shape());
        float[] z = logits.array();
        float[] p = new float[b * c];
        boolean[] clipped = new boolean[b];
        double loss = 0;
        for (int r = 0; r < b; r++) {
            Checks.requireArgument(labels[r] >= 0 && labels[r] < c, "ClippedCrossEntropy: label %d is %d, must be in [0, %d)",
                    r, labels[r], c);
            float max = Float.NEGATIVE_INFINITY;
            for (int j = 0; j < c; j++) {
                max = Math.max(max, z[r * c + j]);
            }
            double sum = 0;
            for (int j = 0; j < c; j++) {
                sum += Math.exp(z[r * c + j] - max);
            }
            for (int j = 0; j < c; j++) {
                p[r * c + j] = (float) (Math.exp(z[r * c + j] - max) / sum);
            }
            float target = p[r * c + labels[r]];
            float kept = Math.min(Math.max(target, EPSILON), 1 - EPSILON);
            clipped[r] = kept != target;
            loss -= Math.log(kept);
        }
        float inv = 1f / b;
        return Tensor.result("clippedCrossEntropy", Shape.scalar(), new float[] {(float) (loss / b)}, (g, gin) -> {
            if (gin[0] == null) {
                return;
            }
            float s = g[0] * inv;
            for (int r = 0; r < b; r++) {
                if (clipped[r]) {
                    continue;
                }
                for (int j = 0; j < c; j++) {
                    gin[0][r * c + j] += s * (p[r * c + j] - (j == labels[r] ? 1 : 0));
                }
            }
        }, logits);
    }
}
