package org.nnlab.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.actmax.ClippedCrossEntropy;
import org.nnlab.core.Gradients;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.core.check.GradCheck;
import org.nnlab.nn.Losses;

/**
 * Numerical hygiene: every op's gradient at extreme but finite inputs (saturated activations, huge and
 * tiny magnitudes) against central differences, and the fused losses finite, with finite gradients,
 * for logits of ±1000 where the seeds' naive formulas overflow.
 */
class ExtremeInputsTest {
    /** Large-magnitude inputs in [-30, 30] away from 0 (kinks), and values of either sign near saturation. */
    private static Tensor extreme(long seed, int... dims) {
        Rng rng = Rng.seeded(seed);
        Tensor t = Tensor.randn(rng, dims);
        float[] v = t.toArray();
        float[] spots = {-30f, -15f, -8f, -3f, 3f, 8f, 15f, 30f};
        for (int i = 0; i < v.length; i++) {
            v[i] = spots[i % spots.length] + 0.1f * v[i];
        }
        return Tensor.of(v, dims);
    }

    private static void check(String op, GradCheck.Fn fn, Tensor... inputs) {
        GradCheck.of(fn, inputs).check().assertPassed();
        Tensor out = fn.apply(inputs);
        for (float v : out.toArray()) {
            assertThat(v).as("%s output", op).isFinite();
        }
    }

    @Test
    void saturatingActivationsHaveTheirTinyGradients() {
        Tensor x = extreme(1, 4, 6);
        check("tanh", xs -> xs[0].tanh(), x);
        check("sigmoid", xs -> xs[0].sigmoid(), x);
        check("relu", xs -> xs[0].relu(), x);
        check("leakyRelu", xs -> xs[0].leakyRelu(0.01f), x);
        check("elu", xs -> xs[0].elu(1f), x);
        check("sin", xs -> xs[0].sin(), x);
        check("abs", xs -> xs[0].abs(), x);
        check("square", xs -> xs[0].square(), x);
        check("softmax", xs -> xs[0].softmax(), x);
        check("logSoftmax", xs -> xs[0].logSoftmax(), x);
    }

    @Test
    void expLogSqrtAndDivisionAtLargeAndSmallMagnitudes() {
        Tensor big = Tensor.of(new float[] {20f, 40f, 60f, 80f}, 2, 2);                   // e^80 ≈ 5.5e34 < float max
        check("exp", xs -> xs[0].exp(), big);
        // near 0 the difference step must stay inside the domain: ε = 1e-3 against inputs from 0.05
        Tensor small = Tensor.of(new float[] {0.05f, 0.5f, 50f, 5000f}, 2, 2);
        GradCheck.of(xs -> xs[0].log(), small).epsilon(1e-3).check().assertPassed();
        GradCheck.of(xs -> xs[0].sqrt(), small).epsilon(1e-3).check().assertPassed();
        for (float v : Tensor.of(new float[] {1e-30f, 1e30f}).log().toArray()) {
            assertThat(v).isFinite();
        }
        Tensor num = extreme(2, 2, 2);
        check("div", xs -> xs[0].div(xs[1]), num, Tensor.of(new float[] {40f, -25f, 60f, -90f}, 2, 2));
    }

    @Test
    void linearAlgebraAndShapesAtLargeMagnitudes() {
        Tensor a = extreme(3, 3, 4);
        Tensor b = extreme(4, 4, 2);
        check("matmul", xs -> xs[0].matmul(xs[1]), a, b);
        check("matmulTransA", xs -> xs[0].matmulTransA(xs[1]), extreme(5, 4, 3), b);
        check("matmulTransB", xs -> xs[0].matmulTransB(xs[1]), a, extreme(6, 2, 4));
        check("add/sub/mul", xs -> xs[0].add(xs[1]).sub(xs[0].mul(xs[1])), a, extreme(7, 3, 4));
        check("sum/mean", xs -> xs[0].sum(0).add(xs[0].mean(0)), a);
        check("transpose/reshape", xs -> xs[0].transpose().reshape(12), a);
        check("sliceRows", xs -> xs[0].sliceRows(1, 3), a);
        Tensor img = extreme(8, 1, 2, 5, 5);
        Tensor w = extreme(9, 3, 2, 3, 3).mul(0.1f);
        check("conv2d", xs -> xs[0].conv2d(xs[1], Padding.VALID), img, w);
        check("maxPool2x2", xs -> xs[0].maxPool2x2(), extreme(10, 1, 2, 4, 4));
    }

    @Test
    void fusedLossesStayFiniteForLogitsOfAThousand() {
        Tensor z = Tensor.of(new float[] {1000f, -1000f, 0f, -1000f, 1000f, 3f}, 2, 3).trainable();
        Tensor targets = Tensor.of(new float[] {0, 1, 0, 1, 0, 0}, 2, 3);
        for (Tensor loss : List.of(Losses.softmaxCrossEntropy(z, targets), Losses.softmaxCrossEntropy(z, new int[] {1, 0}),
                Losses.bceWithLogits(z, Tensor.of(new float[] {0, 1, 1, 0, 1, 0}, 2, 3)), Losses.bceWithLogits(z, 1f),
                ClippedCrossEntropy.of(z, new int[] {1, 0}))) {
            assertThat(loss.item()).as(loss.toString()).isFinite();
            Gradients g = loss.gradients(z);
            for (float v : g.get(z).toArray()) {
                assertThat(v).as(loss.toString()).isFinite();
            }
        }
        // the exact values: -log softmax picks the -1000 entry against +1000: 2000 per row
        assertThat(Losses.softmaxCrossEntropy(z, new int[] {1, 0}).item()).isCloseTo(2000f,
                org.assertj.core.api.Assertions.within(1e-2f));
        // BCE of z = 1000 against target 0 is 1000; of z = -1000 against 1 is 1000
        Tensor pair = Tensor.of(new float[] {1000f, -1000f}, 1, 2);
        assertThat(Losses.bceWithLogits(pair, Tensor.of(new float[] {0, 1}, 1, 2)).item()).isCloseTo(1000f,
                org.assertj.core.api.Assertions.within(1e-2f));
        GradCheck.of(xs -> Losses.bceWithLogits(xs[0], 1f), Tensor.of(new float[] {30f, -30f, 60f, -60f}, 2, 2)).check()
                .assertPassed();
        GradCheck.of(xs -> Losses.softmaxCrossEntropy(xs[0], new int[] {0, 1}),
                Tensor.of(new float[] {50f, -50f, 10f, -10f, 60f, 0f}, 2, 3)).check().assertPassed();
    }
}
