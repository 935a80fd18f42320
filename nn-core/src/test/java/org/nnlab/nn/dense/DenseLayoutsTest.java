package org.nnlab.nn.dense;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nnlab.core.Rng;
import org.nnlab.nn.Activation;

/**
 * The feature-major layout of narrow networks gives the row-major layout's bits: outputs, logits, every hidden
 * activation, parameter gradients and input gradients, for GAN Lab's shapes and edge shapes (a layer of 0, a single
 * row, rows that leave vector tails), every output activation, ReLU and linear hidden layers.
 */
class DenseLayoutsTest {

    static Stream<Arguments> networks() {
        Stream.Builder<Arguments> b = Stream.builder();
        int[][] shapes = {{2, 8, 8, 2}, {2, 8, 8, 1}, {2, 10, 10, 2}, {2, 9, 9, 9, 1}, {1, 1}, {3, 0, 4}, {4, 12, 3}, {2, 5, 2},
            {2, 20, 20, 1}, {3, 13, 32, 2}};
        for (int[] sizes : shapes) {
            for (Activation hidden : new Activation[] {Activation.RELU, Activation.LINEAR}) {
                for (Activation output : new Activation[] {Activation.TANH, Activation.SIGMOID, Activation.SOFTMAX,
                    Activation.LINEAR}) {
                    for (int rows : new int[] {1, 9, 150, 300}) {
                        b.add(Arguments.of(sizes, hidden, output, rows));
                    }
                }
            }
        }
        return b.build();
    }

    @ParameterizedTest(name = "{0} {1} {2}, {3} rows")
    @MethodSource("networks")
    void bothLayoutsGiveTheSameBits(int[] sizes, Activation hidden, Activation output, int rows) {
        Rng rng = Rng.seeded(java.util.Arrays.hashCode(sizes) * 31L + hidden.ordinal() * 7 + output.ordinal() + rows);
        DenseStack columns = DenseStack.of(sizes, hidden, output);
        assertThat(columns.columnar()).isTrue();
        float[] p = new float[columns.parameterCount()];
        for (int i = 0; i < p.length; i++) {
            p[i] = (float) (rng.nextGaussian() * 0.7);
        }
        columns.setParameters(p);
        DenseStack rowMajor = columns.rowMajorCopy();
        assertThat(rowMajor.columnar()).isFalse();
        float[] x = new float[rows * sizes[0]];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * 2);
        }
        if (x.length > 3) {
            x[1] = -0f;
            x[2] = 0f;
        }
        float[] delta = new float[rows * columns.outputs()];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = (float) rng.nextGaussian() / rows;
        }
        DenseStack.Workspace a = columns.workspace(rows + 3);
        DenseStack.Workspace b = rowMajor.workspace(rows + 3);
        columns.forward(x, rows, a);
        rowMajor.forward(x, rows, b);
        assertThat(slice(a.output(), rows * columns.outputs())).as("outputs").containsExactly(slice(b.output(), rows * columns.outputs()));
        assertThat(slice(a.logits(), rows * columns.outputs())).as("logits").containsExactly(slice(b.logits(), rows * columns.outputs()));
        for (int l = 1; l < sizes.length - 1; l++) {
            assertThat(slice(a.activations(l), rows * sizes[l])).as("layer %d", l)
                    .containsExactly(slice(b.activations(l), rows * sizes[l]));
        }
        float[] ga = new float[p.length];
        float[] gb = new float[p.length];
        float[] xa = new float[x.length];
        float[] xb = new float[x.length];
        columns.backward(a, delta, ga, xa);
        rowMajor.backward(b, delta, gb, xb);
        assertThat(ga).as("parameter gradients").containsExactly(gb);
        assertThat(xa).as("input gradients").containsExactly(xb);
    }

    private static float[] slice(float[] v, int n) {
        return java.util.Arrays.copyOf(v, n);
    }
}
