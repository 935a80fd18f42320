package org.nnlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.Gradients;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.core.check.GradCheck;
import org.nnlab.nn.dense.DenseStack;
import org.nnlab.nn.dense.NeuronGrids;
import org.nnlab.playground.PlaygroundActivation;
import org.nnlab.playground.PlaygroundNetwork;
import org.nnlab.playground.Regularization;
import org.nnlab.playground.SeedRandom;

/**
 * The contract every network engine passes (after EJML's generic test suites): on the same parameters, in
 * the dense stack's layout, each computes the output layer's totals z and, for the scalar L = Σ u ⊙ z with
 * a random cotangent u, dL/dθ and dL/dx. The oracle is a plain double-precision restatement of the layer
 * formulas, itself checked against central differences; the engines are {@link DenseStack} (fused, float32
 * storage, double sums), {@link Sequential} of {@link Linear} layers (autodiff, float32; checked by
 * {@link GradCheck} as well) and Playground's exact engine ({@link PlaygroundNetwork}, double, one output
 * node, gradients read back from one update).
 */
class EngineContractTest {

    /** A network engine under the contract. */
    interface Engine {
        /** Whether this engine can run the network. */
        boolean supports(int[] sizes, Activation hidden);

        /** z, dL/dθ (dense-stack layout) and dL/dx (null when the engine does not expose it). */
        Result run(int[] sizes, Activation hidden, float[] params, float[] x, int n, float[] u);
    }

    record Result(double[] z, double[] paramGrad, double[] inputGrad) {
    }

    static final Engine DENSE = new Engine() {
        @Override
        public boolean supports(int[] sizes, Activation hidden) {
            return true;
        }

        @Override
        public Result run(int[] sizes, Activation hidden, float[] params, float[] x, int n, float[] u) {
            DenseStack net = DenseStack.of(sizes, hidden, Activation.LINEAR);
            net.setParameters(params);
            DenseStack.Workspace ws = net.workspace(n);
            net.forward(x, n, ws);
            float[] g = new float[net.parameterCount()];
            float[] gx = new float[n * sizes[0]];
            net.backward(ws, u, g, gx);
            return new Result(doubles(ws.logits(), n * net.outputs()), doubles(g, g.length), doubles(gx, gx.length));
        }

        @Override
        public String toString() {
            return "DenseStack";
        }
    };

    static final Engine SEQUENTIAL = new Engine() {
        @Override
        public boolean supports(int[] sizes, Activation hidden) {
            return java.util.Arrays.stream(sizes).allMatch(size -> size >= 1);      // Linear needs a width
        }

        @Override
        public Result run(int[] sizes, Activation hidden, float[] params, float[] x, int n, float[] u) {
            Sequential model = sequential(sizes, hidden, params);
            Tensor input = Tensor.of(x.clone(), n, sizes[0]).trainable();
            Tensor z = model.forward(input);
            List<Tensor> wrt = new ArrayList<>(model.parameters());
            wrt.add(input);
            Gradients g = z.mul(Tensor.of(u.clone(), n, sizes[sizes.length - 1])).sum().gradients(wrt);
            double[] pg = new double[params.length];
            int at = 0;
            for (Tensor p : model.parameters()) {
                float[] v = g.get(p).array();
                for (float f : v) {
                    pg[at++] = f;
                }
            }
            return new Result(doubles(z.array(), z.size()), pg, doubles(g.get(input).array(), input.size()));
        }

        @Override
        public String toString() {
            return "Sequential";
        }
    };

    static final Engine PLAYGROUND = new Engine() {
        @Override
        public boolean supports(int[] sizes, Activation hidden) {
            return sizes[sizes.length - 1] == 1 && playground(hidden) != null;
        }

        @Override
        public Result run(int[] sizes, Activation hidden, float[] params, float[] x, int n, float[] u) {
            int[] hiddenSizes = java.util.Arrays.copyOfRange(sizes, 1, sizes.length - 1);
            PlaygroundNetwork net = PlaygroundNetwork.build(sizes[0], hiddenSizes, playground(hidden),
                    PlaygroundActivation.LINEAR, SeedRandom.of("contract"), false);
            DenseStack layout = DenseStack.of(sizes, hidden, Activation.LINEAR);
            for (int l = 1; l < sizes.length; l++) {
                for (int d = 0; d < sizes[l]; d++) {
                    net.setBias(l, d, params[layout.biasOffset(l) + d]);
                    for (int s = 0; s < sizes[l - 1]; s++) {
                        net.setWeight(l, d, s, params[layout.weightOffset(l) + s * sizes[l] + d]);
                    }
                }
            }
            double[] z = new double[n];
            for (int e = 0; e < n; e++) {
                double[] in = new double[sizes[0]];
                for (int i = 0; i < in.length; i++) {
                    in[i] = x[e * sizes[0] + i];
                }
                z[e] = net.forward(in);
                net.backward(z[e] - u[e]);                 // square error's dE/dz = z - target = u_e
            }
            double[] before = flatten(net, sizes, layout);
            net.update(1, Regularization.NONE, 0);           // w ← w − (1/n)·Σ_e dE_e/dw
            double[] after = flatten(net, sizes, layout);
            double[] pg = new double[before.length];
            for (int i = 0; i < pg.length; i++) {
                pg[i] = (before[i] - after[i]) * n;
            }
            return new Result(z, pg, null);
        }

        @Override
        public String toString() {
            return "PlaygroundNetwork";
        }
    };

    static PlaygroundActivation playground(Activation f) {
        return switch (f) {
            case LINEAR -> PlaygroundActivation.LINEAR;
            case RELU -> PlaygroundActivation.RELU;
            case TANH -> PlaygroundActivation.TANH;
            case SIGMOID -> PlaygroundActivation.SIGMOID;
            case LEAKY_RELU -> PlaygroundActivation.LEAKY_RELU;
            case ELU -> PlaygroundActivation.ELU;
            case SWISH -> PlaygroundActivation.SWISH;
            case SINE -> PlaygroundActivation.SINE;
            case SOFTMAX -> null;
        };
    }

    static double[] flatten(PlaygroundNetwork net, int[] sizes, DenseStack layout) {
        double[] p = new double[layout.parameterCount()];
        for (int l = 1; l < sizes.length; l++) {
            for (int d = 0; d < sizes[l]; d++) {
                p[layout.biasOffset(l) + d] = net.bias(l, d);
                for (int s = 0; s < sizes[l - 1]; s++) {
                    p[layout.weightOffset(l) + s * sizes[l] + d] = net.weight(l, d, s);
                }
            }
        }
        return p;
    }

    static Sequential sequential(int[] sizes, Activation hidden, float[] params) {
        List<Layer> layers = new ArrayList<>();
        DenseStack layout = DenseStack.of(sizes, hidden, Activation.LINEAR);
        Rng rng = Rng.seeded(1);
        for (int l = 1; l < sizes.length; l++) {
            Linear linear = Linear.of(sizes[l - 1], sizes[l], rng);
            System.arraycopy(params, layout.weightOffset(l), linear.weight().array(), 0, sizes[l - 1] * sizes[l]);
            System.arraycopy(params, layout.biasOffset(l), linear.bias().array(), 0, sizes[l]);
            layers.add(linear);
            if (l < sizes.length - 1 && hidden != Activation.LINEAR) {
                layers.add(ActivationLayer.of(hidden));
            }
        }
        return Sequential.of(layers.toArray(new Layer[0]));
    }

    // ------------------------------------------------------------------ the oracle

    /** f(z) in double. */
    static double f(Activation a, double z) {
        return switch (a) {
            case LINEAR -> z;
            case RELU -> Math.max(z, 0);
            case TANH -> Math.tanh(z);
            case SIGMOID -> 1 / (1 + Math.exp(-z));
            case LEAKY_RELU -> z > 0 ? z : Activation.LEAKY_RELU_SLOPE * z;
            case ELU -> z > 0 ? z : Math.expm1(z);
            case SWISH -> z / (1 + Math.exp(-z));
            case SINE -> Math.sin(z);
            case SOFTMAX -> throw new AssertionError();
        };
    }

    static double fPrime(Activation a, double z) {
        return switch (a) {
            case LINEAR -> 1;
            case RELU -> z > 0 ? 1 : 0;
            case TANH -> 1 - Math.tanh(z) * Math.tanh(z);
            case SIGMOID -> f(a, z) * (1 - f(a, z));
            case LEAKY_RELU -> z > 0 ? 1 : Activation.LEAKY_RELU_SLOPE;
            case ELU -> z > 0 ? 1 : Math.exp(z);
            case SWISH -> f(Activation.SIGMOID, z) * (1 + z * (1 - f(Activation.SIGMOID, z)));
            case SINE -> Math.cos(z);
            case SOFTMAX -> throw new AssertionError();
        };
    }

    /** The layer formulas in double: z_l = a_{l-1}·W_l + b_l, a_l = f(z_l), the last layer's z returned. */
    static double[][] reference(int[] sizes, Activation hidden, double[] p, double[] x, int n) {
        DenseStack layout = DenseStack.of(sizes, hidden, Activation.LINEAR);
        int last = sizes.length - 1;
        double[][] z = new double[sizes.length][];
        double[][] a = new double[sizes.length][];
        a[0] = x;
        for (int l = 1; l <= last; l++) {
            int in = sizes[l - 1];
            int out = sizes[l];
            z[l] = new double[n * out];
            a[l] = new double[n * out];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < out; j++) {
                    double s = p[layout.biasOffset(l) + j];
                    for (int i = 0; i < in; i++) {
                        s += a[l - 1][r * in + i] * p[layout.weightOffset(l) + i * out + j];
                    }
                    z[l][r * out + j] = s;
                    a[l][r * out + j] = l < last ? f(hidden, s) : s;
                }
            }
        }
        double[][] out = new double[2 * sizes.length][];
        System.arraycopy(z, 0, out, 0, sizes.length);
        System.arraycopy(a, 0, out, sizes.length, sizes.length);
        return out;
    }

    /** Reverse mode by hand in double: dL/dθ and dL/dx for L = Σ u ⊙ z_last. */
    static double[][] referenceGradients(int[] sizes, Activation hidden, double[] p, double[] x, int n, double[] u) {
        DenseStack layout = DenseStack.of(sizes, hidden, Activation.LINEAR);
        double[][] za = reference(sizes, hidden, p, x, n);
        int last = sizes.length - 1;
        double[] gp = new double[p.length];
        double[] delta = u.clone();
        for (int l = last; l >= 1; l--) {
            int in = sizes[l - 1];
            int out = sizes[l];
            double[] below = new double[n * in];
            for (int r = 0; r < n; r++) {
                for (int j = 0; j < out; j++) {
                    double d = delta[r * out + j];
                    gp[layout.biasOffset(l) + j] += d;
                    for (int i = 0; i < in; i++) {
                        gp[layout.weightOffset(l) + i * out + j] += za[sizes.length + l - 1][r * in + i] * d;
                        below[r * in + i] += d * p[layout.weightOffset(l) + i * out + j];
                    }
                }
            }
            if (l > 1) {
                for (int k = 0; k < below.length; k++) {
                    below[k] *= fPrime(hidden, za[l - 1][k]);
                }
            }
            delta = below;
        }
        return new double[][] {gp, delta};
    }

    // ------------------------------------------------------------------ the cases

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        // {2, 0, 3, 1}: a layer of no neurons leaves the next its biases only, as Playground allows
        int[][] shapes = {{2, 1}, {2, 8, 8, 1}, {3, 5, 2}, {2, 4, 6, 3, 1}, {4, 16, 4}, {2, 0, 3, 1}};
        for (Engine engine : List.of(DENSE, SEQUENTIAL, PLAYGROUND)) {
            for (int[] shape : shapes) {
                for (Activation h : List.of(Activation.RELU, Activation.TANH, Activation.SIGMOID, Activation.LINEAR,
                        Activation.LEAKY_RELU, Activation.ELU, Activation.SWISH, Activation.SINE)) {
                    if (engine.supports(shape, h)) {
                        out.add(Arguments.of(engine, shape, h));
                    }
                }
            }
        }
        return out.stream();
    }

    record Setup(float[] params, float[] x, float[] u, int n) {
    }

    static Setup setup(int[] sizes, long seed) {
        Rng rng = Rng.seeded(seed);
        int count = DenseStack.of(sizes, Activation.LINEAR, Activation.LINEAR).parameterCount();
        float[] p = new float[count];
        for (int i = 0; i < count; i++) {
            p[i] = (float) (0.6 * rng.nextGaussian());
        }
        int n = 7;
        float[] x = new float[n * sizes[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (2 * rng.nextDouble() - 1);
        }
        float[] u = new float[n * sizes[sizes.length - 1]];
        for (int i = 0; i < u.length; i++) {
            u[i] = (float) rng.nextGaussian();
        }
        return new Setup(p, x, u, n);
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void totalsAndGradientsMatchTheDoublePrecisionLayerFormulas(Engine engine, int[] sizes, Activation hidden) {
        Setup s = setup(sizes, 17 + sizes.length * 31L + hidden.ordinal());
        Result r = engine.run(sizes, hidden, s.params(), s.x(), s.n(), s.u());
        double[] p = doubles(s.params(), s.params().length);
        double[] x = doubles(s.x(), s.x().length);
        double[] z = reference(sizes, hidden, p, x, s.n())[sizes.length - 1];
        double[][] g = referenceGradients(sizes, hidden, p, x, s.n(), doubles(s.u(), s.u().length));
        assertClose(engine + " z", r.z(), z);
        assertClose(engine + " dL/dθ", r.paramGrad(), g[0]);
        if (r.inputGrad() != null) {
            assertClose(engine + " dL/dx", r.inputGrad(), g[1]);
        }
    }

    /** The oracle's gradients against central differences in double, so that agreeing with it means something. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void theOracleMatchesCentralDifferences(Engine engine, int[] sizes, Activation hidden) {
        if (engine != DENSE) {
            return;                                        // the oracle is the same for every engine
        }
        Setup s = setup(sizes, 5 + hidden.ordinal());
        double[] p = doubles(s.params(), s.params().length);
        double[] x = doubles(s.x(), s.x().length);
        double[] u = doubles(s.u(), s.u().length);
        double[][] g = referenceGradients(sizes, hidden, p, x, s.n(), u);
        double h = 1e-6;
        for (int i = 0; i < p.length; i++) {
            double keep = p[i];
            p[i] = keep + h;
            double up = dot(u, reference(sizes, hidden, p, x, s.n())[sizes.length - 1]);
            p[i] = keep - h;
            double down = dot(u, reference(sizes, hidden, p, x, s.n())[sizes.length - 1]);
            p[i] = keep;
            assertThat(g[0][i]).as("dL/dθ[%d]", i).isCloseTo((up - down) / (2 * h),
                    org.assertj.core.data.Offset.offset(1e-6 * (1 + Math.abs(g[0][i]))));
        }
    }

    /** Sequential's autodiff against GradCheck's own central differences, on the same network. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void sequentialPassesGradCheck(Engine engine, int[] sizes, Activation hidden) {
        if (engine != SEQUENTIAL || hidden == Activation.RELU || hidden == Activation.LEAKY_RELU) {
            // float32 central differences need a step of about 1e-2, which crosses ReLU's kink inside deep
            // networks; ReLU's gradients are held to the oracle, whose double differences use 1e-6
            return;
        }
        Setup s = setup(sizes, 3 + hidden.ordinal());
        Sequential model = sequential(sizes, hidden, s.params());
        Tensor x = Tensor.of(s.x(), s.n(), sizes[0]);
        List<Tensor> leaves = new ArrayList<>(model.parameters());
        Tensor input = x.trainable();
        leaves.add(input);
        GradCheck.ofLeaves(() -> model.forward(input), leaves).check().assertPassed();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void theDenseStackOutputActivationsAreTheirClosedForms(Engine engine, int[] sizes, Activation hidden) {
        if (engine != DENSE || sizes[sizes.length - 1] < 2) {
            return;
        }
        Setup s = setup(sizes, 11);
        double[] z = reference(sizes, hidden, doubles(s.params(), s.params().length), doubles(s.x(), s.x().length),
                s.n())[sizes.length - 1];
        int out = sizes[sizes.length - 1];
        for (Activation o : List.of(Activation.TANH, Activation.SIGMOID, Activation.SOFTMAX)) {
            DenseStack net = DenseStack.of(sizes, hidden, o);
            net.setParameters(s.params());
            float[] y = net.apply(s.x(), s.n());
            for (int r = 0; r < s.n(); r++) {
                double max = Double.NEGATIVE_INFINITY;
                double sum = 0;
                for (int j = 0; j < out; j++) {
                    max = Math.max(max, z[r * out + j]);
                }
                for (int j = 0; j < out; j++) {
                    sum += Math.exp(z[r * out + j] - max);
                }
                for (int j = 0; j < out; j++) {
                    double zj = z[r * out + j];
                    double expected = o == Activation.SOFTMAX ? Math.exp(zj - max) / sum : f(o, zj);
                    assertThat((double) y[r * out + j]).as("%s row %d output %d", o, r, j)
                            .isCloseTo(expected, org.assertj.core.data.Offset.offset(2e-6));
                }
            }
        }
    }

    /** The grid evaluation for heatmaps: every neuron of the forward pass, points in columns. */
    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void theGridEvaluationIsEveryNeuronOfTheForwardPass(Engine engine, int[] sizes, Activation hidden) {
        if (engine != DENSE) {
            return;
        }
        Setup s = setup(sizes, 23 + hidden.ordinal());
        int n = s.n();
        float[] featureMajor = new float[sizes[0] * n];
        for (int r = 0; r < n; r++) {
            for (int i = 0; i < sizes[0]; i++) {
                featureMajor[i * n + r] = s.x()[r * sizes[0] + i];
            }
        }
        DenseStack net = DenseStack.of(sizes, hidden, Activation.LINEAR);
        net.setParameters(s.params());
        NeuronGrids grids = net.neurons(featureMajor, n, n);
        double[][] za = reference(sizes, hidden, doubles(s.params(), s.params().length), doubles(s.x(), s.x().length), n);
        for (int l = 1; l < sizes.length; l++) {
            assertThat(grids.size(l)).isEqualTo(sizes[l]);
            for (int d = 0; d < sizes[l]; d++) {
                float[] grid = grids.grid(l, d);
                for (int r = 0; r < n; r++) {
                    double expected = za[sizes.length + l][r * sizes[l] + d];
                    assertThat(Math.abs(grid[r] - expected)).as("layer %d neuron %d point %d", l, d, r)
                            .isLessThanOrEqualTo(1e-5 * (1 + Math.abs(expected)));
                }
            }
        }
        assertThatThrownBy(() -> net.neurons(featureMajor, n, 2))
                .hasMessage("DenseStack.neurons: 7 points in rows of 2; points must be >= 1 and a multiple of the width");
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("cases")
    void theDenseStackRefusesWhatItCannotRun(Engine engine, int[] sizes, Activation hidden) {
        if (engine != DENSE || sizes.length != 2) {
            return;
        }
        DenseStack net = DenseStack.of(sizes, hidden, Activation.LINEAR);
        DenseStack other = DenseStack.of(sizes, hidden, Activation.LINEAR);
        assertThatThrownBy(() -> net.forward(new float[8], 2, other.workspace(2)))
                .hasMessage("DenseStack.forward: the workspace belongs to another network");
        assertThatThrownBy(() -> net.forward(new float[8], 3, net.workspace(2)))
                .hasMessage("DenseStack.forward: 3 rows for a workspace of capacity 2");
        assertThatThrownBy(() -> net.forward(new float[1], 1, net.workspace(2)))
                .hasMessage("DenseStack.forward: 1 inputs for 1 rows of " + sizes[0]);
        assertThatThrownBy(() -> net.setParameters(new float[1]))
                .hasMessage("DenseStack.setParameters: 1 values for " + net.parameterCount() + " parameters");
        assertThatThrownBy(() -> DenseStack.of(new int[] {2, -1, 1}, hidden, Activation.LINEAR))
                .hasMessage("DenseStack: layer sizes must be >= 0 and the output >= 1, got [2, -1, 1]");
        assertThatThrownBy(() -> DenseStack.of(new int[] {2, 3, 0}, hidden, Activation.LINEAR))
                .hasMessage("DenseStack: layer sizes must be >= 0 and the output >= 1, got [2, 3, 0]");
        assertThatThrownBy(() -> DenseStack.of(sizes, Activation.SOFTMAX, Activation.LINEAR))
                .hasMessage("DenseStack: softmax is an output activation, not a hidden one");
        assertThatThrownBy(() -> DenseStack.of(sizes, hidden, Activation.RELU))
                .hasMessage("DenseStack: the output activation must be linear, tanh, sigmoid or softmax, got relu");
    }

    /**
     * Dropout: the gradients of a training pass are those of the masked network, in closed form for
     * [2, 5, 1] with tanh: dL/dW1[s][d] = u·w2[d]·m_d·(1 − tanh²(z_d))·x_s, with the masks replayed from the seed.
     */
    @org.junit.jupiter.api.Test
    void dropoutGradientsAreThoseOfTheMaskedNetwork() {
        int[] sizes = {2, 5, 1};
        Setup s = setup(sizes, 41);
        DenseStack net = DenseStack.of(sizes, Activation.TANH, Activation.LINEAR);
        net.setParameters(s.params());
        DenseStack.Workspace ws = net.workspace(1);
        net.forward(s.x(), 1, ws, 0.4, Rng.seeded(9));
        float[] g = new float[net.parameterCount()];
        net.backward(ws, new float[] {s.u()[0]}, g, null);
        Rng replay = Rng.seeded(9);
        float[] p = s.params();
        double out = p[net.biasOffset(2)];
        int dropped = 0;
        for (int d = 0; d < 5; d++) {
            double m = replay.nextDouble() < 0.4 ? 0 : (float) (1 / 0.6);
            dropped += m == 0 ? 1 : 0;
            double z = p[net.biasOffset(1) + d] + s.x()[0] * p[net.weightOffset(1) + d] + s.x()[1] * p[net.weightOffset(1) + 5 + d];
            double t = Math.tanh(z);
            out += p[net.weightOffset(2) + d] * t * m;
            for (int src = 0; src < 2; src++) {
                double expected = s.u()[0] * p[net.weightOffset(2) + d] * m * (1 - t * t) * s.x()[src];
                assertThat((double) g[net.weightOffset(1) + src * 5 + d]).as("dL/dW1[%d][%d], mask %s", src, d, m)
                        .isCloseTo(expected, org.assertj.core.data.Offset.offset(1e-6));
            }
            assertThat((double) g[net.weightOffset(2) + d]).isCloseTo(s.u()[0] * t * m, org.assertj.core.data.Offset.offset(1e-6));
        }
        assertThat(dropped).as("some of the five dropped, some kept").isBetween(1, 4);
        assertThat((double) ws.output()[0]).isCloseTo(out, org.assertj.core.data.Offset.offset(1e-6));
        assertThatThrownBy(() -> net.forward(s.x(), 1, ws, 1, Rng.seeded(1)))
                .hasMessage("DenseStack.forward: dropout must be in [0, 1) with a generator when > 0, got 1.0");
    }

    // ------------------------------------------------------------------ helpers

    /** |actual − expected| ≤ 1e-5·(1 + |expected|) per entry: float32 storage, double sums. */
    static void assertClose(String what, double[] actual, double[] expected) {
        assertThat(actual).as(what).hasSameSizeAs(expected);
        for (int i = 0; i < actual.length; i++) {
            double tol = 1e-5 * (1 + Math.abs(expected[i]));
            assertThat(Math.abs(actual[i] - expected[i])).as("%s[%d]: %s against %s", what, i, actual[i], expected[i])
                    .isLessThanOrEqualTo(tol);
        }
    }

    static double[] doubles(float[] v, int n) {
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            d[i] = v[i];
        }
        return d;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
