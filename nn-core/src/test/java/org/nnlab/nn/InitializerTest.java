package org.nnlab.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;
import org.nnlab.core.op.Padding;

/** Initializers against their ranges and moments, and their fans as Keras computes them. */
class InitializerTest {

    @Test
    void glorotUniformUsesTheKerasLimit() {
        // Linear 784 -> 128: l = sqrt(6 / 912); the ShapeShop spec's table gives 0.0811
        float[] w = Linear.of(784, 128, Rng.seeded(1)).weight().array();
        float l = (float) Math.sqrt(6.0 / (784 + 128));
        assertThat(l).isBetween(0.0810f, 0.0812f);
        assertThat(maxAbs(w)).isLessThanOrEqualTo(l).isGreaterThan(0.999f * l);
        // Conv2d 32 -> 32, 3x3: fanIn = 288, fanOut = 288
        float[] c = Conv2d.of(32, 32, 3, Padding.VALID, Rng.seeded(2)).weight().array();
        float lc = (float) Math.sqrt(6.0 / (288 + 288));
        assertThat(maxAbs(c)).isLessThanOrEqualTo(lc).isGreaterThan(0.99f * lc);
        assertThat(Linear.of(3, 2, Rng.seeded(3)).bias().array()).containsOnly(0f);
    }

    @Test
    void normalHasTheRequestedSigmaAndUniformItsRange() {
        float[] n = Initializer.normal(0.5f).draw(Rng.seeded(4), 200_000, 1, 1);
        double mean = 0;
        double sq = 0;
        for (float v : n) {
            mean += v;
            sq += (double) v * v;
        }
        mean /= n.length;
        assertThat(mean).isBetween(-0.005, 0.005);
        assertThat(Math.sqrt(sq / n.length - mean * mean)).isBetween(0.495, 0.505);
        float[] u = Initializer.uniform(-0.5f, 0.5f).draw(Rng.seeded(5), 10_000, 1, 1);
        assertThat(maxAbs(u)).isLessThanOrEqualTo(0.5f).isGreaterThan(0.499f);
        assertThat(Initializer.zeros().draw(Rng.seeded(6), 7, 1, 1)).containsOnly(0f);
        assertThat(Initializer.constant(0.1f).draw(Rng.seeded(6), 7, 1, 1)).containsOnly(0.1f);
    }

    private static float maxAbs(float[] values) {
        float max = 0;
        for (float v : values) {
            max = Math.max(max, Math.abs(v));
        }
        return max;
    }

    @Test
    void sameSeedSameParameters() {
        assertThat(Linear.of(5, 4, Rng.seeded(9)).weight().array()).containsExactly(Linear.of(5, 4, Rng.seeded(9)).weight().array());
        assertThatThrownBy(() -> Initializer.normal(-1f)).hasMessage("Initializer.normal: sigma must be >= 0, got -1.0");
        assertThatThrownBy(() -> Initializer.uniform(1f, 0f)).hasMessage("Initializer.uniform: lo must be <= hi, got lo=1.0 hi=0.0");
    }
}
