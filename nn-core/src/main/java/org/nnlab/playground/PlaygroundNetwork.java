package org.nnlab.playground;

import java.util.Arrays;

import org.nnlab.core.Checks;
import org.nnlab.nn.Activation;
import org.nnlab.nn.dense.DenseStack;
import org.nnlab.core.Compute;
import org.nnlab.core.internal.kernel.Kernels;

/**
 * Playground's network, exactly: fully connected layers [inputs, hidden..., 1] in double precision,
 * biases 0.1 and weights U[-0.5, 0.5) drawn in Playground's order, one example at a time with
 * gradients accumulated per bias and per link, and the update rule of spec 5.7, L1's dead links
 * included. The accumulation orders of spec 5.5 to 5.7 are kept, so a run matches Playground's to the
 * last bit wherever the JavaScript engine's math functions match {@link StrictMath}. This is the only training
 * it does: the options beyond Playground (momentum, Adam, dropout, several classes) train on the library's shared
 * engine ({@link org.nnlab.nn.dense.DenseStack}), which writes its weights back here
 * ({@link PlaygroundSession#setUpdateRule}).
 *
 * <p>Layer l (1 = first hidden, {@link #layers()} = output) has {@link #size(int)} nodes; the weight of
 * the link from node {@code src} of layer l-1 to node {@code dest} of layer l is
 * {@link #weight(int, int, int) weight(l, dest, src)}. Mutable and not thread-safe; {@link #copy()}.
 */
public final class PlaygroundNetwork {
    private final int[] sizes;                 // [inputs, hidden..., 1]
    private final PlaygroundActivation hidden;
    private final PlaygroundActivation output;
    final double[][] weights;                  // [layer][dest * sizes[l-1] + src]; package-private for ExampleLanes
    final double[][] biases;                   // [layer][node]
    final boolean[][] dead;                    // [layer][dest * sizes[l-1] + src]
    final double[][] accWeights;
    final double[][] accBiases;
    private int accumulated;                   // examples accumulated since the last update
    private final double[][] z;                // [layer][node], total inputs of the last forward pass
    private final double[][] a;                // [layer][node], outputs; a[0] = the inputs
    private final double[][] dz;               // dE/dz of the last backward pass
    private final double[][] da;               // dE/da
    private ExampleLanes lanes;                // scratch of accumulate, made on first use

    private PlaygroundNetwork(int[] sizes, PlaygroundActivation hidden, PlaygroundActivation output) {
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        int layers = sizes.length;
        weights = new double[layers][];
        biases = new double[layers][];
        dead = new boolean[layers][];
        accWeights = new double[layers][];
        accBiases = new double[layers][];
        z = new double[layers][];
        a = new double[layers][];
        dz = new double[layers][];
        da = new double[layers][];
        for (int l = 0; l < layers; l++) {
            int links = l == 0 ? 0 : sizes[l] * sizes[l - 1];
            weights[l] = new double[links];
            dead[l] = new boolean[links];
            accWeights[l] = new double[links];
            biases[l] = new double[sizes[l]];
            accBiases[l] = new double[sizes[l]];
            z[l] = new double[sizes[l]];
            a[l] = new double[sizes[l]];
            dz[l] = new double[sizes[l]];
            da[l] = new double[sizes[l]];
        }
    }

    /**
     * Builds the network as Playground's {@code buildNetwork}: every bias 0.1, every weight
     * {@code rng.nextDouble() - 0.5}, drawn layer by layer from the first hidden one, node by node, link
     * by link. With {@code initZero} the draws still happen but weights and biases are 0.
     *
     * @param inputs the number of enabled features, >= 0
     * @param hidden the hidden layer sizes, each >= 0 (empty: inputs connect to the output; a 0-node layer
     *               leaves the next layer with biases only, as in Playground)
     * @throws IllegalArgumentException for a negative input count or hidden size
     */
    public static PlaygroundNetwork build(int inputs, int[] hidden, PlaygroundActivation activation,
                                          PlaygroundActivation outputActivation, SeedRandom rng, boolean initZero) {
        return build(inputs, hidden, activation, outputActivation, rng, initZero, 1);
    }

    /**
     * The weights of a classifier over {@code classes} >= 2 classes (not in Playground, issues #68 and #175): the
     * output layer has one linear node per class. It trains on the shared engine, where softmax turns the totals
     * into probabilities and training minimizes the cross-entropy -ln p(label) ({@link PlaygroundSession#withClasses});
     * this network holds and shows its weights ({@link #toDenseStack()} evaluates it). Weights are drawn as in
     * {@link #build}.
     *
     * @throws IllegalArgumentException if classes &lt; 2 or a size is invalid
     */
    public static PlaygroundNetwork classifier(int inputs, int[] hidden, PlaygroundActivation activation, int classes,
                                               SeedRandom rng, boolean initZero) {
        Checks.requireArgument(classes >= 2, "PlaygroundNetwork: classes must be >= 2, got %d", classes);
        return build(inputs, hidden, activation, PlaygroundActivation.LINEAR, rng, initZero, classes);
    }

    private static PlaygroundNetwork build(int inputs, int[] hidden, PlaygroundActivation activation,
                                           PlaygroundActivation outputActivation, SeedRandom rng, boolean initZero,
                                           int outputs) {
        Checks.requireArgument(inputs >= 0, "PlaygroundNetwork: inputs must be >= 0, got %d", inputs);
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = inputs;
        for (int i = 0; i < hidden.length; i++) {
            Checks.requireArgument(hidden[i] >= 0, "PlaygroundNetwork: hidden layer %d must have >= 0 neurons, got %d",
                    i + 1, hidden[i]);
            sizes[i + 1] = hidden[i];
        }
        sizes[sizes.length - 1] = outputs;
        PlaygroundNetwork net = new PlaygroundNetwork(sizes, activation, outputActivation);
        for (int l = 0; l < sizes.length; l++) {
            Arrays.fill(net.biases[l], initZero ? 0 : 0.1);
            for (int k = 0; k < net.weights[l].length; k++) {     // dest-major = Playground's link order
                double w = rng.nextDouble() - 0.5;
                net.weights[l][k] = initZero ? 0 : w;
            }
        }
        return net;
    }

    /** Every layer's weights, layer l ≥ 1 at index l - 1 as [size(l), size(l - 1)] row-major (dest-major). */
    public double[][] weightMatrices() {
        double[][] w = new double[layers()][];
        for (int l = 1; l <= layers(); l++) {
            w[l - 1] = new double[size(l) * size(l - 1)];
            for (int d = 0; d < size(l); d++) {
                for (int s = 0; s < size(l - 1); s++) {
                    w[l - 1][d * size(l - 1) + s] = weight(l, d, s);
                }
            }
        }
        return w;
    }

    /**
     * The network as a model summary named {@code name}: one Dense row per layer with its activation (the
     * output layer's is {@link #outputActivation()}), repeats folded, on an input of {@code size(0)}
     * features.
     */
    public org.nnlab.nn.ModelSummary summary(String name) {
        java.util.List<org.nnlab.nn.ModelSummary.Row> rows = new java.util.ArrayList<>();
        for (int l = 1; l < layers(); l++) {
            rows.add(dense(l, activation()));
        }
        rows.add(dense(layers(), outputActivation()));
        return org.nnlab.nn.ModelSummary.of(name, org.nnlab.core.Shape.of(size(0)), org.nnlab.nn.ModelSummary.fold(rows));
    }

    private org.nnlab.nn.ModelSummary.Row dense(int layer, PlaygroundActivation f) {
        int in = size(layer - 1);
        int out = size(layer);
        String activation = f == PlaygroundActivation.LINEAR ? "" : f.id();
        return new org.nnlab.nn.ModelSummary.Row(layer, "Dense " + out, "", activation, org.nnlab.core.Shape.of(out),
                (long) (in + 1) * out, (long) in * out, org.nnlab.nn.ModelSummary.Category.LEARNABLE, 1);
    }

    /** A deep copy: weights, biases, dead flags and pending accumulators. */
    public PlaygroundNetwork copy() {
        PlaygroundNetwork c = new PlaygroundNetwork(sizes, hidden, output);
        for (int l = 0; l < sizes.length; l++) {
            c.weights[l] = weights[l].clone();
            c.biases[l] = biases[l].clone();
            c.dead[l] = dead[l].clone();
            c.accWeights[l] = accWeights[l].clone();
            c.accBiases[l] = accBiases[l].clone();
        }
        c.accumulated = accumulated;
        return c;
    }

    /**
     * The network's weights and biases rounded to float32 in a {@link DenseStack} (weights [in, out] per layer;
     * a dead link is a 0 weight), with the same activations and softmax for a classifier: what the heatmaps
     * evaluate on the grid.
     */
    public DenseStack toDenseStack() {
        DenseStack stack = DenseStack.of(sizes, hidden.shared(), classes() > 1 ? Activation.SOFTMAX : output.shared());
        float[] p = new float[stack.parameterCount()];
        for (int l = 1; l < sizes.length; l++) {
            int out = sizes[l];
            for (int d = 0; d < out; d++) {
                p[stack.biasOffset(l) + d] = (float) biases[l][d];
                for (int src = 0; src < sizes[l - 1]; src++) {
                    p[stack.weightOffset(l) + src * out + d] = (float) weights[l][d * sizes[l - 1] + src];
                }
            }
        }
        stack.setParameters(p);
        return stack;
    }

    /** The number of weight layers: hidden layers + 1. */
    public int layers() {
        return sizes.length - 1;
    }

    /** Nodes in layer l (0 = inputs, {@link #layers()} = the output node). */
    public int size(int layer) {
        return sizes[layer];
    }

    /** The hidden activation. */
    public PlaygroundActivation activation() {
        return hidden;
    }

    /** The output activation: tanh for classification, linear for regression. */
    public PlaygroundActivation outputActivation() {
        return output;
    }

    /** The weight from node src of layer l-1 to node dest of layer l. */
    public double weight(int layer, int dest, int src) {
        return weights[layer][dest * sizes[layer - 1] + src];
    }

    /** Sets a weight, as Playground's weight editor does (a dead link stays dead). */
    public void setWeight(int layer, int dest, int src, double w) {
        weights[layer][dest * sizes[layer - 1] + src] = w;
    }

    /** Whether L1 regularization killed that link. */
    public boolean isDead(int layer, int dest, int src) {
        return dead[layer][dest * sizes[layer - 1] + src];
    }

    /** The bias of node n of layer l. */
    public double bias(int layer, int node) {
        return biases[layer][node];
    }

    /** Sets a bias. */
    public void setBias(int layer, int node, double b) {
        biases[layer][node] = b;
    }

    /** The output of node n of layer l in the last forward pass. */
    public double lastOutput(int layer, int node) {
        syncLast();
        return a[layer][node];
    }

    /** Whether every weight and bias is finite. */
    public boolean isFinite() {
        for (int l = 1; l < sizes.length; l++) {
            for (double w : weights[l]) {
                if (!Double.isFinite(w)) {
                    return false;
                }
            }
            for (double b : biases[l]) {
                if (!Double.isFinite(b)) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * One forward pass: z = bias, then + w·a(src) link by link; a = f(z).
     *
     * @param input the enabled features' values, sizes[0] of them
     * @return the output node's value
     */
    public double forward(double[] input) {
        Checks.requireArgument(input.length == sizes[0], "PlaygroundNetwork.forward: %d inputs for a network with %d",
                input.length, sizes[0]);
        syncLast();
        System.arraycopy(input, 0, a[0], 0, input.length);
        for (int l = 1; l < sizes.length; l++) {
            PlaygroundActivation f = l == sizes.length - 1 ? output : hidden;
            int prev = sizes[l - 1];
            double[] w = weights[l];
            double[] src = a[l - 1];
            for (int d = 0; d < sizes[l]; d++) {
                double total = biases[l][d];
                for (int s = 0; s < prev; s++) {
                    total += w[d * prev + s] * src[s];
                }
                z[l][d] = total;
            }
            activate(f, z[l], a[l], sizes[l]);
        }
        return a[sizes.length - 1][0];
    }

    /**
     * The outputs of many examples, bit for bit what {@link #forward} gives each one. The batch runs layer
     * by layer on neuron-major rows (one row of totals per neuron, one column per example), so each
     * example's total is still bias + Σ_s w_s·a_s added in Playground's order while the additions run
     * across examples in vector registers ({@code Kernels.laneSums}), and tanh goes through
     * {@link org.nnlab.core.Compute#strictTanh}. Leaves the
     * per-example state ({@link #lastOutput}) untouched.
     *
     * @param inputs one input vector per example, each of length {@code inputSize()}
     * @return the output node's value per example
     */
    public double[] outputs(double[][] inputs) {
        int n = inputs.length;
        double[] out = new double[n];
        double[] src = new double[sizes[0] * n];
        for (int e = 0; e < n; e++) {
            Checks.requireArgument(inputs[e].length == sizes[0],
                    "PlaygroundNetwork.outputs: inputs[%d] has %d values for a network with %d inputs", e,
                    inputs[e].length, sizes[0]);
            for (int s = 0; s < sizes[0]; s++) {
                src[s * n + e] = inputs[e][s];
            }
        }
        Kernels k = Kernels.get();
        for (int l = 1; l < sizes.length; l++) {
            int prev = sizes[l - 1];
            double[] totals = new double[sizes[l] * n];
            k.laneSums(weights[l], prev, 1, biases[l], src, prev, totals, sizes[l], n);
            activate(l == sizes.length - 1 ? output : hidden, totals, totals, totals.length);
            src = totals;
        }
        System.arraycopy(src, 0, out, 0, n);
        return out;
    }

    /** a[i] = f(z[i]) for i in [0, n); tanh, the common case, runs on the kernels (bitwise StrictMath). */
    private static void activate(PlaygroundActivation f, double[] z, double[] a, int n) {
        if (f == PlaygroundActivation.TANH) {
            Compute.strictTanh(z, a, n);
        } else {
            for (int i = 0; i < n; i++) {
                a[i] = f.output(z[i]);
            }
        }
    }

    /** The number of classes: 1 for Playground's single output node. */
    public int classes() {
        return sizes[sizes.length - 1];
    }

    /**
     * Back-propagates the square error of the last forward pass against {@code target} and adds the
     * gradients to the accumulators (spec 5.6). Dead links accumulate nothing. For Playground's single
     * output node (a classifier trains on the shared engine).
     */
    public void backward(double target) {
        syncLast();
        int last = sizes.length - 1;
        da[last][0] = a[last][0] - target;
        for (int l = last; l >= 1; l--) {
            PlaygroundActivation f = l == last ? output : hidden;
            int prev = sizes[l - 1];
            for (int d = 0; d < sizes[l]; d++) {
                dz[l][d] = da[l][d] * f.derivative(z[l][d], a[l][d]);
                accBiases[l][d] += dz[l][d];
            }
            for (int d = 0; d < sizes[l]; d++) {
                for (int s = 0; s < prev; s++) {
                    int k = d * prev + s;
                    if (!dead[l][k]) {
                        accWeights[l][k] += dz[l][d] * a[l - 1][s];
                    }
                }
            }
            if (l > 1) {
                for (int s = 0; s < prev; s++) {
                    double sum = 0;
                    for (int d = 0; d < sizes[l]; d++) {
                        sum += weights[l][d * prev + s] * dz[l][d];
                    }
                    da[l - 1][s] = sum;
                }
            }
        }
        accumulated++;
    }

    /**
     * The forward and backward passes of examples [from, to) with the weights as they are, exactly what
     * {@link #forward} then {@link #backward} of each example in order do: the accumulators, {@link #accumulated()}
     * and the last example's per-node state ({@link #lastOutput}) end with the same bits. The examples run side by
     * side in vector lanes (tanh on {@link org.nnlab.core.Compute#strictTanh}), which is what makes an epoch fast:
     * Playground's examples between two updates all see the same weights.
     *
     * @param inputs one input vector per example, each of length {@code size(0)}
     * @param data   the examples, for their labels (the targets); the same indices as {@code inputs}
     * @throws IllegalArgumentException if the range is not within both lists or an input has the wrong length
     */
    public void accumulate(double[][] inputs, java.util.List<Example> data, int from, int to) {
        Checks.requireArgument(0 <= from && from <= to && to <= inputs.length && to <= data.size(),
                "PlaygroundNetwork.accumulate: examples [%d, %d) of %d input vectors and %d examples", from, to,
                inputs.length, data.size());
        for (int e = from; e < to; e++) {
            Checks.requireArgument(inputs[e].length == sizes[0],
                    "PlaygroundNetwork.accumulate: inputs[%d] has %d values for a network with %d inputs", e,
                    inputs[e].length, sizes[0]);
        }
        Checks.requireArgument(classes() == 1, "PlaygroundNetwork.accumulate: a classifier with %d classes trains on the "
                + "shared engine", classes());
        if (lanes == null) {
            lanes = new ExampleLanes(sizes);
        }
        lanes.accumulate(this, inputs, data, from, to);
        accumulated += to - from;
    }

    /**
     * Brings the per-node state (z, a, δz, δa of the last example passed) up to date after {@link #accumulate}, which
     * leaves it in its lanes: copied once when read, not once per run of examples.
     */
    private void syncLast() {
        if (lanes != null && lanes.holdsLast()) {
            lanes.copyLast(z, a, dz, da);
            lanes.forget();
        }
    }

    /** The activation of layer l ≥ 1: the output's for the last layer, else the hidden one. */
    PlaygroundActivation activationOf(int layer) {
        return layer == sizes.length - 1 ? output : hidden;
    }

    /**
     * Applies and clears the accumulated gradients (spec 5.7): b -= (lr·accB)/n; for a live link,
     * w1 = w - (lr/n)·accW, w2 = w1 - (lr·λ)·R'(w_old), and under L1 a sign change between w1 and w2
     * kills the link (w = 0 for good). Does nothing when nothing has accumulated.
     */
    public void update(double learningRate, Regularization regularization, double regularizationRate) {
        int n = accumulated;
        if (n == 0) {
            return;
        }
        for (int l = 1; l < sizes.length; l++) {
            for (int d = 0; d < sizes[l]; d++) {
                biases[l][d] = biases[l][d] - (learningRate * accBiases[l][d]) / n;
                accBiases[l][d] = 0;
            }
            for (int k = 0; k < weights[l].length; k++) {
                if (dead[l][k]) {
                    continue;
                }
                double w = weights[l][k];
                double r = regularization.derivative(w);
                double w1 = w - (learningRate / n) * accWeights[l][k];
                double w2 = w1 - (learningRate * regularizationRate) * r;
                if (regularization == Regularization.L1 && w1 * w2 < 0) {
                    weights[l][k] = 0;
                    dead[l][k] = true;
                } else {
                    weights[l][k] = w2;
                }
                accWeights[l][k] = 0;
            }
        }
        accumulated = 0;
    }

    /** Kills a link as L1 does: weight 0, dead for good (the shared engine's L1 rule reports here). */
    void kill(int layer, int dest, int src) {
        int k = dest * sizes[layer - 1] + src;
        weights[layer][k] = 0;
        dead[layer][k] = true;
    }

    /** Examples accumulated since the last update (they carry over into the next epoch). */
    public int accumulated() {
        return accumulated;
    }
}
