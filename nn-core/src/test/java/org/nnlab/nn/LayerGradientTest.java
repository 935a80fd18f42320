package org.nnlab.nn;

import static org.nnlab.testing.TestTensors.awayFromZero;
import static org.nnlab.testing.TestTensors.distinct;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.core.check.GradCheck;
import org.nnlab.core.op.Padding;

/** Every layer gradient-checked through GradCheck, with respect to its input and to its own parameters. */
class LayerGradientTest {
    private final Rng rng = Rng.seeded(5);

    /** d(output)/d(input) by GradCheck.of, d(output)/d(parameters) by GradCheck.ofLeaves on the layer's leaves. */
    private void check(Layer layer, Tensor input, Pass pass) {
        check(layer, input, () -> pass);
    }

    /** A fresh pass per evaluation, so a training pass draws the same dropout mask every time. */
    private void check(Layer layer, Tensor input, java.util.function.Supplier<Pass> pass) {
        GradCheck.of(x -> layer.forward(x[0], pass.get()), input).checkJacobian().assertPassed();
        if (!layer.parameters().isEmpty()) {
            GradCheck.ofLeaves(() -> layer.forward(input, pass.get()), layer.parameters()).checkJacobian().assertPassed();
        }
    }

    @Test
    void linear() {
        check(Linear.of(4, 3, rng, Initializer.normal(0.5f), Initializer.normal(0.5f)), Tensor.randn(rng, 5, 4), Pass.EVAL);
    }

    @Test
    void conv2dValidAndSame() {
        check(Conv2d.of(2, 3, 3, Padding.VALID, rng, Initializer.normal(0.5f), Initializer.normal(0.5f)),
                Tensor.randn(rng, 2, 2, 4, 5), Pass.EVAL);
        check(Conv2d.of(2, 2, 3, Padding.SAME, rng, Initializer.normal(0.5f), Initializer.normal(0.5f)),
                Tensor.randn(rng, 1, 2, 4, 4), Pass.EVAL);
    }

    @Test
    void maxPoolFlattenDropout() {
        check(new MaxPool2d(), distinct(rng, 1, 2, 4, 5), Pass.EVAL);
        check(new Flatten(), Tensor.randn(rng, 2, 2, 3, 3), Pass.EVAL);
        check(new Dropout(0.5f), Tensor.randn(rng, 3, 8), () -> Pass.training(Rng.seeded(4)));
        check(new Dropout(0.5f), Tensor.randn(rng, 3, 8), Pass.EVAL);
    }

    @Test
    void everyActivationLayer() {
        for (Activation a : Activation.values()) {
            check(ActivationLayer.of(a), awayFromZero(rng, 0.1f, 2f, 3, 4), Pass.EVAL);
        }
    }

    @Test
    void sequentialCnnThroughEveryParameter() {
        Sequential model = Sequential.of(Conv2d.of(1, 2, 3, Padding.VALID, rng), ActivationLayer.of(Activation.TANH),
                new MaxPool2d(), new Flatten(), Linear.of(2 * 2 * 2, 3, rng), ActivationLayer.of(Activation.SOFTMAX));
        Tensor x = Tensor.randn(rng, 2, 1, 6, 6);
        Tensor target = Tensor.of(new float[] {1, 0, 0, 0, 0, 1}, 2, 3);
        GradCheck.ofLeaves(() -> Losses.mse(model.forward(x), target), model.parameters()).projections(4).check()
                .assertPassed();
        GradCheck.of(in -> model.forward(in[0]), x).check().assertPassed();
    }

    @Test
    void penaltiesHavePlaygroundsDerivatives() {
        Tensor w = awayFromZero(rng, 0.1f, 2f, 3, 4).trainable();
        GradCheck.ofLeaves(() -> Penalties.l1(java.util.List.of(w)), java.util.List.of(w)).checkJacobian().assertPassed();
        GradCheck.ofLeaves(() -> Penalties.l2(java.util.List.of(w)), java.util.List.of(w)).checkJacobian().assertPassed();
        float[] g2 = Penalties.l2(java.util.List.of(w)).gradients(w).get(w).array();
        float[] g1 = Penalties.l1(java.util.List.of(w)).gradients(w).get(w).array();
        for (int i = 0; i < g2.length; i++) {
            org.assertj.core.api.Assertions.assertThat(g2[i]).isEqualTo(w.array()[i]);
            org.assertj.core.api.Assertions.assertThat(g1[i]).isEqualTo(Math.signum(w.array()[i]));
        }
    }
}
