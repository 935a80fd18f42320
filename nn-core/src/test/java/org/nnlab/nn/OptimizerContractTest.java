package org.nnlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.Gradients;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;

/**
 * The contract every optimizer passes, over plain arrays and over tensors alike: its update is its closed
 * form (the formula restated here in its documented arithmetic, matched bit for bit: double with each stored
 * value rounded to float once, or for Adadelta Keras's float32 op by op;
 * and in pure double within float precision), the tensor and array forms agree bit for bit, reset restores a
 * fresh optimizer, a new learning rate takes effect at the next step, and lengths that differ are refused.
 */
class OptimizerContractTest {

    /** One optimizer under test with its closed form. */
    record Case(String name, UpdateRule rule, double learningRate) {
        AbstractOptimizer overArray(int length) {
            return rule.create(length, learningRate);
        }

        AbstractOptimizer over(List<Tensor> parameters) {
            return switch (rule.kind()) {
                case SGD -> Sgd.over(parameters).learningRate(learningRate);
                case MOMENTUM -> Sgd.over(parameters).momentum(rule.momentum()).learningRate(learningRate);
                case ADAM -> Adam.over(parameters).betas(rule.beta1(), rule.beta2()).epsilon(rule.epsilon())
                        .learningRate(learningRate);
                case ADADELTA -> Adadelta.over(parameters).rho(rule.rho()).epsilon(rule.epsilon()).learningRate(learningRate);
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("SGD", UpdateRule.sgd(), 0.1),
                new Case("momentum 0.9", UpdateRule.momentum(0.9), 0.05),
                new Case("Adam", UpdateRule.adam(), 0.01),
                new Case("Adam 0.5/0.9, eps 1e-4", UpdateRule.adam(0.5, 0.9, 1e-4), 0.2),
                new Case("Adadelta", UpdateRule.adadelta(), 1.0));
    }

    /**
     * The closed form of one step, state s1, s2 per value. With {@code storeFloat} each stored value is
     * rounded to float once, as the optimizers store them; without, everything stays in double.
     */
    static void closedForm(Case c, double[] w, double[] s1, double[] s2, double[] g, int t, double lr, boolean storeFloat) {
        UpdateRule r = c.rule();
        for (int i = 0; i < w.length; i++) {
            double gi = g[i];
            double next;
            switch (r.kind()) {
                case SGD -> next = w[i] - lr * gi;
                case MOMENTUM -> {
                    double v = r.momentum() * s1[i] + gi;                       // v ← μv + g; w ← w − ηv
                    s1[i] = store(v, storeFloat);
                    next = w[i] - lr * v;
                }
                case ADAM -> {
                    double m = r.beta1() * s1[i] + (1 - r.beta1()) * gi;
                    double v = r.beta2() * s2[i] + (1 - r.beta2()) * gi * gi;
                    s1[i] = store(m, storeFloat);
                    s2[i] = store(v, storeFloat);
                    next = w[i] - lr * (m / (1 - Math.pow(r.beta1(), t))) / (Math.sqrt(v / (1 - Math.pow(r.beta2(), t)))
                            + r.epsilon());
                }
                case ADADELTA -> {
                    if (storeFloat) {                                          // Keras's float32, op by op
                        float rho = (float) r.rho();
                        float eps = (float) r.epsilon();
                        float gf = (float) gi;
                        float a = rho * (float) s1[i] + (1 - rho) * gf * gf;
                        float u = gf * (float) Math.sqrt((float) s2[i] + eps) / (float) Math.sqrt(a + eps);
                        s1[i] = a;
                        s2[i] = rho * (float) s2[i] + (1 - rho) * u * u;
                        next = (float) w[i] - (float) lr * u;
                    } else {
                        double a = r.rho() * s1[i] + (1 - r.rho()) * gi * gi;
                        double u = gi * Math.sqrt(s2[i] + r.epsilon()) / Math.sqrt(a + r.epsilon());
                        s1[i] = a;
                        s2[i] = r.rho() * s2[i] + (1 - r.rho()) * u * u;
                        next = w[i] - lr * u;
                    }
                }
                default -> throw new AssertionError();
            }
            w[i] = store(next, storeFloat);
        }
    }

    private static double store(double v, boolean storeFloat) {
        return storeFloat ? (float) v : v;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachStepIsTheClosedFormRoundedOnceBitForBit(Case c) {
        int n = 37;
        Rng rng = Rng.seeded(7);
        float[] w = new float[n];
        double[] wd = new double[n];
        double[] pure = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = (float) rng.nextGaussian();
            wd[i] = w[i];
            pure[i] = w[i];
        }
        double[] s1 = new double[n];
        double[] s2 = new double[n];
        double[] p1 = new double[n];
        double[] p2 = new double[n];
        AbstractOptimizer opt = c.overArray(n);
        for (int t = 1; t <= 40; t++) {
            float[] g = new float[n];
            double[] gd = new double[n];
            for (int i = 0; i < n; i++) {
                g[i] = (float) (rng.nextGaussian() * (i % 5 == 0 ? 1e-3 : 1));   // small and large gradients
                gd[i] = g[i];
            }
            opt.step(w, g);
            closedForm(c, wd, s1, s2, gd, t, c.learningRate(), true);
            closedForm(c, pure, p1, p2, gd, t, c.learningRate(), false);
            for (int i = 0; i < n; i++) {
                assertThat(w[i]).as("step %d value %d", t, i).isEqualTo((float) wd[i]);
                assertThat((double) w[i]).as("step %d value %d in double", t, i)
                        .isCloseTo(pure[i], offset(1e-5 * (1 + Math.abs(pure[i]))));
            }
        }
        assertThat(opt.steps()).isEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tensorsAndPlainArraysGiveTheSameBits(Case c) {
        Rng rng = Rng.seeded(3);
        Tensor a = Tensor.of(new float[] {0.5f, -1.5f, 2f}, 3).trainable();
        Tensor b = Tensor.of(new float[] {3f, -0.25f}, 2).trainable();
        float[] wa = a.array().clone();
        float[] wb = b.array().clone();
        AbstractOptimizer overTensors = c.over(List.of(a, b));
        AbstractOptimizer arrayA = c.overArray(3);
        AbstractOptimizer arrayB = c.overArray(2);
        for (int t = 0; t < 12; t++) {
            float[] ga = {(float) rng.nextGaussian(), (float) rng.nextGaussian(), (float) rng.nextGaussian()};
            float[] gb = {(float) rng.nextGaussian(), (float) rng.nextGaussian()};
            overTensors.apply(gradients(a, ga, b, gb));
            arrayA.step(wa, ga);
            arrayB.step(wb, gb);
        }
        assertThat(a.array()).containsExactly(wa);
        assertThat(b.array()).containsExactly(wb);
    }

    private static Gradients gradients(Tensor a, float[] ga, Tensor b, float[] gb) {
        // the gradients of L = Σ ga ⊙ a + Σ gb ⊙ b are ga and gb exactly
        Tensor loss = a.mul(Tensor.of(ga.clone(), ga.length)).sum().add(b.mul(Tensor.of(gb.clone(), gb.length)).sum());
        return loss.gradients(List.of(a, b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resetRestoresAFreshOptimizer(Case c) {
        IntFunction<float[]> grad = t -> new float[] {0.3f * t, -1f, 2f / t};
        AbstractOptimizer used = c.overArray(3);
        float[] w = {1f, 2f, 3f};
        for (int t = 1; t <= 5; t++) {
            used.step(w, grad.apply(t));
        }
        used.reset();
        assertThat(used.steps()).isZero();
        float[] afterReset = w.clone();
        float[] fresh = w.clone();
        AbstractOptimizer other = c.overArray(3);
        for (int t = 1; t <= 5; t++) {
            used.step(afterReset, grad.apply(t));
            other.step(fresh, grad.apply(t));
        }
        assertThat(afterReset).containsExactly(fresh);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aNewLearningRateTakesEffectAtTheNextStep(Case c) {
        AbstractOptimizer opt = c.overArray(2);
        float[] w = {1f, -1f};
        double[] wd = {1, -1};
        double[] s1 = new double[2];
        double[] s2 = new double[2];
        double[] g = {0.5, 0.25};
        for (int t = 1; t <= 4; t++) {
            double lr = t <= 2 ? c.learningRate() : c.learningRate() / 4;
            opt.learningRate(lr);
            assertThat(opt.learningRate()).isEqualTo(lr);
            opt.step(w, new float[] {0.5f, 0.25f});
            closedForm(c, wd, s1, s2, g, t, lr, true);
        }
        assertThat(w).containsExactly((float) wd[0], (float) wd[1]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void lengthsThatDifferAreRefused(Case c) {
        AbstractOptimizer opt = c.overArray(3);
        String name = opt.toString().substring(0, opt.toString().indexOf('['));
        assertThatThrownBy(() -> opt.step(new float[2], new float[3]))
                .hasMessage(name + ".step: w has 2 values and g 3, the optimizer was made for [3]");
        Tensor p = Tensor.of(1f).trainable();
        Gradients some = p.mul(p).sum().gradients(List.of(p));
        assertThatThrownBy(() -> opt.apply(some))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(name + ": this optimizer works on a plain array; call step(w, g)");
        assertThatThrownBy(() -> c.rule().create(0, 0.1))
                .hasMessage(name + ": the array must hold at least one value, got length 0");
        assertThatThrownBy(() -> opt.learningRate(-1e-3f))
                .hasMessage(name + ": learningRate must be > 0, got -0.001");
    }

    @Test
    void sgdOnAQuadraticIsAGeometricSequence() {
        // f(w) = ½·c·w², g = c·w: w_t = w_0·(1 − ηc)^t
        AbstractOptimizer sgd = UpdateRule.sgd().create(1, 0.125);
        float[] w = {3f};
        for (int t = 1; t <= 20; t++) {
            sgd.step(w, new float[] {2 * w[0]});
            assertThat((double) w[0]).isCloseTo(3 * Math.pow(1 - 0.25, t), offset(1e-6));
        }
    }

    @Test
    void adamsFirstStepIsTheLearningRateTimesTheSign() {
        // m̂ = g and v̂ = g² after one step: Δw = −η·g/(|g| + ε)
        AbstractOptimizer adam = UpdateRule.adam().create(3, 0.01);
        float[] w = {1f, -2f, 3f};
        adam.step(w, new float[] {0.5f, -0.001f, 4f});
        assertThat((double) w[0]).isCloseTo(0.99, offset(1e-7));
        assertThat((double) w[1]).isCloseTo(-1.99, offset(1e-6));
        assertThat((double) w[2]).isCloseTo(2.99, offset(1e-6));
    }

    @Test
    void onlyKnownRulesAndLabelsExist() {
        assertThat(OptimizerKind.ofLabel("adam")).isEqualTo(OptimizerKind.ADAM);
        assertThat(OptimizerKind.ofLabel("SGD")).isEqualTo(OptimizerKind.SGD);
        assertThatThrownBy(() -> OptimizerKind.ofLabel("rmsprop")).hasMessage(
                "OptimizerKind: unknown optimizer \"rmsprop\"; expected one of \"SGD\", \"Adam\", \"Momentum\", \"Adadelta\"");
        assertThatThrownBy(() -> UpdateRule.momentum(1)).hasMessage("UpdateRule: momentum must be in [0, 1), got 1.0");
        assertThatThrownBy(() -> new UpdateRule(OptimizerKind.ADADELTA, 0, 0.9, 0.999, 1e-8, 1))
                .hasMessage("UpdateRule: rho must be in [0, 1), got 1.0");
    }
}
