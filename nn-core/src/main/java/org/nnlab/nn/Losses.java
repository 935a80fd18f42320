package org.nnlab.nn;

import org.nnlab.core.Tensor;
import org.nnlab.core.op.FusedLosses;

/** The losses, each a fused, numerically stable op returning a scalar. */
public final class Losses {
    private Losses() {
    }

    /**
     * Softmax cross-entropy from logits, -(1/B) Σ t·log softmax(z), through log-softmax.
     *
     * @param logits  [B, C]
     * @param targets [B, C], one-hot or probabilities
     */
    public static Tensor softmaxCrossEntropy(Tensor logits, Tensor targets) {
        return FusedLosses.softmaxCrossEntropy(logits, targets);
    }

    /** Softmax cross-entropy from logits [B, C] and B class labels in [0, C). */
    public static Tensor softmaxCrossEntropy(Tensor logits, int[] labels) {
        return FusedLosses.softmaxCrossEntropy(logits, labels);
    }

    /** Binary cross-entropy on logits, mean(max(z, 0) - z·t + ln(1 + e^-|z|)); targets shaped like logits. */
    public static Tensor bceWithLogits(Tensor logits, Tensor targets) {
        return FusedLosses.bceWithLogits(logits, targets);
    }

    /** Binary cross-entropy on logits against one target value for every element (1 real, 0 fake). */
    public static Tensor bceWithLogits(Tensor logits, float target) {
        return FusedLosses.bceWithLogits(logits, Tensor.full(target, logits.shape().dims()));
    }

    /** Mean squared error, mean((p - t)^2). */
    public static Tensor mse(Tensor predictions, Tensor targets) {
        return FusedLosses.mse(predictions, targets);
    }
}
