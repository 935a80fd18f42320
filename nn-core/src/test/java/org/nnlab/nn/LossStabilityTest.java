package org.nnlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Tensor;

/** The fused losses stay finite, with the right values and gradients, for logits of ±1000. */
class LossStabilityTest {

    @Test
    void softmaxCrossEntropyAtHugeLogits() {
        Tensor z = Tensor.of(new float[] {1000, -1000, 0, -1000, 1000, 0}, 2, 3).trainable();
        Tensor t = Tensor.of(new float[] {1, 0, 0, 1, 0, 0}, 2, 3);
        Tensor loss = Losses.softmaxCrossEntropy(z, t);
        assertThat(loss.item()).isCloseTo(1000f, offset(1e-3f));   // row 1 right (0), row 2 off by 2000: mean 1000
        float[] g = loss.gradients(z).get(z).array();
        assertThat(g).doesNotContain(Float.NaN);
        assertThat(g).containsExactly(0f, 0f, 0f, -0.5f, 0.5f, 0f);
        assertThat(z.softmax().array()).doesNotContain(Float.NaN);
        assertThat(z.logSoftmax().array()[1]).isEqualTo(-2000f);
    }

    @Test
    void bceWithLogitsAtHugeLogits() {
        Tensor z = Tensor.of(1000f, -1000f, 1000f, -1000f).trainable();
        Tensor t = Tensor.of(1f, 0f, 0f, 1f);
        Tensor loss = Losses.bceWithLogits(z, t);
        assertThat(loss.item()).isCloseTo(500f, offset(1e-3f));    // two right (0), two wrong by 1000
        assertThat(loss.gradients(z).get(z).array()).containsExactly(0f, 0f, 0.25f, -0.25f);
        assertThat(z.sigmoid().array()).containsExactly(1f, 0f, 1f, 0f);
    }

    @Test
    void bceMatchesTheTextbookFormulaWhereThatIsFinite() {
        Tensor z = Tensor.of(-2f, 0.5f, 3f);
        Tensor t = Tensor.of(0.2f, 1f, 0f);
        double expected = 0;
        for (int i = 0; i < 3; i++) {
            double p = 1 / (1 + Math.exp(-z.array()[i]));
            expected -= t.array()[i] * Math.log(p) + (1 - t.array()[i]) * Math.log(1 - p);
        }
        assertThat(Losses.bceWithLogits(z, t).item()).isCloseTo((float) (expected / 3), offset(1e-6f));
        assertThat(Losses.mse(z, t).item()).isCloseTo((2.2f * 2.2f + 0.25f + 9f) / 3, offset(1e-6f));
    }
}
