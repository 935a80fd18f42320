package org.nnlab.core.op;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.Rng;
import org.nnlab.core.Tensor;
import org.nnlab.core.check.GradCheck;
import org.nnlab.nn.Losses;
import static org.nnlab.testing.TestTensors.awayFromZero;
import static org.nnlab.testing.TestTensors.distinct;
import static org.nnlab.testing.TestTensors.positive;

/** Every op of DESIGN.md's list, gradient-checked through GradCheck in both modes. */
class OpGradientTest {

    static Stream<Arguments> ops() {
        Rng r = Rng.seeded(7);
        Tensor oneHot = Tensor.of(new float[] {0, 1, 0, 1, 0, 0, 0, 0, 1}, 3, 3);
        return Stream.of(
                Arguments.of("add", (GradCheck.Fn) x -> x[0].add(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), Tensor.randn(r, 3, 4)}),
                Arguments.of("add row broadcast", (GradCheck.Fn) x -> x[0].add(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), Tensor.randn(r, 4)}),
                Arguments.of("add row first", (GradCheck.Fn) x -> x[0].add(x[1]), new Tensor[] {Tensor.randn(r, 4), Tensor.randn(r, 2, 3, 4)}),
                Arguments.of("sub scalar tensor", (GradCheck.Fn) x -> x[0].sub(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), Tensor.randn(r, 1)}),
                Arguments.of("sub row", (GradCheck.Fn) x -> x[0].sub(x[1]), new Tensor[] {Tensor.randn(r, 5, 2), Tensor.randn(r, 1, 2)}),
                Arguments.of("mul", (GradCheck.Fn) x -> x[0].mul(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), Tensor.randn(r, 3, 4)}),
                Arguments.of("mul row", (GradCheck.Fn) x -> x[0].mul(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), Tensor.randn(r, 4)}),
                Arguments.of("div", (GradCheck.Fn) x -> x[0].div(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), positive(r, 3, 4)}),
                Arguments.of("div row", (GradCheck.Fn) x -> x[0].div(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), positive(r, 4)}),
                Arguments.of("div scalar tensor", (GradCheck.Fn) x -> x[0].div(x[1]), new Tensor[] {Tensor.randn(r, 2, 3), positive(r)}),
                Arguments.of("scalar ops", (GradCheck.Fn) x -> x[0].add(1.5f).mul(-2f).sub(0.25f).div(3f), new Tensor[] {Tensor.randn(r, 4, 3)}),
                Arguments.of("neg", (GradCheck.Fn) x -> x[0].neg(), new Tensor[] {Tensor.randn(r, 7)}),
                Arguments.of("exp", (GradCheck.Fn) x -> x[0].exp(), new Tensor[] {Tensor.randn(r, 3, 5)}),
                Arguments.of("log", (GradCheck.Fn) x -> x[0].log(), new Tensor[] {positive(r, 3, 5)}),
                Arguments.of("sqrt", (GradCheck.Fn) x -> x[0].sqrt(), new Tensor[] {positive(r, 17)}),
                Arguments.of("square", (GradCheck.Fn) x -> x[0].square(), new Tensor[] {Tensor.randn(r, 17)}),
                Arguments.of("abs", (GradCheck.Fn) x -> x[0].abs(), new Tensor[] {awayFromZero(r, 0.1f, 2f, 17)}),
                Arguments.of("relu", (GradCheck.Fn) x -> x[0].relu(), new Tensor[] {awayFromZero(r, 0.1f, 2f, 4, 9)}),
                Arguments.of("leaky relu", (GradCheck.Fn) x -> x[0].leakyRelu(0.2f), new Tensor[] {awayFromZero(r, 0.1f, 2f, 4, 9)}),
                Arguments.of("elu", (GradCheck.Fn) x -> x[0].elu(1f), new Tensor[] {awayFromZero(r, 0.1f, 2f, 4, 9)}),
                Arguments.of("tanh", (GradCheck.Fn) x -> x[0].tanh(), new Tensor[] {Tensor.randn(r, 5, 7)}),
                Arguments.of("sigmoid", (GradCheck.Fn) x -> x[0].sigmoid(), new Tensor[] {Tensor.randn(r, 5, 7)}),
                Arguments.of("sin", (GradCheck.Fn) x -> x[0].sin(), new Tensor[] {Tensor.randn(r, 5, 7)}),
                Arguments.of("softmax", (GradCheck.Fn) x -> x[0].softmax(), new Tensor[] {Tensor.randn(r, 3, 5)}),
                Arguments.of("logSoftmax", (GradCheck.Fn) x -> x[0].logSoftmax(), new Tensor[] {Tensor.randn(r, 3, 5)}),
                Arguments.of("matmul", (GradCheck.Fn) x -> x[0].matmul(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), Tensor.randn(r, 4, 5)}),
                Arguments.of("matmulTransA", (GradCheck.Fn) x -> x[0].matmulTransA(x[1]), new Tensor[] {Tensor.randn(r, 4, 3), Tensor.randn(r, 4, 5)}),
                Arguments.of("matmulTransB", (GradCheck.Fn) x -> x[0].matmulTransB(x[1]), new Tensor[] {Tensor.randn(r, 3, 4), Tensor.randn(r, 5, 4)}),
                Arguments.of("transpose", (GradCheck.Fn) x -> x[0].transpose(), new Tensor[] {Tensor.randn(r, 3, 4)}),
                Arguments.of("sum", (GradCheck.Fn) x -> x[0].sum(), new Tensor[] {Tensor.randn(r, 3, 4)}),
                Arguments.of("mean", (GradCheck.Fn) x -> x[0].mean(), new Tensor[] {Tensor.randn(r, 3, 4)}),
                Arguments.of("sum axis 0", (GradCheck.Fn) x -> x[0].sum(0), new Tensor[] {Tensor.randn(r, 3, 4)}),
                Arguments.of("sum axis 1 of rank 3", (GradCheck.Fn) x -> x[0].sum(1), new Tensor[] {Tensor.randn(r, 2, 3, 4)}),
                Arguments.of("mean axis -1", (GradCheck.Fn) x -> x[0].mean(-1), new Tensor[] {Tensor.randn(r, 3, 4)}),
                Arguments.of("reshape", (GradCheck.Fn) x -> x[0].reshape(2, -1).mul(x[0].reshape(2, 6)), new Tensor[] {Tensor.randn(r, 3, 4)}),
                Arguments.of("sliceRows", (GradCheck.Fn) x -> x[0].sliceRows(1, 3), new Tensor[] {Tensor.randn(r, 4, 3)}),
                Arguments.of("concatRows", (GradCheck.Fn) x -> Tensor.concatRows(x[0], x[1], x[0]), new Tensor[] {Tensor.randn(r, 2, 3), Tensor.randn(r, 1, 3)}),
                Arguments.of("conv2d valid", (GradCheck.Fn) x -> x[0].conv2d(x[1], Padding.VALID), new Tensor[] {Tensor.randn(r, 2, 2, 5, 4), Tensor.randn(r, 3, 2, 3, 3)}),
                Arguments.of("conv2d same", (GradCheck.Fn) x -> x[0].conv2d(x[1], Padding.SAME), new Tensor[] {Tensor.randn(r, 2, 2, 4, 5), Tensor.randn(r, 3, 2, 3, 3)}),
                Arguments.of("conv2d same even kernel", (GradCheck.Fn) x -> x[0].conv2d(x[1], Padding.SAME), new Tensor[] {Tensor.randn(r, 1, 2, 4, 4), Tensor.randn(r, 2, 2, 2, 2)}),
                Arguments.of("conv2d with bias", (GradCheck.Fn) x -> Convolution.conv2d(x[0], x[1], x[2], Padding.VALID), new Tensor[] {Tensor.randn(r, 2, 1, 4, 4), Tensor.randn(r, 2, 1, 3, 3), Tensor.randn(r, 2)}),
                Arguments.of("maxPool2x2", (GradCheck.Fn) x -> x[0].maxPool2x2(), new Tensor[] {distinct(r, 2, 2, 4, 5)}),
                Arguments.of("dropout", (GradCheck.Fn) x -> x[0].dropout(Rng.seeded(3), 0.4f), new Tensor[] {Tensor.randn(r, 4, 6)}),
                Arguments.of("softmaxCrossEntropy", (GradCheck.Fn) x -> Losses.softmaxCrossEntropy(x[0], x[1]), new Tensor[] {Tensor.randn(r, 3, 3), oneHot}),
                Arguments.of("softmaxCrossEntropy labels", (GradCheck.Fn) x -> Losses.softmaxCrossEntropy(x[0], new int[] {2, 0, 1}), new Tensor[] {Tensor.randn(r, 3, 3)}),
                Arguments.of("bceWithLogits", (GradCheck.Fn) x -> Losses.bceWithLogits(x[0], x[1]), new Tensor[] {Tensor.randn(r, 4, 2), Tensor.uniform(r, 0, 1, 4, 2)}),
                Arguments.of("mse", (GradCheck.Fn) x -> Losses.mse(x[0], x[1]), new Tensor[] {Tensor.randn(r, 4, 2), Tensor.randn(r, 4, 2)}),
                Arguments.of("fan-out accumulates", (GradCheck.Fn) x -> x[0].mul(x[0]).add(x[0].tanh()).sum(), new Tensor[] {Tensor.randn(r, 6)}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void fullJacobianMatchesCentralDifferences(String name, GradCheck.Fn fn, Tensor[] inputs) {
        GradCheck.of(fn, inputs).checkJacobian().assertPassed();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ops")
    void randomProjectionsMatchCentralDifferences(String name, GradCheck.Fn fn, Tensor[] inputs) {
        GradCheck.of(fn, inputs).projections(3).check().assertPassed();
    }

    @Test
    void projectionCheckAtRealisticSize() {
        Rng r = Rng.seeded(11);
        GradCheck.of(x -> x[0].matmul(x[1]).add(x[2]).tanh().matmulTransB(x[3]).sigmoid(),
                Tensor.randn(r, 37, 65), Tensor.randn(r, 65, 33).mul(0.1f), Tensor.randn(r, 33), Tensor.randn(r, 17, 33).mul(0.3f))
                .check().assertPassed();
    }

    @Test
    void gradCheckCatchesAWrongBackwardRule() {
        // a custom op whose backward rule is off by a factor of 2: GradCheck must report it
        GradCheck.Fn wrongDouble = x -> Tensor.result("double", x[0].shape(), x[0].mul(2f).toArray(),
                (g, gin) -> {
                    for (int i = 0; i < g.length; i++) {
                        gin[0][i] += g[i];
                    }
                }, x[0]);
        Tensor input = Tensor.randn(Rng.seeded(1), 2, 3);
        GradCheck.Report jac = GradCheck.of(wrongDouble, input).checkJacobian();
        assertThat(jac.passed()).isFalse();
        assertThat(jac.mismatches()).hasSize(6 * 6 - 30);   // the 6 diagonal entries: 1 vs 2
        assertThat(jac.toString()).contains("GradCheck jacobian: 36 compared, 6 mismatched", "input 0  element 0  output 0",
                "analytic 1.00000  numeric 2.00000");
        assertThat(GradCheck.of(wrongDouble, input).check().passed()).isFalse();
    }
}
