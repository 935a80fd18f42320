package org.nnlab.nn;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.core.Shape;
import org.nnlab.core.op.Padding;

/** Parameter and multiply-add counts against the formulas and the exact numbers of spec/diagrams.md B.4. */
class SummaryTest {

    static Sequential shapeShopCnn(int classes, Rng rng) {
        return Sequential.of(Conv2d.of(1, 32, 3, Padding.VALID, rng), ActivationLayer.of(Activation.RELU),
                Conv2d.of(32, 32, 3, Padding.VALID, rng), ActivationLayer.of(Activation.RELU),
                new MaxPool2d(), new Dropout(0.25f), new Flatten(),
                Linear.of(4608, 128, rng), ActivationLayer.of(Activation.RELU), new Dropout(0.5f),
                Linear.of(128, classes, rng), ActivationLayer.of(Activation.SOFTMAX));
    }

    @Test
    void shapeShopCnnWithTenClasses() {
        ModelSummary s = shapeShopCnn(10, Rng.seeded(1)).summary("cnn-28x28", Shape.of(1, 28, 28), true);
        assertThat(s.totalParameters()).isEqualTo(600_810);
        assertThat(s.totalMacs()).isEqualTo(6_094_208);
        assertThat(s.activationFloats()).isEqualTo(54_938);
        assertThat(s.outputShape()).isEqualTo(Shape.of(10));
        assertThat(s.rows()).extracting(r -> r.outputShape().toTimesString()).containsExactly(
                "32×26×26", "32×24×24", "32×12×12", "32×12×12", "4608", "128", "128", "10");
        assertThat(s.rows()).extracting(ModelSummary.Row::activation).containsExactly(
                "relu", "relu", "", "", "", "relu", "", "softmax");
        assertThat(s.rows().get(0).kernel()).isEqualTo("3×3 /1 valid");
        assertThat(s.rows().get(0).macs()).isEqualTo(194_688);
        assertThat(s.rows().get(1).macs()).isEqualTo(5_308_416);
    }

    /** The text of spec/diagrams.md B.4, character for character. */
    @Test
    void shapeShopCnnTextIsTheSpecsExample() {
        String expected = """
                Model: cnn-28x28   input 1×28×28 float32   output 10 (softmax)
                ═══════════════════════════════════════════════════════════════════════════════════════════
                 #  Layer           Kernel         Activation  Output shape     Params  %Params        MACs
                ───────────────────────────────────────────────────────────────────────────────────────────
                 0  Input                                      1×28×28               0      0.0           0
                 1  Conv2D 32       3×3 /1 valid   relu        32×26×26            320      0.1     194,688
                 2  Conv2D 32       3×3 /1 valid   relu        32×24×24          9,248      1.5   5,308,416
                 3  MaxPool2D       2×2 /2                     32×12×12              0      0.0           0
                 4  Dropout p=0.25                             32×12×12              0      0.0           0
                 5  Flatten                                    4608                  0      0.0           0
                 6  Dense 128                      relu        128             589,952     98.2     589,824
                 7  Dropout p=0.50                             128                   0      0.0           0
                 8  Dense 10                       softmax     10                1,290      0.2       1,280
                ═══════════════════════════════════════════════════════════════════════════════════════════
                Params: 600,810 total · 600,810 trainable · 0 non-trainable · 2.29 MiB (float32)
                MACs per sample: 6,094,208 (6.09 M) · activations per sample: 54,938 floats (214.6 KiB)
                """;
        assertThat(shapeShopCnn(10, Rng.seeded(1)).summary("cnn-28x28", Shape.of(1, 28, 28), true).toText())
                .isEqualTo(expected);
    }

    /** The compact flow of B.4, character for character. */
    @Test
    void shapeShopCnnAsciiFlowIsTheSpecsExample() {
        String expected = """
                       input  #####  1×28×28
                  Conv2D 3×3   \\|/   ──────────      320    0.1%
                        relu  #####  32×26×26
                  Conv2D 3×3   \\|/   ──────────    9,248    1.5%
                        relu  #####  32×24×24
                 MaxPool 2×2  Y max  ──────────        0    0.0%
                              #####  32×12×12
                 Dropout .25   | ||  ──────────        0    0.0%
                              #####  32×12×12
                     Flatten  |||||  ──────────        0    0.0%
                              #####  4608
                       Dense  XXXXX  ──────────  589,952   98.2%
                        relu  #####  128
                  Dropout .5   | ||  ──────────        0    0.0%
                              #####  128
                       Dense  XXXXX  ──────────    1,290    0.2%
                     softmax  #####  10
                """;
        assertThat(shapeShopCnn(10, Rng.seeded(1)).summary(Shape.of(1, 28, 28)).toAsciiFlow()).isEqualTo(expected);
    }

    @Test
    void identicalConsecutiveLayersFoldUnlessAskedNotTo() {
        Rng rng = Rng.seeded(4);
        Sequential deep = Sequential.of(Linear.of(2, 8, rng), ActivationLayer.of(Activation.TANH), Linear.of(8, 8, rng),
                ActivationLayer.of(Activation.TANH), Linear.of(8, 8, rng), ActivationLayer.of(Activation.TANH),
                Linear.of(8, 8, rng), ActivationLayer.of(Activation.TANH), Linear.of(8, 1, rng));
        ModelSummary folded = deep.summary(Shape.of(2));
        assertThat(folded.rows()).extracting(ModelSummary.Row::label).containsExactly("Dense 8", "Dense 8 ×3", "Dense 1");
        assertThat(folded.rows().get(1).parameters()).isEqualTo(3 * 72);
        ModelSummary flat = deep.summary("deep", Shape.of(2), false);
        assertThat(flat.rows()).hasSize(5);
        assertThat(flat.totalParameters()).isEqualTo(folded.totalParameters()).isEqualTo(24 + 3 * 72 + 9);
        assertThat(flat.activationFloats()).isEqualTo(folded.activationFloats());
    }

    @Test
    void everyLayerTypeCountsParametersByFormula() {
        Rng rng = Rng.seeded(2);
        for (int[] io : new int[][] {{2, 8}, {784, 128}, {128, 4}, {1, 1}}) {
            Linear l = Linear.of(io[0], io[1], rng);
            assertThat(l.parameterCount()).isEqualTo((long) (io[0] + 1) * io[1]);
            assertThat(l.macs(Shape.of(io[0]))).isEqualTo((long) io[0] * io[1]);
        }
        for (int[] c : new int[][] {{1, 32, 3}, {32, 32, 3}, {3, 16, 5}}) {
            Conv2d conv = Conv2d.of(c[0], c[1], c[2], Padding.SAME, rng);
            assertThat(conv.parameterCount()).isEqualTo((long) (c[0] * c[2] * c[2] + 1) * c[1]);
            assertThat(conv.macs(Shape.of(c[0], 10, 10))).isEqualTo((long) c[0] * c[2] * c[2] * c[1] * 100);
        }
        assertThat(new MaxPool2d().parameterCount()).isZero();
        assertThat(new Dropout(0.5f).parameterCount()).isZero();
        assertThat(new Flatten().parameterCount()).isZero();
        assertThat(ActivationLayer.of(Activation.TANH).parameterCount()).isZero();
    }

    @Test
    void shapeShopMlpCountsFollowTheSpec() {
        Rng rng = Rng.seeded(3);
        int classes = 4;
        Sequential mlp = Sequential.of(new Flatten(), Linear.of(784, 128, rng), ActivationLayer.of(Activation.TANH),
                Linear.of(128, 128, rng), ActivationLayer.of(Activation.TANH), Linear.of(128, classes, rng),
                ActivationLayer.of(Activation.SOFTMAX));
        ModelSummary s = mlp.summary(Shape.of(1, 28, 28));
        assertThat(s.totalParameters()).isEqualTo(785L * 128 + 129L * 128 + 129L * classes);
        assertThat(s.rows()).extracting(ModelSummary.Row::label).containsExactly("Flatten", "Dense 128", "Dense 128",
                "Dense 4");                                                  // two Dense 128 with tanh do not fold: 784 and 128 in

    }
}
