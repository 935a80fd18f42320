package org.nnlab.playground;

import java.util.List;

import org.nnlab.core.Checks;

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

    /** The input vectors of {@code data}, computed once (Playground rebuilds them per example; same values). */
    public static double[][] inputs(List<Feature> features, List<Example> data) {
        double[][] in = new double[data.size()][];
        for (int i = 0; i < in.length; i++) {
            in[i] = input(features, data.get(i).x(), data.get(i).y());
        }
        return in;
    }

    /** One epoch over {@code train} (Playground's {@code oneStep} without the UI). */
    public static void epoch(PlaygroundNetwork net, List<Feature> features, List<Example> train, double batchSize,
                             double learningRate, Regularization regularization, double regularizationRate) {
        epoch(net, inputs(features, train), train, batchSize, learningRate, regularization, regularizationRate);
    }

    /**
     * One epoch with the input vectors precomputed by {@link #inputs}. The examples between two updates share the
     * weights, so they run side by side ({@link PlaygroundNetwork#accumulate}), bit for bit the per-example passes
     * ({@link #epochByExample}).
     *
     * @param inputs one vector per training example, in the same order
     */
    public static void epoch(PlaygroundNetwork net, double[][] inputs, List<Example> train, double batchSize,
                             double learningRate, Regularization regularization, double regularizationRate) {
        int start = 0;                        // the first example since the last update
        boolean whole = batchSize >= 1 && batchSize <= Integer.MAX_VALUE && batchSize == Math.rint(batchSize);
        int step = whole ? (int) batchSize : 1;  // a whole batch size updates exactly at its multiples
        for (int end = step; end <= train.size(); end += step) {
            if (whole || end % batchSize == 0) {
                net.accumulate(inputs, train, start, end);
                net.update(learningRate, regularization, regularizationRate);
                start = end;
            }
            if (end > Integer.MAX_VALUE - step) {
                break;
            }
        }
        net.accumulate(inputs, train, start, train.size());
    }

    /**
     * One epoch example by example, as Playground's {@code oneStep} codes it: {@link PlaygroundNetwork#forward},
     * {@link PlaygroundNetwork#backward}, and the update after example i when (i + 1) % batchSize == 0. The same
     * bits as {@link #epoch(PlaygroundNetwork, double[][], List, double, double, Regularization, double)}, which
     * runs the examples between two updates side by side; kept as the literal statement of spec 5.7.
     */
    public static void epochByExample(PlaygroundNetwork net, double[][] inputs, List<Example> train, double batchSize,
                                      double learningRate, Regularization regularization, double regularizationRate) {
        for (int i = 0; i < train.size(); i++) {
            net.forward(inputs[i]);
            net.backward(train.get(i).label());
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
        return loss(net, inputs(features, data), data);
    }

    /**
     * Classification accuracy (not in Playground, which shows none): the share of points whose output has
     * the label's sign, output >= 0 counting as +1 (the discretize rule); NaN for an empty set.
     */
    public static double accuracy(PlaygroundNetwork net, double[][] inputs, List<Example> data) {
        int right = 0;
        double[] outputs = net.outputs(inputs);
        for (int i = 0; i < data.size(); i++) {
            double predicted = outputs[i] >= 0 ? 1 : -1;
            right += predicted == Math.signum(data.get(i).label()) ? 1 : 0;
        }
        return (double) right / data.size();
    }

    /**
     * The reported loss with the input vectors precomputed by {@link #inputs}; the forward passes run as
     * one batch ({@link PlaygroundNetwork#outputs}), each output bit for bit Playground's.
     */
    public static double loss(PlaygroundNetwork net, double[][] inputs, List<Example> data) {
        Checks.requireArgument(inputs.length == data.size(), "PlaygroundEngine.loss: %d input vectors for %d examples",
                inputs.length, data.size());
        double[] outputs = net.outputs(inputs);
        double loss = 0;
        for (int i = 0; i < data.size(); i++) {
            double diff = outputs[i] - data.get(i).label();
            loss += 0.5 * (diff * diff);
        }
        return loss / data.size();
    }
}
