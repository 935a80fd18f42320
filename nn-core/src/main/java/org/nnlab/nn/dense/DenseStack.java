package org.nnlab.nn.dense;

import java.util.Arrays;

import org.nnlab.core.Checks;
import org.nnlab.core.Rng;
import org.nnlab.core.internal.kernel.Binary;
import org.nnlab.core.internal.kernel.Kernels;
import org.nnlab.core.internal.kernel.ScalarKernels;
import org.nnlab.core.internal.kernel.Unary;
import org.nnlab.nn.AbstractOptimizer;
import org.nnlab.nn.Activation;

/**
 * A fully connected network, layer sizes [inputs, hidden..., outputs], whose layers are fused: each runs as
 * one matrix product with the bias and then its activation in one pass, on buffers that are reused
 * ({@link Workspace}), forward for a whole batch or grid in one call, backward to the parameters and to the
 * inputs. Built for small networks (GAN Lab's are 2 to 10 wide), where per-operation overhead, not arithmetic,
 * is the cost; {@link org.nnlab.nn.Sequential} of {@link org.nnlab.nn.Linear} layers computes the same
 * function through autodiff.
 *
 * <p>Arithmetic: every value is stored in float32, and every sum (each z = b + Σ x·w, each weight gradient
 * Σ_rows x·δ, each bias gradient Σ_rows δ, each back-propagated Σ_j δ·w) is accumulated in double in one fixed
 * order ({@link Kernels#gemmDoubleSum}) and rounded to float once, as TensorFlow.js's CPU engine accumulates
 * (GAN Lab's). Products of floats are exact in double, so the result is the same on every kernel, thread
 * count and JIT tier. The output activation is evaluated in double and rounded once: tanh as
 * {@link StrictMath#tanh}, the sigmoid as 1/(1 + e^-z) with {@link StrictMath#exp} (vector lanes run both bit for bit:
 * {@link Kernels#strictTanh}, {@link Kernels#strictSigmoid}); softmax runs on the kernels in float.
 *
 * <p>Two layouts, the same bits. Narrow networks (every layer at most {@link #COLUMN_WIDTH} wide, ReLU or linear
 * hidden layers, no dropout; GAN Lab's) run feature-major: each layer's activations are [size, rows] columns of
 * doubles, so the batch lies along the vector lanes and a layer of 1 or 2 neurons fills them as well as one of 8,
 * and each layer is one fused kernel call ({@link Kernels#denseColumns}: sums, rounding, ReLU). Wider networks
 * run row-major through the packed matrix products. Each sum has the same terms in the same order either way.
 *
 * <p>Parameters live in one array, layer-major as GAN Lab's weight files: per layer l the weight matrix
 * W_l [size(l-1), size(l)] row-major, then the bias b_l [size(l)]. Layer l computes a_l = f(a_{l-1}·W_l + b_l)
 * for rows a_{l-1}, f the hidden activation below the last layer and the output activation at it.
 *
 * <p>Mutable and not thread-safe; a {@link Workspace} belongs to one thread.
 */
public final class DenseStack {
    private final int[] sizes;                       // [inputs, hidden..., outputs]
    private final Activation hidden;
    private final Activation output;
    private final Unary hiddenUnary;                 // null for LINEAR and SWISH
    private final float hiddenAlpha;
    private final boolean keepTotals;                // f'(z) needs z, not only f(z): swish and sine
    private final float[] parameters;
    private final int[] weightAt;
    private final int[] biasAt;
    private final boolean columns;                   // the feature-major layout (see the class comment)

    /** Doubles past the last row of each feature-major array: one vector of the widest shape (512 bits). */
    private static final int SLACK = 8;

    /**
     * The widest layer the feature-major layout takes. Measured on GAN Lab's epoch (GAN Lab's default with both networks
     * widened, AVX-512, one JMH fork each, 2026-12-07): feature-major took 0.66 to 0.74 of the row-major time at
     * 20 neurons (106 to 109 µs against 150 to 160), 0.60 to 0.74 at 24 (136 to 167 against 223 to 225) and 0.95
     * at 32 (202 and 213 against 211 and 223), where the row-major products' register blocking catches up; a frame at
     * 20 took 120 to 130 µs against 151 to 154. (Before the feature-major kernels' register blocks, the crossover lay at
     * 16.) Both layouts give the same bits, so this is a choice of speed only.
     */
    public static final int COLUMN_WIDTH = 32;

    private DenseStack(int[] sizes, Activation hidden, Activation output) {
        this(sizes, hidden, output, (hidden == Activation.RELU || hidden == Activation.LINEAR)
                && Arrays.stream(sizes).max().orElseThrow() <= COLUMN_WIDTH);
    }

    private DenseStack(int[] sizes, Activation hidden, Activation output, boolean columns) {
        this.columns = columns;
        this.sizes = sizes.clone();
        this.hidden = hidden;
        this.output = output;
        this.hiddenUnary = unary(hidden);
        this.hiddenAlpha = alpha(hidden);
        this.keepTotals = hidden == Activation.SWISH || hidden == Activation.SINE;
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
     * A network with these layer sizes and zero parameters.
     *
     * @param sizes  [inputs, hidden..., outputs], at least two; the outputs &gt;= 1, the others &gt;= 0 (a layer of 0
     *               neurons leaves the next one its biases only, as in Playground)
     * @param hidden the hidden layers' activation: any but SOFTMAX
     * @param output the output layer's: LINEAR, TANH, SIGMOID or SOFTMAX (over each row's outputs)
     * @throws IllegalArgumentException for fewer than two sizes, a negative size or no output, a softmax hidden activation,
     *                                  or a parameter count beyond an array's
     */
    public static DenseStack of(int[] sizes, Activation hidden, Activation output) {
        Checks.requireArgument(sizes.length >= 2, "DenseStack: needs at least an input and an output size, got %s",
                Arrays.toString(sizes));
        long count = 0;
        for (int l = 0; l < sizes.length; l++) {
            Checks.requireArgument(sizes[l] >= (l == sizes.length - 1 ? 1 : 0),
                    "DenseStack: layer sizes must be >= 0 and the output >= 1, got %s", Arrays.toString(sizes));
            count += l == 0 ? 0 : ((long) sizes[l - 1] + 1) * sizes[l];
        }
        Checks.requireArgument(count <= Integer.MAX_VALUE - 8, "DenseStack: sizes %s need %d parameters, more than an array holds",
                Arrays.toString(sizes), count);
        Checks.requireArgument(hidden != Activation.SOFTMAX, "DenseStack: softmax is an output activation, not a hidden one");
        Checks.requireArgument(output == Activation.LINEAR || output == Activation.TANH || output == Activation.SIGMOID
                || output == Activation.SOFTMAX, "DenseStack: the output activation must be linear, tanh, sigmoid or softmax, got %s",
                output.label());
        return new DenseStack(sizes, hidden, output);
    }

    private static Unary unary(Activation f) {
        return switch (f) {
            case LINEAR, SOFTMAX, SWISH -> null;
            case RELU -> Unary.RELU;
            case TANH -> Unary.TANH;
            case SIGMOID -> Unary.SIGMOID;
            case LEAKY_RELU -> Unary.LEAKY_RELU;
            case ELU -> Unary.ELU;
            case SINE -> Unary.SIN;
        };
    }

    private static float alpha(Activation f) {
        return switch (f) {
            case LEAKY_RELU -> (float) Activation.LEAKY_RELU_SLOPE;
            case ELU -> 1f;
            default -> 0f;
        };
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

    /** The hidden layers' activation. */
    public Activation hidden() {
        return hidden;
    }

    /** The output layer's activation. */
    public Activation output() {
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
        Checks.requireArgument(values.length == parameters.length, "DenseStack.setParameters: %d values for %d parameters",
                values.length, parameters.length);
        System.arraycopy(values, 0, parameters, 0, values.length);
    }

    /**
     * Applies one optimizer step to the parameters in place.
     *
     * @param optimizer  an optimizer made over an array of {@link #parameterCount()} values
     * @param gradients  dL/dθ, layer-major as the parameters (from {@link #backward})
     * @throws IllegalArgumentException if a length differs
     */
    public void step(AbstractOptimizer optimizer, float[] gradients) {
        optimizer.step(parameters, gradients);
    }

    /** Whether every parameter is finite. */
    public boolean isFinite() {
        double sum = 0;                                  // NaN or ±∞ anywhere makes the sum non-finite
        for (float w : parameters) {
            sum += w;
        }
        return Double.isFinite(sum);                     // floats cannot overflow a double sum of 2³¹ terms
    }

    /** A copy with the same parameters. */
    public DenseStack copy() {
        DenseStack c = new DenseStack(sizes, hidden, output, columns);
        System.arraycopy(parameters, 0, c.parameters, 0, parameters.length);
        return c;
    }

    /** A copy that runs row-major whatever its widths: for the tests that hold the two layouts to the same bits. */
    DenseStack rowMajorCopy() {
        DenseStack c = new DenseStack(sizes, hidden, output, false);
        System.arraycopy(parameters, 0, c.parameters, 0, parameters.length);
        return c;
    }

    /** Whether passes without dropout run feature-major (see the class comment). */
    boolean columnar() {
        return columns;
    }

    /** The outputs for n rows of inputs, [n, outputs()] (a convenience that allocates its buffers). */
    public float[] apply(float[] inputs, int n) {
        Workspace ws = workspace(n);
        forward(inputs, n, ws);
        return Arrays.copyOf(ws.output(), n * outputs());
    }

    /**
     * Buffers for forward and backward passes of up to {@code capacity} rows.
     *
     * @throws IllegalArgumentException if capacity is below 1
     */
    public Workspace workspace(int capacity) {
        return new Workspace(capacity);
    }

    /**
     * Buffers for one forward and backward pass of up to a fixed number of rows: every layer's activations
     * (kept for backward), the deltas and the output layer's pre-activations. Reused from pass to pass.
     */
    public final class Workspace {
        private final int capacity;
        private final float[][] activations;
        private final float[][] deltas;
        private final float[][] totals;                 // hidden layers' z, kept for swish and sine
        private float[][] masks;                         // dropout's 0 or 1/(1 - p) per hidden value, when used
        private float[][] unmasked;                      // the hidden activations before the masks
        private boolean dropped;                         // whether the last pass used masks
        private final float[] logits;
        private final float[] ones;                     // [capacity] ones: a bias gradient is ones·δ
        private final float[] product;                  // δ·Wᵀ before the activation's derivative
        private final double[][] columns;                // the feature-major layout's activations [size(l), rows]
        private final double[][] deltaColumns;           // and its deltas (layer 0: dL/dx)
        private final double[] outputColumns;            // the output activation in double before rounding
        private boolean columnPass;                      // whether the last pass ran feature-major
        private boolean logitsPending;                   // whether logits are still only in the last columns
        private int rows;

        private Workspace(int capacity) {
            Checks.requireArgument(capacity >= 1, "DenseStack.workspace: capacity must be >= 1, got %d", capacity);
            this.capacity = capacity;
            this.activations = new float[sizes.length][];
            this.deltas = new float[sizes.length][];
            this.totals = new float[sizes.length][];
            this.logits = new float[capacity * sizes[sizes.length - 1]];
            for (int l = 0; l < sizes.length; l++) {
                activations[l] = new float[capacity * sizes[l]];
                deltas[l] = new float[capacity * sizes[l]];
                totals[l] = keepTotals && l > 0 && l < sizes.length - 1 ? new float[capacity * sizes[l]] : null;
            }
            this.ones = new float[capacity];
            Arrays.fill(ones, 1f);
            this.product = new float[capacity * Arrays.stream(sizes).max().orElseThrow()];
            if (DenseStack.this.columns) {
                this.columns = new double[sizes.length][];
                this.deltaColumns = new double[sizes.length][];
                for (int l = 0; l < sizes.length; l++) {                 // a vector's slack past the last row: the
                    columns[l] = new double[capacity * sizes[l] + SLACK];  // kernels' last vector of rows stays inside
                    deltaColumns[l] = new double[capacity * sizes[l] + SLACK];
                }
                this.outputColumns = new double[capacity * sizes[sizes.length - 1] + SLACK];
            } else {
                this.columns = null;
                this.deltaColumns = null;
                this.outputColumns = null;
            }
        }

        /** The last forward pass's outputs, [rows, outputs()] from index 0 (live, overwritten by the next pass). */
        public float[] output() {
            return activations[sizes.length - 1];
        }

        /** The output layer's pre-activations z of the last forward pass, [rows, outputs()] (live). */
        public float[] logits() {
            if (logitsPending) {
                rowsOf(columns[sizes.length - 1], sizes[sizes.length - 1], rows, logits);
                logitsPending = false;
            }
            return logits;
        }

        /**
         * Layer l's activations of the last forward pass, [rows, size(l)] row-major (a copy for a hidden layer of a
         * feature-major pass, live otherwise); 0 is the input.
         */
        public float[] activations(int l) {
            if (columnPass && l > 0 && l < sizes.length - 1) {
                float[] a = new float[rows * sizes[l]];
                rowsOf(columns[l], sizes[l], rows, a);
                return a;
            }
            return activations[l];
        }

        /** Rows of the last forward pass. */
        public int rows() {
            return rows;
        }

        /** The most rows a pass may hold. */
        public int capacity() {
            return capacity;
        }

        private DenseStack owner() {
            return DenseStack.this;
        }
    }

    /**
     * Runs n rows through the network into the workspace's buffers.
     *
     * @param x  [n, inputs()] row-major
     * @param ws a workspace of this network with capacity &gt;= n
     * @throws IllegalArgumentException if n is outside 1..capacity, x is too short or ws is another network's
     */
    public void forward(float[] x, int n, Workspace ws) {
        forward(x, n, ws, 0, null);
    }

    /**
     * A training pass with inverted dropout (Srivastava et al., JMLR 2014) on the hidden layers: each hidden value
     * is dropped (0) with probability p, the others scaled by 1/(1 − p), one {@code rng.nextDouble()} per value,
     * layer by layer, row by row, neuron by neuron; {@link #backward} then follows the same masks. With p = 0 it
     * is {@link #forward(float[], int, Workspace)} and draws nothing.
     *
     * @throws IllegalArgumentException as the plain forward pass, or if p is outside [0, 1) or rng is null with p &gt; 0
     */
    public void forward(float[] x, int n, Workspace ws, double dropout, Rng rng) {
        if (!(dropout >= 0 && dropout < 1) || (dropout > 0 && rng == null)) {
            throw new IllegalArgumentException(Checks.format(
                    "DenseStack.forward: dropout must be in [0, 1) with a generator when > 0, got %s", dropout));
        }
        // explicit tests, not Checks' varargs: this runs thousands of times a second and must not allocate
        if (ws.owner() != this) {
            throw new IllegalArgumentException("DenseStack.forward: the workspace belongs to another network");
        }
        if (n < 1 || n > ws.capacity) {
            throw new IllegalArgumentException(Checks.format("DenseStack.forward: %d rows for a workspace of capacity %d", n,
                    ws.capacity));
        }
        if (x.length < n * sizes[0]) {
            throw new IllegalArgumentException(Checks.format("DenseStack.forward: %d inputs for %d rows of %d", x.length, n,
                    sizes[0]));
        }
        Kernels k = Kernels.get();
        ws.rows = n;
        ws.dropped = dropout > 0;
        ws.columnPass = columns && dropout == 0;
        ws.logitsPending = false;
        System.arraycopy(x, 0, ws.activations[0], 0, n * sizes[0]);
        if (ws.columnPass) {
            forwardColumns(k, x, n, ws);
            return;
        }
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            float[] a = ws.activations[l];
            k.gemmDoubleSum(ws.activations[l - 1], 0, parameters, weightAt[l], parameters, biasAt[l], a, 0, n, sizes[l - 1],
                    sizes[l]);
            int count = n * sizes[l];
            if (l < last) {
                if (keepTotals) {
                    System.arraycopy(a, 0, ws.totals[l], 0, count);
                }
                activateHidden(k, a, ws.totals[l], count);
                if (dropout > 0) {
                    drop(ws, l, a, count, dropout, rng);
                }
            } else {
                System.arraycopy(a, 0, ws.logits, 0, count);
                activateOutput(a, n);
            }
        }
    }

    /** The forward pass feature-major: transpose in, one fused call per layer, the output transposed back. */
    private void forwardColumns(Kernels k, float[] x, int n, Workspace ws) {
        int in = sizes[0];
        double[] c0 = ws.columns[0];
        for (int i = 0; i < in; i++) {               // column by column: a long inner loop, not one of `in` steps
            int ci = i * n;
            for (int r = 0; r < n; r++) {
                c0[ci + r] = x[r * in + i];
            }
        }
        int last = sizes.length - 1;
        for (int l = 1; l <= last; l++) {
            k.denseColumns(ws.columns[l - 1], sizes[l - 1], parameters, weightAt[l], biasAt[l], ws.columns[l], sizes[l], n,
                    l < last && hidden == Activation.RELU);
        }
        int out = sizes[last];
        double[] z = ws.columns[last];
        float[] a = ws.activations[last];
        switch (output) {
            case TANH -> {
                k.strictTanh(z, ws.outputColumns, out * n);
                rowsOf(ws.outputColumns, out, n, a);
                ws.logitsPending = true;                 // rounded into rows only if asked for (G's never are)
            }
            case SIGMOID -> {
                k.strictSigmoid(z, ws.outputColumns, out * n);
                rowsOf(ws.outputColumns, out, n, a);
                ws.logitsPending = true;
            }
            case SOFTMAX -> {
                rowsOf(z, out, n, ws.logits);
                k.softmaxRows(ws.logits, a, n, out);
            }
            default -> {
                rowsOf(z, out, n, ws.logits);
                System.arraycopy(ws.logits, 0, a, 0, n * out);
            }
        }
    }

    /** [size, n] columns to [n, size] rows, each value rounded to float. */
    private static void rowsOf(double[] columns, int size, int n, float[] rows) {
        if (size == 1) {                             // a plain copy, which C2 vectorizes: GAN Lab's D
            for (int r = 0; r < n; r++) {
                rows[r] = (float) columns[r];
            }
            return;
        }
        if (size == 2) {                             // pairs, one row per step: GAN Lab's G
            for (int r = 0; r < n; r++) {
                rows[2 * r] = (float) columns[r];
                rows[2 * r + 1] = (float) columns[n + r];
            }
            return;
        }
        for (int j = 0; j < size; j++) {
            int cj = j * n;
            for (int r = 0; r < n; r++) {
                rows[r * size + j] = (float) columns[cj + r];
            }
        }
    }

    /** Inverted dropout on layer l's activations, keeping the unmasked values and the masks for backward. */
    private static void drop(Workspace ws, int l, float[] a, int count, double p, Rng rng) {
        if (ws.masks == null) {
            ws.masks = new float[ws.activations.length][];
            ws.unmasked = new float[ws.activations.length][];
        }
        if (ws.masks[l] == null) {
            ws.masks[l] = new float[ws.activations[l].length];
            ws.unmasked[l] = new float[ws.activations[l].length];
        }
        float scale = (float) (1 / (1 - p));
        float[] m = ws.masks[l];
        System.arraycopy(a, 0, ws.unmasked[l], 0, count);
        for (int i = 0; i < count; i++) {
            m[i] = rng.nextDouble() < p ? 0f : scale;
            a[i] *= m[i];
        }
    }

    /** The hidden activation in place on a (z in, f(z) out); z is a copy of the totals for swish, else unused. */
    private void activateHidden(Kernels k, float[] a, float[] z, int count) {
        if (hidden == Activation.SWISH) {
            k.map(Unary.SIGMOID, 0f, z, a, count);                  // σ(z), then z·σ(z)
            k.zip(Binary.MUL, z, a, a, count);
        } else if (hiddenUnary != null) {
            k.map(hiddenUnary, hiddenAlpha, a, a, count);            // ReLU keeps a NaN: divergence shows
        }
    }

    /** The output activation: tanh and the sigmoid in double, rounded once; softmax on the kernels. */
    private void activateOutput(float[] a, int n) {
        int count = n * outputs();
        switch (output) {
            case TANH -> {
                for (int i = 0; i < count; i++) {
                    a[i] = (float) StrictMath.tanh(a[i]);
                }
            }
            case SIGMOID -> {
                for (int i = 0; i < count; i++) {
                    a[i] = (float) ScalarKernels.strictSigmoid(a[i]);
                }
            }
            case SOFTMAX -> Kernels.get().softmaxRows(a, a, n, outputs());      // float, the maximum subtracted
            default -> {
            }
        }
    }

    /**
     * Back-propagates from the gradient of a loss with respect to the output layer's pre-activations
     * (dL/dz, [rows, outputs()]; the output activation's derivative is the caller's, as a fused loss gives
     * it) through the last forward pass: per layer dL/dW = xᵀ·δ, dL/db = Σ_rows δ and δ below = (δ·Wᵀ)⊙f'(z),
     * each sum in double, rounded to float once.
     *
     * @param ws          the workspace of the last {@link #forward}
     * @param outputDelta dL/dz at the output, [rows, outputs()]. Not modified.
     * @param gradients   receives dL/dθ, layer-major like the parameters (overwritten), or null to skip
     * @param inputGrads  receives dL/dx, [rows, inputs()] (overwritten), or null to skip
     * @throws IllegalArgumentException if gradients is not {@link #parameterCount()} long, outputDelta or inputGrads is
     *                                  too short for the pass's rows, or ws is another network's
     */
    public void backward(Workspace ws, float[] outputDelta, float[] gradients, float[] inputGrads) {
        if (ws.owner() != this) {
            throw new IllegalArgumentException("DenseStack.backward: the workspace belongs to another network");
        }
        int rows = ws.rows;
        if (outputDelta.length < rows * outputs()) {
            throw new IllegalArgumentException(Checks.format("DenseStack.backward: %d output deltas for %d rows of %d",
                    outputDelta.length, rows, outputs()));
        }
        if (gradients != null && gradients.length != parameters.length) {
            throw new IllegalArgumentException(Checks.format("DenseStack.backward: %d gradients for %d parameters",
                    gradients.length, parameters.length));
        }
        if (inputGrads != null && inputGrads.length < rows * inputs()) {
            throw new IllegalArgumentException(Checks.format("DenseStack.backward: %d input gradients for %d rows of %d",
                    inputGrads.length, rows, inputs()));
        }
        Kernels k = Kernels.get();
        int n = ws.rows;
        int last = sizes.length - 1;
        if (ws.columnPass) {
            backwardColumns(k, ws, outputDelta, gradients, inputGrads);
            return;
        }
        System.arraycopy(outputDelta, 0, ws.deltas[last], 0, n * sizes[last]);
        for (int l = last; l >= 1; l--) {
            int in = sizes[l - 1];
            int out = sizes[l];
            float[] delta = ws.deltas[l];
            if (gradients != null) {
                k.gemmDoubleSum(ws.activations[l - 1], 0, true, delta, 0, false, null, 0, gradients, weightAt[l], in,
                        n, out);                                                                     // xᵀ·δ
                k.gemmDoubleSum(ws.ones, 0, delta, 0, null, 0, gradients, biasAt[l], 1, n, out);    // Σ_rows δ
            }
            if (l == 1) {                                               // the input layer: dL/dx, no activation
                if (inputGrads != null) {
                    k.gemmDoubleSum(delta, 0, false, parameters, weightAt[l], true, null, 0, inputGrads, 0, n, out, in);
                }
                break;
            }
            float[] below = ws.deltas[l - 1];
            float[] a = ws.dropped ? ws.unmasked[l - 1] : ws.activations[l - 1];     // f'(z) from the unmasked f(z)
            if (hidden == Activation.LINEAR) {
                k.gemmDoubleSum(delta, 0, false, parameters, weightAt[l], true, null, 0, below, 0, n, out, in);
                if (ws.dropped) {
                    k.zip(Binary.MUL, below, ws.masks[l - 1], below, n * in);
                }
                continue;
            }
            k.gemmDoubleSum(delta, 0, false, parameters, weightAt[l], true, null, 0, ws.product, 0, n, out, in);  // δ·Wᵀ
            if (ws.dropped) {
                k.zip(Binary.MUL, ws.product, ws.masks[l - 1], ws.product, n * in);   // a dropped value passes nothing
            }
            Arrays.fill(below, 0, n * in, 0f);
            if (keepTotals) {
                derivativeFromTotals(k, ws.totals[l - 1], a, ws.product, below, n * in);
                continue;
            }
            // f'(z) from the outputs alone (ReLU's and leaky ReLU's sign, tanh's 1 - y², ELU's y + α): as a select,
            // since a branch on each activation's sign mispredicts often
            k.mapGrad(hiddenUnary, hiddenAlpha, a, a, ws.product, below, n * in);
        }
    }

    /** {@link #backward} feature-major: per layer one call for the gradients and one for the deltas below. */
    private void backwardColumns(Kernels k, Workspace ws, float[] outputDelta, float[] gradients, float[] inputGrads) {
        int n = ws.rows;
        int last = sizes.length - 1;
        int outs = sizes[last];
        double[] top = ws.deltaColumns[last];
        for (int j = 0; j < outs; j++) {
            int tj = j * n;
            for (int r = 0; r < n; r++) {
                top[tj + r] = outputDelta[r * outs + j];
            }
        }
        for (int l = last; l >= 1; l--) {
            int in = sizes[l - 1];
            int out = sizes[l];
            if (gradients != null) {
                k.denseColumnsGradients(ws.columns[l - 1], in, ws.deltaColumns[l], out, n, gradients, weightAt[l], biasAt[l]);
            }
            if (l == 1) {                                               // the input layer: dL/dx, no activation
                if (inputGrads != null) {
                    k.denseColumnsBack(ws.deltaColumns[1], out, parameters, weightAt[1], null, ws.deltaColumns[0], in, n);
                    rowsOf(ws.deltaColumns[0], in, n, inputGrads);
                }
                break;
            }
            k.denseColumnsBack(ws.deltaColumns[l], out, parameters, weightAt[l],
                    hidden == Activation.RELU ? ws.columns[l - 1] : null, ws.deltaColumns[l - 1], in, n);
        }
    }

    /** below += g ⊙ f'(z) for swish, s + y·(1 − s) with s = σ(z), and sine, cos z. */
    private void derivativeFromTotals(Kernels k, float[] z, float[] y, float[] g, float[] below, int count) {
        if (hidden == Activation.SINE) {
            k.mapGrad(Unary.SIN, 0f, z, y, g, below, count);
            return;
        }
        for (int i = 0; i < count; i++) {
            float s = Unary.SIGMOID.apply(z[i], 0f);
            below[i] += g[i] * (s + y[i] * (1 - s));
        }
    }

    /**
     * Every neuron of the network over a grid (or any set) of points, for heatmaps: one evaluation per layer on
     * neuron-major rows, in float32. Layer l's totals start at its biases and add Σ_i w·x as one fma chain in
     * input order ({@link Kernels#gemm}, the same bits on every kernel), then the activation runs on the
     * kernels (tanh and the sigmoid in float, unlike {@link #forward}'s double output; softmax per point).
     *
     * @param inputs the points feature-major, [inputs(), points]: row i holds input i of every point. Not modified.
     * @param points the number of points, &gt;= 1
     * @param width  points per grid row, a divisor of points (for {@link NeuronGrids#value(int, int, int, int)})
     * @throws IllegalArgumentException if inputs is too short, points is below 1 or width does not divide it
     */
    public NeuronGrids neurons(float[] inputs, int points, int width) {
        Checks.requireArgument(points >= 1 && width >= 1 && points % width == 0,
                "DenseStack.neurons: %d points in rows of %d; points must be >= 1 and a multiple of the width", points, width);
        Checks.requireArgument(inputs.length >= (long) sizes[0] * points, "DenseStack.neurons: %d inputs for %d points of %d",
                inputs.length, points, sizes[0]);
        Kernels k = Kernels.get();
        int last = sizes.length - 1;
        float[][] layers = new float[sizes.length][];
        layers[0] = new float[0];
        float[] h = inputs;                                             // [size(l-1), points]
        for (int l = 1; l <= last; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            float[] z = new float[Math.multiplyExact(out, points)];
            for (int d = 0; d < out; d++) {
                Arrays.fill(z, d * points, (d + 1) * points, parameters[biasAt[l] + d]);
            }
            float[] wT = new float[out * in];                             // Wᵀ [out, in]: gemm's fast path for
            for (int i = 0; i < in; i++) {                                // a few rows times long ones
                for (int d = 0; d < out; d++) {
                    wT[d * in + i] = parameters[weightAt[l] + i * out + d];
                }
            }
            k.gemm(wT, 0, h, 0, z, 0, out, in, points);                   // z += Wᵀ·H
            if (l < last) {
                float[] a = hidden == Activation.SWISH ? new float[z.length] : z;    // swish reads z while writing a
                activateHidden(k, a, z, a.length);
                layers[l] = a;
            } else {
                switch (output) {
                    case TANH -> k.map(Unary.TANH, 0f, z, z, z.length);
                    case SIGMOID -> k.map(Unary.SIGMOID, 0f, z, z, z.length);
                    case SOFTMAX -> softmaxColumns(z, out, points);
                    default -> {
                    }
                }
                layers[l] = z;
            }
            h = layers[l];
        }
        return new NeuronGrids(layers, points, width);
    }

    /** Softmax over the n rows of [n, points], per point (column), in float with the maximum subtracted. */
    private static void softmaxColumns(float[] v, int n, int points) {
        for (int p = 0; p < points; p++) {
            float max = Float.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                max = Math.max(max, v[c * points + p]);
            }
            float sum = 0;
            for (int c = 0; c < n; c++) {
                float e = (float) Math.exp(v[c * points + p] - max);
                v[c * points + p] = e;
                sum += e;
            }
            for (int c = 0; c < n; c++) {
                v[c * points + p] /= sum;
            }
        }
    }

    /** The layer sizes joined by dashes, as {@code 2-8-8-1}. */
    public String shape() {
        StringBuilder b = new StringBuilder();
        for (int l = 0; l < sizes.length; l++) {
            b.append(l == 0 ? "" : "-").append(sizes[l]);
        }
        return b.toString();
    }

    @Override
    public String toString() {
        return "DenseStack[" + shape() + ", " + hidden.label() + ", " + output.label() + "]";
    }
}
