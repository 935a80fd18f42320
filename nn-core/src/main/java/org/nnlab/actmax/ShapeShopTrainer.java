package org.nnlab.actmax;

import org.nnlab.core.Checks;
import org.nnlab.core.NoGrad;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.nn.Adadelta;
import org.nnlab.nn.Pass;
import org.nnlab.nn.Sequential;
import org.nnlab.core.Compute;

/**
 * ShapeShop's training (spec A.5): Adadelta (lr 1.0, ρ 0.95, ε 1e-8), batches of 4 from the training
 * images reshuffled every epoch, Keras' clipped cross-entropy, dropout on while training.
 */
public final class ShapeShopTrainer {
    /** ShapeShop's batch size. */
    public static final int BATCH = 4;

    private ShapeShopTrainer() {
    }

    /**
     * What training reached.
     *
     * @param trainAccuracy      accuracy on the training images after the last epoch (dropout off)
     * @param validationAccuracy accuracy on the held-out images
     * @param epochLosses        the mean batch loss of each epoch
     */
    public record Outcome(double trainAccuracy, double validationAccuracy, double[] epochLosses) {
        /**
         * The training history as CSV ({@link org.nnlab.core.io.CsvWriter}): a header {@code epoch,loss}, then one
         * row per epoch from 1, its mean cross-entropy over the epoch's batches.
         *
         * @throws java.io.UncheckedIOException if {@code out} fails
         */
        public void writeHistoryCsv(Appendable out) {
            org.nnlab.core.io.CsvWriter csv = org.nnlab.core.io.CsvWriter.to(out).header("epoch", "loss");
            for (int e = 0; e < epochLosses.length; e++) {
                csv.cell(e + 1).cell(epochLosses[e]).endRow();
            }
        }
    }

    /**
     * Trains {@code model} in place for {@code epochs} epochs.
     *
     * @throws IllegalArgumentException for epochs below 1
     */
    public static Outcome train(Sequential model, ShapeDataset data, int epochs, Rng rng) {
        return train(model, data, epochs, rng, (epoch, loss) -> { });
    }

    /** What {@link #train(Sequential, ShapeDataset, int, Rng, EpochListener)} reports after each epoch. */
    @FunctionalInterface
    public interface EpochListener {
        /** Epoch {@code epoch} (from 1) is done with mean loss {@code loss}. */
        void epoch(int epoch, double loss);
    }

    /**
     * As {@link #train(Sequential, ShapeDataset, int, Rng)}, telling {@code listener} after each epoch.
     *
     * @throws IllegalArgumentException for epochs outside 1..100000
     */
    public static Outcome train(Sequential model, ShapeDataset data, int epochs, Rng rng, EpochListener listener) {
        Checks.requireArgument(epochs >= 1 && epochs <= 100_000, "ShapeShopTrainer: epochs must be 1..100000, got %d",
                epochs);
        Adadelta optimizer = Adadelta.over(model.parameters()).learningRate(1.0f).rho(0.95f).epsilon(1e-8f);
        Tensor x = data.trainImages();
        int n = x.dim(0);
        int px = TrainingClass.SIDE * TrainingClass.SIDE;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        double[] losses = new double[epochs];
        Pass pass = Pass.training(rng);
        for (int e = 0; e < epochs; e++) {
            for (int i = n - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            double sum = 0;
            int batches = 0;
            for (int from = 0; from < n; from += BATCH) {
                int size = Math.min(BATCH, n - from);
                float[] batch = new float[size * px];
                int[] labels = new int[size];
                for (int k = 0; k < size; k++) {
                    System.arraycopy(x.array(), order[from + k] * px, batch, k * px, px);
                    labels[k] = data.trainLabels()[order[from + k]];
                }
                Tensor loss = ClippedCrossEntropy.of(model.forward(Tensor.of(batch, size, 1, TrainingClass.SIDE,
                        TrainingClass.SIDE), pass), labels);
                optimizer.step(loss);
                sum += loss.item();
                batches++;
            }
            losses[e] = sum / batches;
            Compute.progress(e + 1, epochs);
            listener.epoch(e + 1, losses[e]);
        }
        return new Outcome(accuracy(model, data.trainImages(), data.trainLabels()),
                accuracy(model, data.validationImages(), data.validationLabels()), losses);
    }

    /** The fraction of images whose largest logit is their label's (NaN for no images). */
    public static double accuracy(Sequential model, Tensor images, int[] labels) {
        if (labels.length == 0) {
            return Double.NaN;
        }
        Tensor logits = NoGrad.run(() -> model.forward(images, Pass.EVAL));
        int c = logits.dim(1);
        float[] z = logits.array();
        int right = 0;
        for (int r = 0; r < labels.length; r++) {
            int best = 0;
            for (int j = 1; j < c; j++) {
                if (z[r * c + j] > z[r * c + best]) {
                    best = j;
                }
            }
            right += best == labels[r] ? 1 : 0;
        }
        return (double) right / labels.length;
    }
}
