package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.nn.dense.NeuronGrids;

/** Multi-class softmax output with cross-entropy: gradients by finite differences, training, heatmaps. */
class MultiClassTest {

    static List<Example> blobs(String seed, int n) {
        SeedRandom r = SeedRandom.of(seed);
        double[][] centres = {{-3, -3}, {3, -3}, {0, 3}};
        List<Example> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            out.add(new Example(centres[c][0] + r.uniform(-1.5, 1.5), centres[c][1] + r.uniform(-1.5, 1.5), c));
        }
        return out;
    }

    /** p = softmax(z) of the network's output totals for one input, in double. */
    private static double[] softmax(PlaygroundNetwork net, double[] in) {
        net.forward(in);                                   // a classifier's output nodes are linear: a = z
        int classes = net.classes();
        double[] z = new double[classes];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < classes; c++) {
            z[c] = net.lastOutput(net.layers(), c);
            max = Math.max(max, z[c]);
        }
        double sum = 0;
        for (int c = 0; c < classes; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < classes; c++) {
            z[c] /= sum;
        }
        return z;
    }

    @Test
    void crossEntropyGradientMatchesCentralDifferences() {
        PlaygroundNetwork net = PlaygroundNetwork.classifier(2, new int[] {4}, PlaygroundActivation.TANH, 3,
                SeedRandom.of("g"), false);
        double[] in = {0.7, -1.2};
        int label = 2;
        // one SGD step of lr 1 on one example through the shared engine: w_new = w - dE/dw
        PlaygroundNetwork step = net.copy();
        new OptionsEngine(step, org.nnlab.nn.UpdateRule.momentum(0), 0, null, 1)
                .epoch(new double[][] {in}, List.of(new Example(in[0], in[1], label)), 1, 1, Regularization.NONE, 0);
        for (int[] link : new int[][] {{1, 0, 1}, {1, 3, 0}, {2, 0, 2}, {2, 2, 3}}) {
            PlaygroundNetwork probe = net.copy();
            double w = probe.weight(link[0], link[1], link[2]);
            double h = 1e-6;
            probe.setWeight(link[0], link[1], link[2], w + h);
            double up = -Math.log(softmax(probe, in)[label]);
            probe.setWeight(link[0], link[1], link[2], w - h);
            double down = -Math.log(softmax(probe, in)[label]);
            double analytic = w - step.weight(link[0], link[1], link[2]);
            // float32 parameters on the shared engine: agreement to float precision
            assertThat(analytic).as("link %s", java.util.Arrays.toString(link)).isCloseTo((up - down) / (2 * h), offset(2e-6));
        }
    }

    @Test
    void learnsThreeClassesAndDrawsTheirProbabilities() {
        PlaygroundSession s = PlaygroundSession.withClasses(PlaygroundState.parse("networkShape=6&learningRate=0.1&seed=3"),
                blobs("train", 300), blobs("test", 150), 3);
        assertThat(s.classes()).isEqualTo(3);
        double before = s.last().testLoss();
        s.step(30);
        assertThat(s.last().testLoss()).isLessThan(before / 5);
        assertThat(s.accuracy()[1]).isGreaterThan(0.95);
        NeuronGrids g = Heatmaps.neurons(s.network(), s.state().inputs());
        assertThat(g.size(2)).isEqualTo(3);
        for (int[] at : new int[][] {{5, 5}, {50, 50}, {90, 20}}) {
            float total = 0;
            double[] p = softmax(s.network(), PlaygroundEngine.input(s.state().inputs(), Heatmaps.xAt(at[1]), Heatmaps.yAt(at[0])));
            for (int c = 0; c < 3; c++) {
                total += g.value(2, c, at[0], at[1]);
                assertThat((double) g.value(2, c, at[0], at[1])).isCloseTo(p[c], offset(1e-5));
            }
            assertThat(total).isCloseTo(1f, offset(1e-5f));
        }
        assertThat(s.record().metrics()).containsKeys("trainAccuracy", "testAccuracy");
    }

    @Test
    void labelsMustBeClassIndices() {
        assertThatThrownBy(() -> PlaygroundSession.withClasses(PlaygroundState.defaults("1"),
                List.of(new Example(0, 0, 1.5)), List.of(), 3))
                .hasMessage("PlaygroundSession.withClasses: train point 0 has label 1.5; labels must be 0..2");
        assertThatThrownBy(() -> PlaygroundSession.withClasses(PlaygroundState.defaults("1"), blobs("x", 3), List.of(), 1))
                .hasMessage("PlaygroundSession.withClasses: classes must be >= 2, got 1");
    }
}
