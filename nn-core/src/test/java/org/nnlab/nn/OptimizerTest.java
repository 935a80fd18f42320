package org.nnlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Tensor;

/** The update rules against their closed forms on f(w) = ½·Σ c·w², whose gradient is c·w. */
class OptimizerTest {

    private static Tensor quadratic(Tensor w, float c) {
        return w.square().sum().mul(0.5f * c);
    }

    @Test
    void sgdIsPlainGradientDescent() {
        Tensor w = Tensor.of(1f, -2f).trainable();
        Sgd sgd = Sgd.over(List.of(w)).learningRate(0.1f);
        sgd.step(quadratic(w, 3f));
        assertThat(w.array()).containsExactly(1f - 0.1f * 3f, -2f + 0.1f * 6f);
    }

    @Test
    void sgdMomentumFollowsTheRecurrence() {
        Tensor w = Tensor.of(1f).trainable();
        Sgd sgd = Sgd.over(List.of(w)).learningRate(0.1f).momentum(0.9f);
        double wd = 1;
        double v = 0;
        for (int i = 0; i < 5; i++) {
            sgd.step(quadratic(w, 2f));
            v = 0.9 * v + 2 * wd;
            wd -= 0.1 * v;
        }
        assertThat(w.item()).isCloseTo((float) wd, offset(1e-6f));
    }

    @Test
    void adamFirstStepMovesByTheLearningRateTimesTheSign() {
        // with bias correction, m̂ = g and v̂ = g², so the first step is lr·g/(|g| + ε)
        Tensor w = Tensor.of(0.5f, -3f).trainable();
        Adam.over(List.of(w)).learningRate(0.01f).step(quadratic(w, 4f));
        assertThat(w.array()[0]).isCloseTo(0.49f, offset(1e-6f));
        assertThat(w.array()[1]).isCloseTo(-2.99f, offset(1e-6f));
    }

    @Test
    void adamMatchesADoublePrecisionReplayOfTheFormula() {
        Tensor w = Tensor.of(1.5f).trainable();
        Adam adam = Adam.over(List.of(w)).learningRate(0.1f);
        double x = 1.5;
        double m = 0;
        double v = 0;
        for (int t = 1; t <= 20; t++) {
            adam.step(quadratic(w, 1f));
            double g = x;
            m = 0.9 * m + 0.1 * g;
            v = 0.999 * v + 0.001 * g * g;
            x -= 0.1 * (m / (1 - Math.pow(0.9, t))) / (Math.sqrt(v / (1 - Math.pow(0.999, t))) + 1e-8);
        }
        assertThat(w.item()).isCloseTo((float) x, offset(1e-5f));
    }

    @Test
    void adadeltaMatchesKerasFormula() {
        Tensor w = Tensor.of(2f).trainable();
        Adadelta opt = Adadelta.over(List.of(w));
        double x = 2;
        double a = 0;
        double d = 0;
        for (int t = 0; t < 10; t++) {
            opt.step(quadratic(w, 1f));
            double g = x;
            a = 0.95 * a + 0.05 * g * g;
            double u = g * Math.sqrt(d + 1e-8) / Math.sqrt(a + 1e-8);
            x -= u;
            d = 0.95 * d + 0.05 * u * u;
        }
        assertThat(w.item()).isCloseTo((float) x, offset(1e-6f));
        assertThat(opt.steps()).isEqualTo(10);
    }

    @Test
    void learningRateChangesBetweenStepsAndResetClearsState() {
        Tensor w = Tensor.of(1f).trainable();
        Sgd sgd = Sgd.over(List.of(w)).learningRate(0.1f).momentum(0.5f);
        sgd.step(quadratic(w, 1f));
        sgd.learningRate(0.2f);
        assertThat(sgd.learningRate()).isEqualTo(0.2f);
        sgd.reset();
        float before = w.item();
        sgd.step(quadratic(w, 1f));
        assertThat(w.item()).isEqualTo(before - 0.2f * before);   // no velocity left over
    }

    @Test
    void invalidHyperparametersAreRejected() {
        Tensor w = Tensor.of(1f).trainable();
        assertThatThrownBy(() -> Sgd.over(List.of(w)).learningRate(0f))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Sgd: learningRate must be > 0, got 0.0");
        assertThatThrownBy(() -> Adam.over(List.of(w)).learningRate(-1e-3f))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Adam: learningRate must be > 0, got -0.001");
        assertThatThrownBy(() -> Adadelta.over(List.of(w)).learningRate(Float.NaN))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Adadelta: learningRate must be > 0, got NaN");
        assertThatThrownBy(() -> Sgd.over(List.of(w)).momentum(1f))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("Sgd: momentum must be in [0.0, 1.0), got 1.0");
        assertThatThrownBy(() -> Sgd.over(List.of(Tensor.of(1f))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Sgd: parameter 0, Tensor[1] (const), is not a trainable leaf; call trainable() on it");
    }
}
