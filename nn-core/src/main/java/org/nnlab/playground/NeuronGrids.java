package org.nnlab.playground;

import org.nnlab.core.Checks;

/**
 * Every non-input neuron's values on the 100 x 100 heatmap grid. Layer l's neurons are stored in one
 * row-major block [n_l, 10000]; each neuron's grid is row-major with the top row (y = +6) first.
 */
public final class NeuronGrids {
    private final float[][] layers;      // [layer][node * points + row * density + col], layer 0 empty

    NeuronGrids(float[][] layers) {
        this.layers = layers;
    }

    /** Weight layers: layer 1 is the first hidden layer, {@link #layers()} the output node. */
    public int layers() {
        return layers.length - 1;
    }

    /** Neurons in layer l. */
    public int size(int layer) {
        return layers[checkLayer(layer)].length / points();
    }

    /** A copy of neuron {@code node}'s grid in layer l: 100 x 100 floats, row-major, top row first. */
    public float[] grid(int layer, int node) {
        int n = size(layer);
        Checks.requireArgument(node >= 0 && node < n, "NeuronGrids: node %d is outside 0..%d of layer %d", node, n - 1, layer);
        return java.util.Arrays.copyOfRange(layers[layer], node * points(), (node + 1) * points());
    }

    /** The output neuron's grid (a copy). */
    public float[] output() {
        return grid(layers(), 0);
    }

    /** One value: neuron {@code node} of layer l at grid row {@code row} (0 = top) and column {@code col}. */
    public float value(int layer, int node, int row, int col) {
        return layers[checkLayer(layer)][node * points() + row * Heatmaps.DENSITY + col];
    }

    private int checkLayer(int layer) {
        Checks.requireArgument(layer >= 1 && layer < layers.length, "NeuronGrids: layer %d is outside 1..%d",
                layer, layers.length - 1);
        return layer;
    }

    private static int points() {
        return Heatmaps.DENSITY * Heatmaps.DENSITY;
    }
}
