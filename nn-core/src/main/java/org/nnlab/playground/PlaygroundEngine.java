package org.nnlab.playground;

import java.util.List;

/**
 * Playground's training loop and losses (spec 5.7, 6), on a {@link PlaygroundNetwork}:
 * one epoch visits the training set in its fixed order, one example at a time, and updates after
 * example i when (i + 1) % batchSize == 0. Nothing is flushed at the end of an epoch: leftover
 * examples join the next epoch's first batch. The batch size is a JavaScript number, and the test is
 * Playground's {@code (i + 1) % batchSize == 0} in double arithmetic: 0 and NaN never update, 2.5
 * updates every 5 examples, -3 every 3.
 */
public final class PlaygroundEngine {
    private PlaygroundEngine() {
    }

    /** The input vector: the enabled features' values at (x, y), in {@link Feature} order. */
    public static double[] input(List<Feature> features, double x, double y) {
        double[] in = new double[features.size()];
        for (int i = 0; i < in.length; i++) {
            in[i] = features.get(i).value(x, y);
        }
        return in;
    }

    /** One epoch over {@code train} (Playground's {@code oneStep} without the UI). */
    public static void epoch(PlaygroundNetwork net, List<Feature> features, List<Example> train, double batchSize,
                             double learningRate, Regularization regularization, double regularizationRate) {
        for (int i = 0; i < train.size(); i++) {
            Example e = train.get(i);
            net.forward(input(features, e.x(), e.y()));
            net.backward(e.label());
            if ((i + 1) % batchSize == 0) {
                net.update(learningRate, regularization, regularizationRate);
            }
        }
    }

    /**
     * Playground's reported loss: (1/|S|)·Σ ½·(net(x, y) - label)², summed in order with a fresh forward
     * pass per point; NaN for an empty set.
     */
    public static double loss(PlaygroundNetwork net, List<Feature> features, List<Example> data) {
        double loss = 0;
        for (Example e : data) {
            double diff = net.forward(input(features, e.x(), e.y())) - e.label();
            loss += 0.5 * (diff * diff);
        }
        return loss / data.size();
    }
}
