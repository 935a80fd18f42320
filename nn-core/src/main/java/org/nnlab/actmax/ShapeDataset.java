package org.nnlab.actmax;

import java.util.List;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;

/**
 * ShapeShop's data (spec A.3b): ten rounds of one image per class in class order, shuffled, then
 * U[0, 0.01) added to every pixel; the first 80% train, the last 20% are held out (Keras'
 * {@code validation_split}). Images are [n, 1, 28, 28]; a class's label is its index in the list.
 *
 * @param classes         the classes, in label order
 * @param trainImages     [nTrain, 1, 28, 28]
 * @param trainLabels     nTrain labels
 * @param validationImages [nVal, 1, 28, 28]
 * @param validationLabels nVal labels
 */
public record ShapeDataset(List<TrainingClass> classes, Tensor trainImages, int[] trainLabels, Tensor validationImages,
                           int[] validationLabels) {
    /** Copies per class. */
    public static final int COPIES = 10;
    /** The additive noise's range, U[0, 0.01). */
    public static final double NOISE = 0.01;

    /**
     * The data set for these classes.
     *
     * @throws IllegalArgumentException for fewer than two classes (ShapeShop's UI requires two)
     */
    public static ShapeDataset build(List<? extends TrainingClass> classes, Rng rng) {
        Checks.requireArgument(classes.size() >= 2, "ShapeDataset: needs at least 2 classes, got %d", classes.size());
        int c = classes.size();
        int n = COPIES * c;
        int px = TrainingClass.SIDE * TrainingClass.SIDE;
        float[][] images = new float[n][];
        int[] labels = new int[n];
        for (int round = 0, i = 0; round < COPIES; round++) {
            for (int k = 0; k < c; k++, i++) {
                images[i] = classes.get(k).draw(rng);
                labels[i] = k;
            }
        }
        for (int i = n - 1; i > 0; i--) {                        // Fisher–Yates, as random.shuffle
            int j = rng.nextInt(i + 1);
            float[] t = images[i];
            images[i] = images[j];
            images[j] = t;
            int l = labels[i];
            labels[i] = labels[j];
            labels[j] = l;
        }
        for (float[] img : images) {
            for (int p = 0; p < px; p++) {
                img[p] += (float) (NOISE * rng.nextDouble());
            }
        }
        int split = (int) (n * 0.8);                             // Keras: the last 20% validate
        return new ShapeDataset(List.copyOf(classes), stack(images, 0, split), java.util.Arrays.copyOf(labels, split),
                stack(images, split, n), java.util.Arrays.copyOfRange(labels, split, n));
    }

    private static Tensor stack(float[][] images, int from, int to) {
        int px = TrainingClass.SIDE * TrainingClass.SIDE;
        float[] v = new float[(to - from) * px];
        for (int i = from; i < to; i++) {
            System.arraycopy(images[i], 0, v, (i - from) * px, px);
        }
        return Tensor.of(v, to - from, 1, TrainingClass.SIDE, TrainingClass.SIDE);
    }
}
