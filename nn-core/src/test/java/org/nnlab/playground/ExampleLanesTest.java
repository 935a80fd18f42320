package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An epoch with the examples between two updates side by side ({@link PlaygroundEngine#epoch}) leaves every weight,
 * bias, dead link, accumulator and the last example's node values with the same bits as the literal per-example
 * loop ({@link PlaygroundEngine#epochByExample}): every activation, every regularization, batch sizes that update
 * after each example, never, at fractions and beyond a block of lanes, layers of 0 nodes, and tanh totals that
 * saturate.
 */
class ExampleLanesTest {
    private static final double[] BATCH_SIZES = {1, 2, 3, 7, 10, 30, 63, 64, 65, 129, 1000, 2.5, -3, 0,
        Double.NaN, Double.POSITIVE_INFINITY, 1e10};

    static Stream<Arguments> cases() {
        Stream.Builder<Arguments> b = Stream.builder();
        SplittableRandom rng = new SplittableRandom(20261207);
        for (int c = 0; c < 120; c++) {
            int inputs = rng.nextInt(8);
            int[] hidden = new int[rng.nextInt(4)];
            for (int i = 0; i < hidden.length; i++) {
                hidden[i] = rng.nextInt(10) == 0 ? 0 : 1 + rng.nextInt(9);
            }
            PlaygroundActivation activation = PlaygroundActivation.values()[c % PlaygroundActivation.values().length];
            PlaygroundActivation output = c % 3 == 0 ? PlaygroundActivation.LINEAR : PlaygroundActivation.TANH;
            Regularization reg = Regularization.values()[rng.nextInt(Regularization.values().length)];
            double batch = BATCH_SIZES[c % BATCH_SIZES.length];
            int examples = c % 11 == 0 ? rng.nextInt(3) : rng.nextInt(300);
            b.add(Arguments.of(c, inputs, hidden, activation, output, reg, batch, examples));
        }
        return b.build();
    }

    @ParameterizedTest(name = "case {0}: {1} inputs, hidden {2}, {3}/{4}, {5}, batch {6}, {7} examples")
    @MethodSource("cases")
    void sideBySideIsTheLiteralLoopBitForBit(int c, int inputs, int[] hidden, PlaygroundActivation activation,
                                            PlaygroundActivation output, Regularization reg, double batch,
                                            int examples) {
        SplittableRandom rng = new SplittableRandom(c);
        PlaygroundNetwork lanes = PlaygroundNetwork.build(inputs, hidden, activation, output, SeedRandom.of("case" + c),
                false);
        List<Example> train = new ArrayList<>();
        double[][] in = new double[examples][inputs];
        double scale = c % 4 == 0 ? 30 : 3;          // sometimes tanh saturates and weights run off
        for (int e = 0; e < examples; e++) {
            for (int s = 0; s < inputs; s++) {
                in[e][s] = (rng.nextDouble() - 0.5) * scale;
            }
            if (e % 17 == 5 && inputs > 0) {
                in[e][0] = e % 2 == 0 ? 0.0 : -0.0;
            }
            train.add(new Example(rng.nextDouble() - 0.5, rng.nextDouble() - 0.5, rng.nextBoolean() ? 1 : -1));
        }
        PlaygroundNetwork literal = lanes.copy();
        double lr = c % 5 == 0 ? 3 : 0.03 * (1 + c % 4);
        double rate = reg == Regularization.NONE ? 0 : 0.01 * (1 + c % 3);
        for (int epoch = 0; epoch < 3; epoch++) {
            PlaygroundEngine.epoch(lanes, in, train, batch, lr, reg, rate);
            PlaygroundEngine.epochByExample(literal, in, train, batch, lr, reg, rate);
            assertSameBits(lanes, literal, "epoch " + (epoch + 1));
        }
    }

    @Test
    void aRunLongerThanABlockGoesBlockByBlockInOrder() {
        // batch 200 over 250 examples: blocks of 64 within one update, then 50 left over into the next epoch
        PlaygroundNetwork lanes = PlaygroundNetwork.build(2, new int[] {5, 3}, PlaygroundActivation.TANH,
                PlaygroundActivation.TANH, SeedRandom.of("long"), false);
        PlaygroundNetwork literal = lanes.copy();
        List<Example> train = Datasets.generate(DatasetKind.SPIRAL, SeedRandom.of("data"), 500, 0).subList(0, 250);
        double[][] in = PlaygroundEngine.inputs(List.of(Feature.X, Feature.Y), train);
        for (int epoch = 0; epoch < 4; epoch++) {
            PlaygroundEngine.epoch(lanes, in, train, 200, 0.1, Regularization.L1, 0.003);
            PlaygroundEngine.epochByExample(literal, in, train, 200, 0.1, Regularization.L1, 0.003);
            assertThat(lanes.accumulated()).isEqualTo(literal.accumulated()).isEqualTo(50);   // the counter restarts each epoch: 200 + 50 carried, then 50 again
            assertSameBits(lanes, literal, "epoch " + (epoch + 1));
        }
    }

    @Test
    void aNetworkReadAfterTheLanesShowsTheLastExample() {
        PlaygroundNetwork net = PlaygroundNetwork.build(2, new int[] {3}, PlaygroundActivation.TANH,
                PlaygroundActivation.TANH, SeedRandom.of("last"), false);
        List<Example> train = List.of(new Example(0.5, -1, 1), new Example(-2, 0.25, -1), new Example(1.5, 1, 1));
        double[][] in = PlaygroundEngine.inputs(List.of(Feature.X, Feature.Y), train);
        PlaygroundNetwork probe = net.copy();
        net.accumulate(in, train, 0, 3);
        double expected = probe.forward(in[2]);
        assertThat(net.lastOutput(2, 0)).isEqualTo(expected);
        assertThat(net.lastOutput(0, 1)).isEqualTo(1.0);
        for (int n = 0; n < 3; n++) {
            assertThat(net.lastOutput(1, n)).isEqualTo(probe.lastOutput(1, n));
        }
    }

    static void assertSameBits(PlaygroundNetwork actual, PlaygroundNetwork expected, String when) {
        assertThat(actual.accumulated()).as("%s: accumulated", when).isEqualTo(expected.accumulated());
        for (int l = 1; l <= actual.layers(); l++) {
            assertThat(bits(actual.weights[l])).as("%s: layer %d weights", when, l).isEqualTo(bits(expected.weights[l]));
            assertThat(bits(actual.biases[l])).as("%s: layer %d biases", when, l).isEqualTo(bits(expected.biases[l]));
            assertThat(actual.dead[l]).as("%s: layer %d dead links", when, l).isEqualTo(expected.dead[l]);
            assertThat(bits(actual.accWeights[l])).as("%s: layer %d weight sums", when, l)
                    .isEqualTo(bits(expected.accWeights[l]));
            assertThat(bits(actual.accBiases[l])).as("%s: layer %d bias sums", when, l)
                    .isEqualTo(bits(expected.accBiases[l]));
        }
        for (int l = 0; l <= actual.layers(); l++) {
            for (int n = 0; n < actual.size(l); n++) {
                assertThat(Double.doubleToLongBits(actual.lastOutput(l, n))).as("%s: last output %d/%d", when, l, n)
                        .isEqualTo(Double.doubleToLongBits(expected.lastOutput(l, n)));
            }
        }
    }

    /** The values' bits, every NaN as one (JavaScript has a single NaN). */
    private static long[] bits(double[] values) {
        long[] b = new long[values.length];
        for (int i = 0; i < b.length; i++) {
            b[i] = Double.doubleToLongBits(values[i]);
        }
        return b;
    }
}
