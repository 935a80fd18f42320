package org.nnlab.gan;

import java.util.Arrays;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.core.kernel.Kernels;
import org.nnlab.core.kernel.Unary;

/**
 * A fully connected network as GAN Lab builds its generator and discriminator (spec 2.c): L + 1 ReLU
 * hidden layers of N neurons, then a dense output with tanh (G) or sigmoid (D). Forward and backward
 * are fused per layer (matrix product with the bias, then the activation in one pass) on buffers that
 * are reused, because GAN Lab's layers are tiny and per-operation overhead, not arithmetic, is the cost.
 *
 * <p>Arithmetic: every value is stored in float32, as in GAN Lab, whose TensorFlow.js CPU engine
 * stores float32 but accumulates each matrix product and sum in double. Here too every sum (each
 * z = b + Σ x·w, each weight gradient Σ_rows x·δ, each bias gradient Σ_rows δ, each back-propagated Σ_j δ·w)
 * is accumulated in double in one fixed order ({@link Kernels#gemmDoubleSum}) and rounded to float once,
 * where GAN Lab rounds the product and then the bias sum. Products of floats are exact in double, so the
 * result is the same on every kernel, thread count and JIT tier (GanArithmeticTest measures the accuracy
 * against float64, KernelAgreementTest the bits).
 *
 * <p>Parameters live in one array, layer-major as GAN Lab's weight files: per layer the weight matrix
 * W [in, out] row-major, then the bias b [out]. A layer computes y = act(x·W + b) for rows x.
 */
public final class Mlp {
    /** The output layer's activation. */
    public enum Output {
        /** tanh, the generator's: samples in (-1, 1)². */
        TANH,
        /** the logistic sigmoid, the discriminator's: probabilities in (0, 1). */
        SIGMOID
    }

    private final int[] sizes;                       // [inputs, hidden..., outputs]
    private final Output output;
    private final float[] parameters;
    private final int[] weightAt;
    private final int[] biasAt;

    /**
     * A network with these layer sizes and zero parameters.
     *
     * @throws IllegalArgumentException if there are fewer than two sizes or a size is below 1
     */
    public Mlp(int[] sizes, Output output) {
        Checks.requireArgument(sizes.length >= 2, "Mlp: needs at least an input and an output size, got %s",
                Arrays.toString(sizes));
        for (int s : sizes) {
            Checks.requireArgument(s >= 1, "Mlp: layer sizes must be >= 1, got %s", Arrays.toString(sizes));
        }
        this.sizes = sizes.clone();
        this.output = output;
        this.weightAt = new int[sizes.length];
        this.biasAt = new int[sizes.length];
        int at = 0;
        for (int l = 1; l < sizes.length; l++) {
            weightAt[l] = at;
            at += sizes[l - 1] * sizes[l];
            biasAt[l] = at;
            at += sizes[l];
        }
        this.parameters = new float[at];
    }

    /**
     * GAN Lab's network: {@code inputs} → (extraLayers + 1) × Dense(neurons) ReLU → Dense(outputs), with
     * its initialisation: weights N(0, σ²) with σ = 1/√2 for the first layer and 1/√neurons for every
     * other (the output layer too), biases 0.
     *
     * @param extraLayers GAN Lab's "hidden layers" setting L (0..5 in its UI): the network has L + 1
     * @throws IllegalArgumentException for extraLayers &lt; 0 or neurons &lt; 1
     */
    public static Mlp ganLab(int inputs, int extraLayers, int neurons, int outputs, Output output, Rng rng) {
        Checks.requireArgument(extraLayers >= 0, "Mlp.ganLab: extraLayers must be >= 0, got %d", extraLayers);
        Checks.requireArgument(neurons >= 1, "Mlp.ganLab: neurons must be >= 1, got %d", neurons);
        int[] sizes = new int[extraLayers + 3];
        sizes[0] = inputs;
        Arrays.fill(sizes, 1, sizes.length - 1, neurons);
        sizes[sizes.length - 1] = outputs;
        Mlp net = new Mlp(sizes, output);
        for (int l = 1; l < sizes.length; l++) {
            double sigma = l == 1 ? 1 / Math.sqrt(2) : 1 / Math.sqrt(neurons);
            for (int i = 0; i < sizes[l - 1] * sizes[l]; i++) {
                net.parameters[net.weightAt[l] + i] = (float) (sigma * rng.nextGaussian());
            }
        }
        return net;
    }

    /** Number of layers with parameters. */
    public int layers() {
        return sizes.length - 1;
    }

    /** Width of layer l: 0 is the input, {@link #layers()} the output. */
    public int size(int l) {
        return sizes[l];
    }

    /** Inputs per row. */
    public int inputs() {
        return sizes[0];
    }

    /** Outputs per row. */
    public int outputs() {
        return sizes[sizes.length - 1];
    }

    /** The output activation. */
    public Output output() {
        return output;
    }

    /** Number of parameters. */
    public int parameterCount() {
        return parameters.length;
    }

    /** The parameters, layer-major (a copy). */
    public float[] parameters() {
        return parameters.clone();
    }

    /** Where layer l's weights start in the parameter array. */
    public int weightOffset(int l) {
        return weightAt[l];
    }

    /** Where layer l's bias starts in the parameter array. */
    public int biasOffset(int l) {
        return biasAt[l];
    }

    /**
     * Replaces the parameters.
     *
     * @throws IllegalArgumentException if the count differs
     */
    public void setParameters(float[] values) {
        Checks.requireArgument(values.length == parameters.length, "Mlp.setParameters: %d values for %d parameters",
                values.length, parameters.length);
        System.arraycopy(values, 0, parameters, 0, values.length);
    }

    /** The live parameter array, for optimizers in this package. */
    float[] live() {
        return parameters;
    }

    /** A copy with the same parameters. */
    public Mlp copy() {
        Mlp c = new Mlp(sizes, output);
        System.arraycopy(parameters, 0, c.parameters, 0, parameters.length);
        return c;
    }

    /** The outputs for n rows of inputs, [n, outputs()] (a convenience that allocates its buffers). */
    public float[] apply(float[] inputs, int n) {
        Pass pass = new Pass(n);
        forward(inputs, n, pass);
        return pass.output().clone();
    }

    /**
     * Buffers for one forward and backward pass of up to {@code capacity} rows: the activations of every
     * layer (kept for backward) and the deltas.
     */
    public final class Pass {
        private final int capacity;
        private final float[][] activations;
        private final float[][] deltas;
        private final float[] logits;
        private final float[] ones;                     // [capacity] ones: a bias gradient is ones·δ
        private final float[] product;                  // δ·Wᵀ before the ReLU mask
        private int rows;

        /** Buffers for up to capacity rows. */
        public Pass(int capacity) {
            Checks.requireArgument(capacity >= 1, "Mlp.Pass: capacity must be >= 1, got %d", capacity);
            this.capacity = capacity;
            this.activations = new float[sizes.length][];
            this.deltas = new float[sizes.length][];
            this.logits = new float[capacity * sizes[sizes.length - 1]];
            for (int l = 0; l < sizes.length; l++) {
                activations[l] = new float[capacity * sizes[l]];
                deltas[l] = new float[capacity * sizes[l]];
            }
            this.ones = new float[capacity];
            Arrays.fill(ones, 1f);
            this.product = new float[capacity * Arrays.stream(sizes).max().orElseThrow()];
        }

        /** The last forward pass's outputs, [rows, outputs()] from index 0 (live, overwritten by the next pass). */
        public float[] output() {
            return activations[sizes.length - 1];
        }

        /** The output layer's pre-activations z of the last forward pass, [rows, outputs()] (live). */
        public float[] logits() {
            return logits;
        }

        /** Layer l's activations of the last forward pass, [rows, size(l)] (live). */
        public float[] activations(int l) {
            return activations[l];
        }

        /** Rows of the last forward pass. */
        public int rows() {
            return rows;
        }
    }

    /**
     * Runs n rows through the network into the pass's buffers.
     *
     * @param x [n, inputs()] row-major
     * @throws IllegalArgumentException if n exceeds the pass's capacity or x is too short
     */
    public void forward(float[] x, int n, Pass pass) {
        Checks.requireArgument(n >= 1 && n <= pass.capacity, "Mlp.forward: %d rows for a pass of capacity %d", n,
                pass.capacity);
        Checks.requireArgument(x.length >= n * sizes[0], "Mlp.forward: %d inputs for %d rows of %d", x.length, n,
                sizes[0]);
        Kernels k = Kernels.get();
        pass.rows = n;
        System.arraycopy(x, 0, pass.activations[0], 0, n * sizes[0]);
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            float[] a = pass.activations[l];
            k.gemmDoubleSum(pass.activations[l - 1], 0, parameters, weightAt[l], parameters, biasAt[l], a, 0, n, in, out);
            int count = n * out;
            if (l < last) {
                k.map(Unary.RELU, 0f, a, a, count);                      // max(z, 0): NaN stays NaN, divergence shows
            } else {
                System.arraycopy(a, 0, pass.logits, 0, count);
                for (int i = 0; i < count; i++) {
                    double z = a[i];
                    a[i] = (float) (output == Output.TANH ? Math.tanh(z) : 1 / (1 + Math.exp(-z)));
                }
            }
        }
    }

    /**
     * Back-propagates from the gradient of a loss with respect to the output layer's pre-activations
     * (dL/dz, [rows, outputs()]) through the last forward pass: per layer dL/dW = xᵀ·δ, dL/db = Σ_rows δ and
     * δ below = δ·Wᵀ (masked by ReLU), each sum in double, rounded to float once.
     *
     * @param gradients  receives dL/dθ, layer-major like the parameters (overwritten), or null to skip
     * @param inputGrads receives dL/dx, [rows, inputs()] (overwritten), or null to skip
     */
    public void backward(Pass pass, float[] outputDelta, float[] gradients, float[] inputGrads) {
        Kernels k = Kernels.get();
        int n = pass.rows;
        int last = sizes.length - 1;
        System.arraycopy(outputDelta, 0, pass.deltas[last], 0, n * sizes[last]);
        if (gradients != null) {
            Checks.requireArgument(gradients.length == parameters.length, "Mlp.backward: %d gradients for %d parameters",
                    gradients.length, parameters.length);
        }
        for (int l = last; l >= 1; l--) {
            int in = sizes[l - 1];
            int out = sizes[l];
            float[] delta = pass.deltas[l];
            if (gradients != null) {
                k.gemmDoubleSum(pass.activations[l - 1], 0, true, delta, 0, false, null, 0, gradients, weightAt[l], in,
                        n, out);                                                                     // xᵀ·δ
                k.gemmDoubleSum(pass.ones, 0, delta, 0, null, 0, gradients, biasAt[l], 1, n, out);  // Σ_rows δ
            }
            if (l == 1) {                                               // the input layer: dL/dx unmasked
                if (inputGrads != null) {
                    k.gemmDoubleSum(delta, 0, false, parameters, weightAt[l], true, null, 0, inputGrads, 0, n, out, in);
                }
                break;
            }
            k.gemmDoubleSum(delta, 0, false, parameters, weightAt[l], true, null, 0, pass.product, 0, n, out, in);  // δ·Wᵀ
            float[] below = pass.deltas[l - 1];
            float[] a = pass.activations[l - 1];
            Arrays.fill(below, 0, n * in, 0f);
            // ReLU: no gradient where it was off, as a select (a branch on each activation's sign mispredicts often)
            k.mapGrad(Unary.RELU, 0f, a, a, pass.product, below, n * in);
        }
    }
}
