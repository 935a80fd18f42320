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
        ModelSummary s = shapeShopCnn(10, Rng.seeded(1)).summary(Shape.of(1, 28, 28));
        assertThat(s.totalParameters()).isEqualTo(600_810);
        assertThat(s.totalMacs()).isEqualTo(6_094_208);
        assertThat(s.outputShape()).isEqualTo(Shape.of(10));
        assertThat(s.rows()).extracting(r -> r.outputShape().toTimesString()).containsExactly(
                "32×26×26", "32×26×26", "32×24×24", "32×24×24", "32×12×12", "32×12×12", "4608", "128", "128", "128",
                "10", "10");
        assertThat(s.rows().get(0).kernel()).isEqualTo("3×3 /1 valid");
        assertThat(s.rows().get(0).macs()).isEqualTo(194_688);
        assertThat(s.rows().get(2).macs()).isEqualTo(5_308_416);
        assertThat(s.toString()).contains("Params: 600,810", "MACs per sample: 6,094,208");
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
    }
}
