package org.nnlab.nn.dense;

import java.util.Arrays;

import org.nnlab.core.Checks;

/**
 * Every non-input neuron's values over a grid of points, as {@link DenseStack#neurons} evaluates them for
 * the heatmaps (Playground's 100 x 100 per neuron, GAN Lab's 30 x 30 discriminator). Layer l's neurons are
 * stored in one row-major block [size(l), points]; each neuron's grid is row-major, {@link #width()} points a
 * row, in the order the points were given.
 */
public final class NeuronGrids {
    private final float[][] layers;      // [layer][node * points + point], layer 0 empty
    private final int points;
    private final int width;

    NeuronGrids(float[][] layers, int points, int width) {
        this.layers = layers;
        this.points = points;
        this.width = width;
    }

    /** Weight layers: layer 1 is the first hidden layer, {@link #layers()} the output layer. */
    public int layers() {
        return layers.length - 1;
    }

    /** Neurons in layer l. */
    public int size(int layer) {
        return layers[checkLayer(layer)].length / points;
    }

    /** Points per neuron. */
    public int points() {
        return points;
    }

    /** Points per grid row. */
    public int width() {
        return width;
    }

    /** A copy of neuron {@code node}'s grid in layer l: {@link #points()} floats, row-major. */
    public float[] grid(int layer, int node) {
        int n = size(layer);
        Checks.requireArgument(node >= 0 && node < n, "NeuronGrids: node %d is outside 0..%d of layer %d", node, n - 1, layer);
        return Arrays.copyOfRange(layers[layer], node * points, (node + 1) * points);
    }

    /** The first output neuron's grid (a copy). */
    public float[] output() {
        return grid(layers(), 0);
    }

    /** One value: neuron {@code node} of layer l at grid row {@code row} and column {@code col}. */
    public float value(int layer, int node, int row, int col) {
        return layers[checkLayer(layer)][node * points + row * width + col];
    }

    private int checkLayer(int layer) {
        Checks.requireArgument(layer >= 1 && layer < layers.length, "NeuronGrids: layer %d is outside 1..%d",
                layer, layers.length - 1);
        return layer;
    }
}
