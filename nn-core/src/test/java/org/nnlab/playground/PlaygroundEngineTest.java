package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The update rule on hand-computed cases, the batch carry-over, L1's dead links and the draw order. */
class PlaygroundEngineTest {
    static final List<Feature> X_ONLY = List.of(Feature.X);

    /** 1 input -> 1 linear hidden node -> linear output, with chosen parameters. */
    static PlaygroundNetwork chain(double w1, double b1, double w2, double b2) {
        PlaygroundNetwork net = PlaygroundNetwork.build(1, new int[] {1}, PlaygroundActivation.LINEAR,
                PlaygroundActivation.LINEAR, SeedRandom.of("t"), false);
        net.setWeight(1, 0, 0, w1);
        net.setBias(1, 0, b1);
        net.setWeight(2, 0, 0, w2);
        net.setBias(2, 0, b2);
        return net;
    }

    @Test
    void oneExampleOneUpdateByHand() {
        double w1 = 0.3, b1 = 0.1, w2 = -0.4, b2 = 0.2, x = 2, t = 1, lr = 0.1;
        PlaygroundNetwork net = chain(w1, b1, w2, b2);
        PlaygroundEngine.epoch(net, X_ONLY, List.of(new Example(x, 0, t)), 1, lr, Regularization.NONE, 0);
        double h = b1 + w1 * x;                 // 0.7
        double out = b2 + w2 * h;               // -0.08
        double dOut = out - t;                  // dE/dz at the linear output
        double dH = w2 * dOut;                  // back through w2 (its value before the update)
        assertThat(net.weight(2, 0, 0)).isEqualTo(w2 - (lr / 1) * (dOut * h));
        assertThat(net.bias(2, 0)).isEqualTo(b2 - (lr * dOut) / 1);
        assertThat(net.weight(1, 0, 0)).isEqualTo(w1 - (lr / 1) * (dH * x));
        assertThat(net.bias(1, 0)).isEqualTo(b1 - (lr * dH) / 1);
    }

    @Test
    void batchesCarryOverIntoTheNextEpoch() {
        // 3 examples, batch 2: epoch 1 updates after examples 1-2; example 3 carries over, so epoch 2's
        // first update averages examples 3, 1 and 2 (n = 3). Compare with an explicit replay.
        List<Example> train = List.of(new Example(1, 0, 0.5), new Example(-2, 0, -1), new Example(3, 0, 1));
        PlaygroundNetwork net = chain(0.3, 0.1, -0.4, 0.2);
        PlaygroundNetwork replay = net.copy();
        PlaygroundEngine.epoch(net, X_ONLY, train, 2, 0.05, Regularization.NONE, 0);
        assertThat(net.accumulated()).isEqualTo(1);
        PlaygroundEngine.epoch(net, X_ONLY, train, 2, 0.05, Regularization.NONE, 0);
        assertThat(net.accumulated()).isEqualTo(1);

        int[] updateAfter = {2, 2 + 3};            // cumulative example counts at which updates fire
        int seen = 0;
        for (int epoch = 0; epoch < 2; epoch++) {
            for (int i = 0; i < 3; i++) {
                Example e = train.get(i);
                replay.forward(new double[] {e.x()});
                replay.backward(e.label());
                seen++;
                if ((i + 1) % 2 == 0) {
                    assertThat(replay.accumulated()).isEqualTo(seen == updateAfter[0] ? 2 : 3);
                    replay.update(0.05, Regularization.NONE, 0);
                }
            }
        }
        assertThat(net.weight(1, 0, 0)).isEqualTo(replay.weight(1, 0, 0));
        assertThat(net.bias(2, 0)).isEqualTo(replay.bias(2, 0));
    }

    @Test
    void l1KillsALinkWhoseWeightItPushesAcrossZero() {
        // w2 = 0.01: the gradient step leaves w1 > 0 and lr·λ·sign(w) = 0.1 pushes it below 0: dead, w = 0
        PlaygroundNetwork net = chain(0.3, 0.1, 0.01, 0.0);
        double h = 0.1 + 0.3 * 1;
        double dOut = (0.0 + 0.01 * h) - 0.004;     // target chosen so the step is small
        PlaygroundEngine.epoch(net, X_ONLY, List.of(new Example(1, 0, 0.004)), 1, 0.1, Regularization.L1, 1.0);
        double w1 = 0.01 - (0.1 / 1) * (dOut * h);
        assertThat(w1).isPositive();
        assertThat(w1 - 0.1 * 1.0).isNegative();
        assertThat(net.isDead(2, 0, 0)).isTrue();
        assertThat(net.weight(2, 0, 0)).isZero();
        assertThat(net.isDead(1, 0, 0)).isFalse();
        // a dead link stays dead and at 0, whatever comes next
        PlaygroundEngine.epoch(net, X_ONLY, List.of(new Example(5, 0, 3)), 1, 0.1, Regularization.L1, 0);
        assertThat(net.weight(2, 0, 0)).isZero();
        assertThat(net.isDead(2, 0, 0)).isTrue();
    }

    @Test
    void l2ShrinksByLearningRateTimesRateTimesTheOldWeight() {
        PlaygroundNetwork net = chain(0.3, 0.1, -0.4, 0.2);
        PlaygroundNetwork noReg = net.copy();
        List<Example> one = List.of(new Example(2, 0, 1));
        PlaygroundEngine.epoch(net, X_ONLY, one, 1, 0.1, Regularization.L2, 0.03);
        PlaygroundEngine.epoch(noReg, X_ONLY, one, 1, 0.1, Regularization.NONE, 0.03);
        assertThat(net.weight(2, 0, 0)).isEqualTo(noReg.weight(2, 0, 0) - (0.1 * 0.03) * -0.4);
        assertThat(net.bias(2, 0)).isEqualTo(noReg.bias(2, 0));    // biases are never regularized
    }

    @Test
    void defaultConfigurationDrawsDataThenWeights() {
        // spec 2.2: the default circle draws 2500 values for data and shuffle, then the 18 weights
        SeedRandom rng = SeedRandom.of("0.12345");
        List<Example> data = new ArrayList<>(Datasets.circle(rng, 500, 0));
        Datasets.shuffle(data, rng);
        assertThat(rng.draws()).isEqualTo(2500);
        SeedRandom replay = SeedRandom.of("0.12345");
        for (int i = 0; i < 2500; i++) {
            replay.nextDouble();
        }
        PlaygroundNetwork net = PlaygroundNetwork.build(2, new int[] {4, 2}, PlaygroundActivation.TANH,
                PlaygroundActivation.TANH, rng, false);
        assertThat(rng.draws()).isEqualTo(2518);
        assertThat(net.weight(1, 0, 0)).isEqualTo(replay.nextDouble() - 0.5);   // link x -> node 1
        assertThat(net.weight(1, 0, 1)).isEqualTo(replay.nextDouble() - 0.5);   // link y -> node 1
        assertThat(net.weight(1, 1, 0)).isEqualTo(replay.nextDouble() - 0.5);   // link x -> node 2
        assertThat(net.bias(1, 3)).isEqualTo(0.1);
        PlaygroundNetwork zero = PlaygroundNetwork.build(2, new int[] {4, 2}, PlaygroundActivation.TANH,
                PlaygroundActivation.TANH, SeedRandom.of("s"), true);
        assertThat(zero.weight(2, 1, 3)).isZero();
        assertThat(zero.bias(3, 0)).isZero();
    }

    @Test
    void lossIsHalfTheMeanSquareError() {
        PlaygroundNetwork net = chain(0.3, 0.1, -0.4, 0.2);
        List<Example> data = List.of(new Example(2, 0, 1), new Example(-1, 0, -1));
        double o1 = 0.2 + -0.4 * (0.1 + 0.3 * 2);
        double o2 = 0.2 + -0.4 * (0.1 + 0.3 * -1);
        double expected = (0.5 * ((o1 - 1) * (o1 - 1)) + 0.5 * ((o2 + 1) * (o2 + 1))) / 2;
        assertThat(PlaygroundEngine.loss(net, X_ONLY, data)).isEqualTo(expected);
        assertThat(PlaygroundEngine.loss(net, X_ONLY, List.of())).isNaN();
    }

    @ParameterizedTest
    @EnumSource(PlaygroundActivation.class)
    void batchedOutputsAreEachExamplesForwardPassBitForBit(PlaygroundActivation activation) {
        // a 7-input 6x8 network with weights scaled up, so tanh sees small, mid and saturated (>= 22) totals
        SeedRandom rng = SeedRandom.of("batch");
        for (PlaygroundActivation outputActivation : List.of(PlaygroundActivation.TANH, PlaygroundActivation.LINEAR)) {
            PlaygroundNetwork net = PlaygroundNetwork.build(7, new int[] {8, 8, 8, 8, 8, 8}, activation,
                    outputActivation, rng, false);
            for (int l = 1; l <= 7; l++) {
                for (int d = 0; d < net.size(l); d++) {
                    for (int s = 0; s < net.size(l - 1); s++) {
                        net.setWeight(l, d, s, 8 * (rng.nextDouble() - 0.5));
                    }
                }
            }
            double[][] inputs = new double[37][7];
            for (double[] x : inputs) {
                for (int j = 0; j < 7; j++) {
                    x[j] = 12 * (rng.nextDouble() - 0.5) * (j == 0 ? 1e-17 : 1);
                }
            }
            double[] batched = net.outputs(inputs);
            for (int e = 0; e < inputs.length; e++) {
                assertThat(batched[e]).as("%s/%s example %d", activation, outputActivation, e)
                        .isEqualTo(net.forward(inputs[e]));
            }
        }
    }

    @Test
    void forwardTanhIsStrictMathsTanh() {
        // 1 input -> 1 tanh node -> tanh output: forward's tanh (the kernels') against StrictMath by hand
        PlaygroundNetwork net = PlaygroundNetwork.build(1, new int[] {1}, PlaygroundActivation.TANH,
                PlaygroundActivation.TANH, SeedRandom.of("t"), false);
        net.setWeight(1, 0, 0, 0.7);
        net.setWeight(2, 0, 0, -1.3);
        for (double x = -30; x <= 30; x += 0.173) {
            double expected = StrictMath.tanh(0.1 + -1.3 * StrictMath.tanh(0.1 + 0.7 * x));
            assertThat(net.forward(new double[] {x})).as("x=%s", x).isEqualTo(expected);
        }
    }
}
