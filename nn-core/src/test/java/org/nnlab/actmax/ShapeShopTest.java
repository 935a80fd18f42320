package org.nnlab.actmax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.core.Shape;
import org.nnlab.core.Tensor;
import org.nnlab.core.check.GradCheck;
import org.nnlab.core.internal.kernel.Kernels;
import org.nnlab.nn.Adadelta;
import org.nnlab.nn.Layer;
import org.nnlab.nn.Sequential;

/**
 * ShapeShop against its spec: every shape's pixel count, the blur kernel and its boundary, the data's
 * noise and split, both models' parameter counts and shapes, Adadelta's step by hand, the clipped loss,
 * the ascent's RMS normalisation and stopping rule, Pearson's closed forms, and the behaviour of whole
 * rounds against the paper's comparison.
 */
class ShapeShopTest {
    private static int ones(float[] img) {
        int n = 0;
        for (float v : img) {
            if (v == 1f) {
                n++;
            } else {
                assertThat(v).isZero();
            }
        }
        return n;
    }

    @Test
    void everyShapeHasItsExactPixelCount() {
        int[] counts = {196, 96, 28, 28, 193, 112, 100, 51, 36, 36, 12, 12, 13, 13, 16, 16};
        Rng rng = Rng.seeded(1);
        for (int i = 0; i < counts.length; i++) {
            ShapeClass s = ShapeClass.values()[i];
            assertThat(ones(s.draw(rng))).as(s.uiName()).isEqualTo(counts[i]);
        }
        float[] tri = ShapeClass.TRI.draw(rng);
        assertThat(tri[9 * 28 + 14]).isEqualTo(1f);                         // the apex
        assertThat(tri[9 * 28 + 13]).isZero();
        float[] circle = ShapeClass.CIRCLE.draw(rng);
        assertThat(circle[14 * 28 + 6]).isZero();                            // clipped by the window at col 7
        assertThat(circle[14 * 28 + 7]).isEqualTo(1f);
        assertThat(ShapeClass.ofName("tri_br")).isEqualTo(ShapeClass.TRI_BR);
        assertThatThrownBy(() -> ShapeClass.ofName("house")).hasMessageContaining("unknown shape \"house\"");
    }

    @Test
    void noiseClassesStayInRangeAndDrawAnew() {
        Rng rng = Rng.seeded(2);
        float[] a = ShapeClass.NOISE.draw(rng);
        float[] b = ShapeClass.NOISE.draw(rng);
        assertThat(a).isNotEqualTo(b);
        for (float v : a) {
            assertThat(v).isGreaterThanOrEqualTo(0f).isLessThan(1f);
        }
        double mean = 0;
        double min = 1;
        double max = 0;
        int n = 0;
        for (int k = 0; k < 50; k++) {
            for (float v : ShapeClass.NOISE_BLUR.draw(rng)) {
                mean += v;
                min = Math.min(min, v);
                max = Math.max(max, v);
                n++;
            }
        }
        assertThat(mean / n).isCloseTo(0.5, within(0.01));                 // spec: mean ≈ 0.50, min ≈ 0.24, max ≈ 0.76
        assertThat(min).isBetween(0.15, 0.35);
        assertThat(max).isBetween(0.65, 0.85);
    }

    @Test
    void blurIsScipysSigmaOneKernelWithReflectedEdges() {
        double[] w = GaussianBlur.weights();
        double[] spec = {0.000134, 0.004432, 0.053991, 0.241971, 0.398943};
        for (int i = 0; i < 5; i++) {
            assertThat(w[i]).isCloseTo(spec[i], within(5e-7));
            assertThat(w[8 - i]).isEqualTo(w[i]);
        }
        // half-sample reflection: ... b a | a b ... ; -1 -> 0, -2 -> 1, 28 -> 27, 29 -> 26
        assertThat(GaussianBlur.reflect(-1, 28)).isZero();
        assertThat(GaussianBlur.reflect(-2, 28)).isEqualTo(1);
        assertThat(GaussianBlur.reflect(28, 28)).isEqualTo(27);
        assertThat(GaussianBlur.reflect(29, 28)).isEqualTo(26);
        // against the direct 2-D sum over the 9 x 9 neighbourhood at a corner pixel
        float[] img = ShapeClass.NOISE.draw(Rng.seeded(3));
        float[] out = GaussianBlur.apply(img, 28, 28);
        double direct = 0;
        for (int dr = -4; dr <= 4; dr++) {
            for (int dc = -4; dc <= 4; dc++) {
                direct += w[dr + 4] * w[dc + 4] * img[GaussianBlur.reflect(1 + dr, 28) * 28 + GaussianBlur.reflect(dc, 28)];
            }
        }
        assertThat((double) out[28]).isCloseTo(direct, within(1e-6));
    }

    @Test
    void theDataSetHasTenNoisyCopiesSplitEightyTwenty() {
        List<ShapeClass> classes = List.of(ShapeClass.BOX, ShapeClass.LINE, ShapeClass.TL);
        ShapeDataset data = ShapeDataset.build(classes, Rng.seeded(4));
        assertThat(data.trainImages().shape()).isEqualTo(Shape.of(24, 1, 28, 28));
        assertThat(data.validationImages().shape()).isEqualTo(Shape.of(6, 1, 28, 28));
        int[] perClass = new int[3];
        for (int l : data.trainLabels()) {
            perClass[l]++;
        }
        for (int l : data.validationLabels()) {
            perClass[l]++;
        }
        assertThat(perClass).containsExactly(10, 10, 10);
        // background in [0, 0.01), shape pixels in [1, 1.01)
        float[] x = data.trainImages().array();
        for (int i = 0; i < 24; i++) {
            float[] clean = classes.get(data.trainLabels()[i]).draw(null);
            for (int p = 0; p < 784; p++) {
                float v = x[i * 784 + p];
                assertThat(v - clean[p]).isGreaterThanOrEqualTo(0f).isLessThan(0.0100001f);
            }
        }
        assertThatThrownBy(() -> ShapeDataset.build(List.of(ShapeClass.BOX), Rng.seeded(1)))
                .hasMessageContaining("at least 2 classes");
    }

    private static long count(Layer model) {
        long n = 0;
        for (Tensor p : model.parameters()) {
            n += p.size();
        }
        return n;
    }

    @Test
    void bothModelsHaveTheSpecsParameterCountsAndShapes() {
        for (int c : new int[] {2, 4, 6, 10}) {
            assertThat(count(Architecture.MLP.build(c, Rng.seeded(c)))).isEqualTo(116_992 + 129L * c)
                    .isEqualTo(Architecture.MLP.parameters(c));
            assertThat(count(Architecture.CNN.build(c, Rng.seeded(c)))).isEqualTo(599_520 + 129L * c);
        }
        assertThat(Architecture.CNN.parameters(4)).isEqualTo(600_036);
        Sequential cnn = Architecture.CNN.build(6, Rng.seeded(5));
        Shape s = Shape.of(1, 28, 28);                                       // per sample, channels first
        int[][] expected = {{32, 26, 26}, {32, 26, 26}, {32, 24, 24}, {32, 24, 24}, {32, 12, 12}, {32, 12, 12}, {4608},
            {128}, {128}, {128}, {6}};
        for (int i = 0; i < cnn.layers().size(); i++) {
            s = cnn.layers().get(i).outputShape(s);
            assertThat(s).as("after layer %d", i).isEqualTo(Shape.of(expected[i]));
        }
        // Glorot-uniform bounds: the first dense layer of the MLP within ±sqrt(6/(784+128))
        float l = (float) Math.sqrt(6.0 / 912);
        for (float v : Architecture.MLP.build(3, Rng.seeded(6)).parameters().get(0).array()) {
            assertThat(Math.abs(v)).isLessThanOrEqualTo(l);
        }
    }

    @Test
    void adadeltaTakesTheHandComputedStep() {
        Tensor w = Tensor.of(1f, -2f).trainable();
        Adadelta opt = Adadelta.over(List.of(w)).learningRate(1f).rho(0.95f).epsilon(1e-8f);
        opt.step(w.mul(Tensor.of(0.5f, -4f)).sum());                          // g = (0.5, -4)
        // a = 0.05 g², u = g·sqrt(ε)/sqrt(a + ε), w -= u
        double a0 = 0.05 * 0.25;
        double u0 = 0.5 * Math.sqrt(1e-8) / Math.sqrt(a0 + 1e-8);
        double a1 = 0.05 * 16;
        double u1 = -4 * Math.sqrt(1e-8) / Math.sqrt(a1 + 1e-8);
        assertThat((double) w.array()[0]).isCloseTo(1 - u0, within(1e-7));
        assertThat((double) w.array()[1]).isCloseTo(-2 - u1, within(1e-7));
        // a second step uses d = 0.05 u²
        opt.step(w.mul(Tensor.of(0.5f, -4f)).sum());
        double a0b = 0.95 * a0 + 0.05 * 0.25;
        double d0 = 0.05 * u0 * u0;
        double u0b = 0.5 * Math.sqrt(d0 + 1e-8) / Math.sqrt(a0b + 1e-8);
        assertThat((double) w.array()[0]).isCloseTo(1 - u0 - u0b, within(1e-6));
    }

    @Test
    void theClippedLossHasKerasValueAndGradient() {
        Tensor z = Tensor.of(new float[] {1f, 2f, 0.5f, 0f, -1f, 3f}, 2, 3).trainable();
        int[] labels = {1, 2};
        Tensor loss = ClippedCrossEntropy.of(z, labels);
        double p01 = Math.exp(2) / (Math.exp(1) + Math.exp(2) + Math.exp(0.5));
        double p12 = Math.exp(3) / (1 + Math.exp(-1) + Math.exp(3));
        assertThat((double) loss.item()).isCloseTo(-(Math.log(p01) + Math.log(p12)) / 2, within(1e-6));
        GradCheck.of(xs -> ClippedCrossEntropy.of(xs[0], labels), z).check().assertPassed();
        // a row whose target probability is clipped (p > 1 - 1e-7) passes no gradient
        Tensor sure = Tensor.of(new float[] {40f, 0f, 0f, 0f, 0f, 0f}, 2, 3).trainable();
        float[] g = ClippedCrossEntropy.of(sure, new int[] {0, 1}).gradients(sure).get(sure).array();
        assertThat(g[0]).isZero();
        assertThat(g[1]).isZero();
        assertThat(g[4]).isCloseTo((float) ((1.0 / 3 - 1) / 2), within(1e-6f));
    }

    @Test
    void eachStepHasTheNormalisedRms() {
        float[] w = new float[784];
        Rng rng = Rng.seeded(8);
        double squares = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) (0.01 * rng.nextGaussian());
            squares += w[i] * w[i];
        }
        double rms = Math.sqrt(squares / 784);
        ActivationMaximization.Objective linear = (x, g) -> {
            System.arraycopy(w, 0, g, 0, 784);
            return 0;
        };
        ActivationMaximization.Result r = ActivationMaximization.maximize(linear, new float[784],
                ActivationMaximization.Options.shapeShop(0.005).withMaxSteps(1));
        double stepSquares = 0;
        for (float v : r.image()) {
            stepSquares += v * v;
        }
        // RMS of one step = η / (1 + 1e-5 / rms(g))
        assertThat(Math.sqrt(stepSquares / 784)).isCloseTo(0.005 / (1 + 1e-5 / rms), within(1e-8));
        assertThat(r.reached()).isFalse();
        assertThat(r.steps()).isEqualTo(1);
    }

    @Test
    void theAscentStopsOneStepAfterPassingTheThreshold() {
        // f(x) = x₀ with gradient e₀: each normalised step adds η·sqrt(n)/(1 + 1e-5·sqrt(n)) to x₀
        int n = 16;
        double eta = 0.1;
        double perStep = eta * Math.sqrt(n) / (1 + 1e-5 * Math.sqrt(n));
        ActivationMaximization.Objective first = (x, g) -> {
            java.util.Arrays.fill(g, 0f);
            g[0] = 1;
            return x[0];
        };
        ActivationMaximization.Result r = ActivationMaximization.maximize(first, new float[n],
                new ActivationMaximization.Options(eta, 0.99, 1000, 0, 0, 0, 0));
        int t = (int) Math.floor(0.99 / perStep) + 1;                        // the first t with x₀ = t·perStep > 0.99
        assertThat(r.reached()).isTrue();
        assertThat(r.steps()).isEqualTo(t + 1);                              // returns x_(t+1)
        assertThat((double) r.image()[0]).isCloseTo((t + 1) * perStep, within(1e-5));
        assertThat(r.value()).isCloseTo(t * perStep, within(1e-5));
        ActivationMaximization.Result capped = ActivationMaximization.maximize(first, new float[n],
                new ActivationMaximization.Options(eta, 1e9, 25, 0, 0, 0, 0));
        assertThat(capped.reached()).isFalse();
        assertThat(capped.steps()).isEqualTo(25);
    }

    @Test
    void regularizersAreOffByDefaultAndPullWhenOn() {
        ActivationMaximization.Objective towardsOnes = (x, g) -> {
            java.util.Arrays.fill(g, 1f);
            return 0;
        };
        float[] start = InitialImage.NOISE.draw(Rng.seeded(9));
        ActivationMaximization.Options plain = new ActivationMaximization.Options(0.01, Double.POSITIVE_INFINITY, 50, 0, 0,
                0, 0);
        float[] free = ActivationMaximization.maximize(towardsOnes, start, plain).image();
        float[] decayed = ActivationMaximization.maximize(towardsOnes, start, plain.withRegularizers(0.5, 0, 0, 0)).image();
        float[] smooth = ActivationMaximization.maximize(towardsOnes, start, plain.withRegularizers(0, 0.5, 0, 0)).image();
        assertThat(totalVariation(smooth)).isLessThan(totalVariation(free));
        assertThat(norm(decayed)).isLessThan(norm(free));
        float[] jitterA = ActivationMaximization.maximize(towardsOnes, start, plain.withRegularizers(0, 0, 2, 5)).image();
        float[] jitterB = ActivationMaximization.maximize(towardsOnes, start, plain.withRegularizers(0, 0, 2, 5)).image();
        assertThat(jitterA).containsExactly(jitterB);
    }

    private static double norm(float[] x) {
        double s = 0;
        for (float v : x) {
            s += v * v;
        }
        return Math.sqrt(s);
    }

    private static double totalVariation(float[] x) {
        double tv = 0;
        for (int r = 0; r < 28; r++) {
            for (int c = 0; c < 28; c++) {
                if (c + 1 < 28) {
                    tv += Math.abs(x[r * 28 + c + 1] - x[r * 28 + c]);
                }
                if (r + 1 < 28) {
                    tv += Math.abs(x[(r + 1) * 28 + c] - x[r * 28 + c]);
                }
            }
        }
        return tv;
    }

    @Test
    void pearsonMatchesClosedForms() {
        assertThat(Pearson.r(new float[] {1, 2, 3, 4}, new float[] {2, 4, 6, 8})).isCloseTo(1, within(1e-12));
        assertThat(Pearson.absolute(new float[] {1, 2, 3, 4}, new float[] {4, 3, 2, 1})).isCloseTo(1, within(1e-12));
        // x = 1..5, y = 2,1,4,3,5: Σdxdy = 8, Σdx² = Σdy² = 10, r = 0.8
        assertThat(Pearson.r(new float[] {1, 2, 3, 4, 5}, new float[] {2, 1, 4, 3, 5})).isCloseTo(0.8, within(1e-12));
        assertThat(Pearson.absolute(new float[] {1, 2, 3}, new float[] {5, 5, 5})).isNaN();
        assertThat(Pearson.format(Double.NaN)).isEqualTo("n/a");
        assertThat(Pearson.format(0.5749)).isEqualTo("0.57");
    }

    @Test
    void freeformClassesTrainBesideTheShapes() {
        float[] cross = new float[784];
        for (int i = 4; i < 24; i++) {
            cross[i * 28 + i] = 1;
            cross[i * 28 + 27 - i] = 1;
        }
        Freeform x = new Freeform("cross", cross);
        ShapeShop.Round round = ShapeShop.run(new ShapeShop.Config(List.of(ShapeClass.BOX, x), Architecture.MLP, 30,
                InitialImage.ZEROS, 0.005, 3, 2000));
        assertThat(round.training().trainAccuracy()).isEqualTo(1.0);
        assertThat(round.classes().get(1).name()).isEqualTo("cross");
        assertThat(round.classes().get(1).reached()).isTrue();
        assertThatThrownBy(() -> new Freeform("small", new float[10])).hasMessageContaining("needs 28 x 28 = 784");
    }

    /**
     * The paper's comparison on its six classes, 100 epochs, step 0.005 from black: both models learn
     * the training set; the MLP's line reaches |r| about 0.57 (spec A.10: 0.57–0.59) and the CNN's about
     * 0.85 (0.85–0.87); the noise classes stay near 0. Runs with seeds 1 and 2 here gave MLP line 0.56 and
     * 0.58, CNN line 0.80 to 0.87.
     */
    @Test
    void theCnnDrawsTheLineBetterThanTheMlp() {
        Assumptions.assumeTrue(Kernels.get().name().startsWith("vector"),
                "the CNN round takes minutes on the scalar reference kernels");
        List<ShapeClass> six = List.of(ShapeClass.BOX, ShapeClass.LINE, ShapeClass.CIRCLE, ShapeClass.TRI,
                ShapeClass.NOISE, ShapeClass.NOISE_BLUR);
        ShapeShop.Round mlp = ShapeShop.run(new ShapeShop.Config(six, Architecture.MLP, 100, InitialImage.ZEROS, 0.005, 1,
                10_000));
        ShapeShop.Round cnn = ShapeShop.run(new ShapeShop.Config(six, Architecture.CNN, 100, InitialImage.ZEROS, 0.005, 1,
                10_000));
        assertThat(mlp.training().trainAccuracy()).isGreaterThanOrEqualTo(0.99);
        assertThat(cnn.training().trainAccuracy()).isGreaterThanOrEqualTo(0.99);
        for (ShapeShop.Round r : List.of(mlp, cnn)) {
            for (ShapeShop.ClassResult c : r.classes()) {
                assertThat(c.reached()).as("%s %s", r.config().architecture(), c.name()).isTrue();
            }
            assertThat(r.classes().get(4).r()).as("noise |r|").isLessThan(0.15);
        }
        double mlpLine = mlp.classes().get(1).r();
        double cnnLine = cnn.classes().get(1).r();
        assertThat(mlpLine).isBetween(0.45, 0.7);
        assertThat(cnnLine).isGreaterThan(0.75).isGreaterThan(mlpLine + 0.15);
        assertThat(mlp.classes().get(1).steps()).isBetween(5, 20);         // spec: about 10 for the MLP
    }

    @Test
    void theDataDiversityScenarioAddsClassesRoundByRound() {
        List<ShapeShop.Round> rounds = ShapeShopScenarios.dataDiversity(Architecture.MLP, 40, 5);
        assertThat(rounds).extracting(r -> r.classes().size()).containsExactly(2, 4, 6);
        assertThat(rounds.get(2).classes()).extracting(ShapeShop.ClassResult::name)
                .containsExactly("line", "line_horizontal", "circle", "circle_hollow", "noise", "noise_blur");
        for (ShapeShop.Round r : rounds) {
            assertThat(r.training().trainAccuracy()).isEqualTo(1.0);
        }
    }

    @Test
    void aPlaygroundNeuronIsMaximizedOverItsInputPlane() {
        org.nnlab.playground.PlaygroundSession s = org.nnlab.playground.PlaygroundSession.load(
                org.nnlab.playground.PlaygroundState.parse("seed=0.5&dataset=xor"));
        s.step(50);
        org.nnlab.playground.PlaygroundNetwork net = s.network();
        List<org.nnlab.playground.Feature> features = s.state().inputs();
        // neuron 0 of the first hidden layer as a function of the point (x, y)
        java.util.function.ToDoubleFunction<float[]> neuron = p -> {
            double[] in = new double[features.size()];
            for (int i = 0; i < in.length; i++) {
                in[i] = features.get(i).value(p[0], p[1]);
            }
            net.forward(in);
            return net.lastOutput(1, 0);
        };
        ActivationMaximization.Objective f = ActivationMaximization.numerical(neuron, 1e-3);
        float[] start = {0.5f, -0.5f};
        double before = neuron.applyAsDouble(start);
        ActivationMaximization.Result r = ActivationMaximization.maximize(f, start,
                new ActivationMaximization.Options(0.05, 0.95, 2000, 0, 0, 0, 0));
        assertThat(r.value()).isGreaterThan(before);
        assertThat(r.reached() || r.value() > before + 0.2).isTrue();
    }

    @Test
    void anyUnitOfAModelCanBeMaximized() {
        // a hidden unit of the CNN: channel 5 of the first convolution at (13, 13), before its ReLU
        Sequential cnn = Architecture.CNN.build(3, Rng.seeded(10));
        Sequential firstBlock = Sequential.of(cnn.layers().get(0));
        float[] mask = new float[32 * 26 * 26];
        mask[5 * 676 + 13 * 26 + 13] = 1;
        Tensor pick = Tensor.of(mask, 1, 32, 26, 26);
        ActivationMaximization.Objective unit = ActivationMaximization.of(
                x -> firstBlock.forward(x, org.nnlab.nn.Pass.EVAL).mul(pick).sum(), 1, 1, 28, 28);
        float[] start = InitialImage.NOISE_BLUR.draw(Rng.seeded(11));
        float[] g = new float[784];
        double before = unit.evaluate(start, g);
        ActivationMaximization.Result r = ActivationMaximization.maximize(unit, start,
                new ActivationMaximization.Options(0.01, Double.POSITIVE_INFINITY, 30, 0, 0, 0, 0));
        assertThat(r.value()).isGreaterThan(before);
        // only the 3 x 3 receptive field of that unit moves
        for (int p = 0; p < 784; p++) {
            int row = p / 28;
            int col = p % 28;
            boolean inField = row >= 13 && row <= 15 && col >= 13 && col <= 15;
            if (!inField) {
                assertThat(r.image()[p]).isEqualTo(start[p]);
            }
        }
    }
}
