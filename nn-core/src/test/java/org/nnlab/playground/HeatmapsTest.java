package org.nnlab.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nnlab.nn.dense.NeuronGrids;

/** The batched heatmaps against the exact double engine, the grid's coordinates, thumbnails and discretize. */
class HeatmapsTest {

    @Test
    void gridUsesD3sInterpolationForm() {
        assertThat(Heatmaps.xAt(0)).isEqualTo(-6);
        assertThat(Heatmaps.xAt(99)).isEqualTo(6);
        assertThat(Heatmaps.yAt(0)).isEqualTo(6);        // top row
        assertThat(Heatmaps.yAt(99)).isEqualTo(-6);
        int differ = 0;
        for (int i = 0; i < 100; i++) {
            differ += Heatmaps.xAt(i) != -6 + 12.0 * i / 99 ? 1 : 0;
        }
        assertThat(differ).isEqualTo(42);                 // spec section 8
    }

    @Test
    void everyNeuronMatchesTheExactEngineWithinFloatTolerance() {
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse(
                "dataset=xor&x=true&y=true&xTimesY=true&sinX=true&networkShape=8,3,5&activation=tanh&seed=0.23456"));
        s.step(20);
        PlaygroundNetwork net = s.network();
        NeuronGrids grids = Heatmaps.neurons(net, s.state().inputs());
        assertThat(grids.layers()).isEqualTo(net.layers());
        assertThat(grids.size(2)).isEqualTo(3);
        for (int row = 0; row < 100; row += 9) {
            for (int col = 0; col < 100; col += 7) {
                net.forward(PlaygroundEngine.input(s.state().inputs(), Heatmaps.xAt(col), Heatmaps.yAt(row)));
                for (int l = 1; l <= net.layers(); l++) {
                    for (int d = 0; d < net.size(l); d++) {
                        assertThat((double) grids.value(l, d, row, col)).as("layer %d node %d at (%d, %d)", l, d, row, col)
                                .isCloseTo(net.lastOutput(l, d), org.assertj.core.data.Offset.offset(2e-5));
                    }
                }
            }
        }
    }

    @Test
    void extensionActivationsMatchTheExactEngineAndTheirDerivatives() {
        for (PlaygroundActivation f : new PlaygroundActivation[] {PlaygroundActivation.LEAKY_RELU, PlaygroundActivation.ELU,
                PlaygroundActivation.SWISH, PlaygroundActivation.SINE}) {
            assertThat(f.isPlaygrounds()).isFalse();
            for (double z : new double[] {-2.3, -0.4, 0.3, 1.7}) {
                double h = 1e-6;
                double numeric = (f.output(z + h) - f.output(z - h)) / (2 * h);
                assertThat(f.derivative(z)).as("%s'(%s)", f, z).isCloseTo(numeric, org.assertj.core.data.Offset.offset(1e-6));
                assertThat(f.derivative(z, f.output(z))).isEqualTo(f.derivative(z));
            }
            PlaygroundSession s = PlaygroundSession.load(PlaygroundState.parse("activation=" + f.id()
                    + "&networkShape=5,3&x=true&y=true&sinX=true&seed=8"));
            assertThat(s.state().activation()).isEqualTo(f);
            s.step(5);
            NeuronGrids g = Heatmaps.neurons(s.network(), s.state().inputs());
            s.network().forward(PlaygroundEngine.input(s.state().inputs(), Heatmaps.xAt(37), Heatmaps.yAt(61)));
            for (int l = 1; l <= s.network().layers(); l++) {
                for (int d = 0; d < s.network().size(l); d++) {
                    assertThat((double) g.value(l, d, 61, 37)).as("%s layer %d node %d", f, l, d)
                            .isCloseTo(s.network().lastOutput(l, d), org.assertj.core.data.Offset.offset(1e-4));
                }
            }
        }
        assertThat(PlaygroundActivation.TANH.isPlaygrounds()).isTrue();
    }

    @Test
    void reluAndLinearAndDivergedNetworks() {
        PlaygroundSession relu = PlaygroundSession.load(PlaygroundState.parse("activation=relu&problem=regression&seed=5"));
        NeuronGrids g = Heatmaps.neurons(relu.network(), relu.state().inputs());
        assertThat(g.grid(1, 0)).hasSize(10_000);
        for (float v : g.grid(1, 0)) {
            assertThat(v).isGreaterThanOrEqualTo(0f);
        }
        PlaygroundSession broken = PlaygroundSession.load(PlaygroundState.parse(
                "problem=regression&learningRate=10&activation=relu&networkShape=8,8&seed=1"));
        broken.step(50);
        float[] out = Heatmaps.neurons(broken.network(), broken.state().inputs()).output();
        assertThat(out).contains(Float.NaN);                                 // drawn grey, never a crash
    }

    @Test
    void thumbnailsAreBlockMeansAndDiscretizeKeepsNaN() {
        float[] grid = new float[100 * 100];
        for (int row = 0; row < 100; row++) {
            for (int col = 0; col < 100; col++) {
                grid[row * 100 + col] = row * 1000 + col;
            }
        }
        float[] thumb = Heatmaps.reduce(grid, 100, 10);
        assertThat(thumb).hasSize(100);
        assertThat(thumb[0]).isEqualTo(4.5f * 1000 + 4.5f);
        assertThat(thumb[3 * 10 + 7]).isEqualTo(34.5f * 1000 + 74.5f);      // row block 3, column block 7
        assertThat(Heatmaps.discretize(new float[] {0f, -0.001f, 2f, Float.NaN})).containsExactly(1f, -1f, 1f, Float.NaN);
        assertThatThrownBy(() -> Heatmaps.reduce(grid, 100, 7)).hasMessage("Heatmaps.reduce: factor 7 does not divide 100");
        assertThat(Heatmaps.feature(Feature.X_SQUARED)[0]).isEqualTo(36f);
        PlaygroundSession s = PlaygroundSession.load(PlaygroundState.defaults("1"));
        assertThatThrownBy(() -> Heatmaps.neurons(s.network(), java.util.List.of(Feature.X)))
                .hasMessage("Heatmaps: 1 features for a network with 2 inputs");
        assertThatThrownBy(() -> Heatmaps.neurons(s.network(), s.state().inputs()).grid(3, 1))
                .hasMessage("NeuronGrids: node 1 is outside 0..0 of layer 3");
    }
}
