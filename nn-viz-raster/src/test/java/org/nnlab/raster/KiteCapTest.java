package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Capped gradient kites: short ones keep GAN Lab's length, long ones stop at the cap, and none runs past it. */
class KiteCapTest {
    /** The farthest inked pixel from the base (200, 200) of one kite drawn on a 400 x 400 unit square. */
    private static double reach(double vx, double vy, double cap) {
        Figure f = Figure.of(400, 400, Bounds.square(0, 1));
        f.main().arrows(new double[] {0.5}, new double[] {0.5}, new double[] {vx}, new double[] {vy}, 0.15, 0.004, cap,
                Argb.opaque(0xc414db));
        int[] rgb = f.rgb();
        double far = 0;
        for (int p = 0; p < rgb.length; p++) {
            if ((rgb[p] & 0xffffff) != 0xffffff) {
                far = Math.max(far, Math.hypot(p % 400 + 0.5 - 200, p / 400 + 0.5 - 200));
            }
        }
        return far;
    }

    @Test
    void longKitesStopAtTheCapShortOnesKeepTheirLength() {
        // 0.15 * 20 = 3 units uncapped: across the whole picture; capped at 0.1, 40 px
        assertThat(reach(20, 0, Double.POSITIVE_INFINITY)).isGreaterThan(190);
        assertThat(reach(20, 0, 0.1)).isBetween(38.0, 41.5);
        assertThat(reach(0, -20, 0.1)).isBetween(38.0, 41.5);
        // 0.15 * 0.2 = 0.03 units = 12 px: tanh(0.3) / 0.3 = 0.971 of it
        assertThat(reach(0.2, 0, 0.1)).isBetween(11.65 - 1.2, 11.65 + 1.2);
        assertThat(reach(0.2, 0, Double.POSITIVE_INFINITY)).isBetween(12 - 1.2, 12 + 1.2);
        assertThatThrownBy(() -> reach(1, 0, 0)).hasMessageContaining("maxLength");
    }
}
