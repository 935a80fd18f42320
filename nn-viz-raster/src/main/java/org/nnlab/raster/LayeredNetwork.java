package org.nnlab.raster;

import java.util.List;


/**
 * A fully connected layered network as a picture sees it: the input nodes (a label, a field, whether
 * the input is in use), then per weight layer its size, weights, biases, dead-link flags and one field
 * per neuron. Layer 0 is the first hidden layer; the last layer is the output.
 *
 * <p>Weights of layer l are stored {@code [dest·prev + src]}, where prev is the size of the layer
 * before (for layer 0, the number of <em>active</em> inputs, in input order).
 *
 * @param inputLabels one label per input node shown
 * @param inputFields one field per input node (null: drawn empty)
 * @param inputActive whether each input feeds the network (inactive ones are drawn faded, without links)
 * @param sizes       neurons per weight layer, output last
 * @param weights     per layer, sizes[l]·prev values
 * @param biases      per layer, sizes[l] values
 * @param dead        per layer, like weights: links L1 regularization has removed (may be null)
 * @param fields      per layer, one field per neuron (entries may be null)
 */
public record LayeredNetwork(List<String> inputLabels, List<Grid> inputFields, boolean[] inputActive, int[] sizes,
                             double[][] weights, double[][] biases, boolean[][] dead, List<List<Grid>> fields) {
    /** Validates that all sizes agree. */
    public LayeredNetwork {
        int inputs = inputLabels.size();
        Preconditions.requireArgument(inputFields.size() == inputs && inputActive.length == inputs,
                "LayeredNetwork: %d input labels, %d input fields, %d active flags", inputs, inputFields.size(),
                inputActive.length);
        Preconditions.requireArgument(sizes.length >= 1, "LayeredNetwork: needs at least the output layer");
        Preconditions.requireArgument(weights.length == sizes.length && biases.length == sizes.length
                        && fields.size() == sizes.length && (dead == null || dead.length == sizes.length),
                "LayeredNetwork: %d layer sizes but %d weight, %d bias, %d field layers", sizes.length, weights.length,
                biases.length, fields.size());
        int prev = activeInputs(inputActive);
        for (int l = 0; l < sizes.length; l++) {
            Preconditions.requireArgument(weights[l].length == sizes[l] * prev,
                    "LayeredNetwork: layer %d has %d weights, expected %d x %d = %d", l, weights[l].length, sizes[l], prev,
                    sizes[l] * prev);
            Preconditions.requireArgument(biases[l].length == sizes[l] && fields.get(l).size() == sizes[l],
                    "LayeredNetwork: layer %d has %d neurons but %d biases and %d fields", l, sizes[l], biases[l].length,
                    fields.get(l).size());
            Preconditions.requireArgument(dead == null || dead[l].length == weights[l].length,
                    "LayeredNetwork: layer %d has %d dead flags for %d weights", l, dead == null ? 0 : dead[l].length,
                    weights[l].length);
            prev = sizes[l];
        }
    }

    /** The number of weight layers (hidden layers + the output). */
    public int layers() {
        return sizes.length;
    }

    /** The number of inputs in use. */
    public int activeInputs() {
        return activeInputs(inputActive);
    }

    private static int activeInputs(boolean[] active) {
        int n = 0;
        for (boolean a : active) {
            n += a ? 1 : 0;
        }
        return n;
    }

    /** The size of the layer before layer l (active inputs for l = 0). */
    public int fanIn(int l) {
        return l == 0 ? activeInputs() : sizes[l - 1];
    }
}
