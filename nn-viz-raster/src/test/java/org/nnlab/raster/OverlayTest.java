package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;

/**
 * A scatter drawn once as a {@link Overlay} and blended, against the same scatter drawn straight onto the picture by
 * Java2D, and the blend against source-over's closed form.
 */
class OverlayTest {
    private static final Bounds VIEW = Bounds.square(-6, 6);

    @Test
    void aBlendedLayerIsTheScatterDrawnStraightUpToRounding() {
        Rng rng = Rng.seeded(11);
        int n = 400;
        double[] xs = new double[n];
        double[] ys = new double[n];
        float[] labels = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = rng.nextDouble() * 14 - 7;                     // some outside the view
            ys[i] = rng.nextDouble() * 14 - 7;
            labels[i] = rng.nextDouble() < 0.5 ? -1 : 1;
        }
        Points points = Points.valued(xs, ys, labels);
        float[] field = new float[50 * 50];
        for (int i = 0; i < field.length; i++) {
            field[i] = (float) Math.sin(i * 0.37);
        }
        Grid grid = Grid.fromTopDown(50, 50, field, VIEW);

        Figure straight = Figure.blank(300, 260);
        Plot a = straight.plot(20, 10, 240, 240, VIEW).heatmap(grid, ColorMap.PLAYGROUND, true);
        a.scatter(points, ColorMap.PLAYGROUND_OPAQUE, Argb.of(0xffffff, 0.8), 3.75);
        Figure layered = Figure.blank(300, 260);
        Plot b = layered.plot(20, 10, 240, 240, VIEW).heatmap(grid, ColorMap.PLAYGROUND, true);
        Overlay dots = b.scatterOverlay(points, ColorMap.PLAYGROUND_OPAQUE, Argb.of(0xffffff, 0.8), 3.75);
        b.overlay(dots);

        int[] expected = straight.rgb();
        int[] actual = layered.rgb();
        int worst = 0;
        int differing = 0;
        for (int i = 0; i < expected.length; i++) {
            int d = channelDifference(expected[i], actual[i]);
            worst = Math.max(worst, d);
            differing += d > 1 ? 1 : 0;
            if (i % 300 < 20 || i % 300 >= 260 || i / 300 < 10) {
                assertThat(actual[i]).as("outside the plot, pixel %d", i).isEqualTo(0xffffff);
            }
        }
        assertThat(dots.covered()).as("covered pixels").isBetween(4000, 240 * 240);
        assertThat(worst).as("largest channel difference").isLessThanOrEqualTo(2);
        assertThat(differing).as("pixels two levels apart (42 of 17,269 when written)").isLessThan(dots.covered() / 100);
    }

    @Test
    void theBlendIsSourceOverRounded() {
        Figure f = Figure.blank(40, 40);
        Plot plot = f.plot(0, 0, 40, 40, VIEW);
        plot.background(0x336699);
        // one disc of radius 10 pixels at 50 % red: its centre pixel is fully covered
        Overlay disc = plot.scatterOverlay(Points.uniform(new double[] {0}, new double[] {0}, Argb.rgba(255, 0, 0, 0.5)),
                null, 0, 10);
        plot.overlay(disc);
        int centre = f.rgb()[20 * 40 + 20];
        int alpha = Math.round(0.5f * 255);                         // the colour's alpha byte
        int[] background = {0x33, 0x66, 0x99};
        int[] source = {255, 0, 0};
        for (int c = 0; c < 3; c++) {
            double expected = source[c] * alpha / 255.0 + background[c] * (255 - alpha) / 255.0;
            int got = (centre >> (16 - 8 * c)) & 255;
            assertThat((double) got).as("channel %d", c).isCloseTo(expected, org.assertj.core.api.Assertions.within(1.0));
        }
        assertThat(f.rgb()[0]).as("a corner, uncovered").isEqualTo(0x336699);
    }

    @Test
    void aLayerRefusesAnotherPlot() {
        Figure f = Figure.blank(100, 100);
        Overlay dots = f.plot(0, 0, 50, 50, VIEW).scatterOverlay(Points.uniform(new double[] {1}, new double[] {1},
                Argb.opaque(0)), null, 0, 2);
        assertThatThrownBy(() -> f.plot(10, 0, 50, 50, VIEW).overlay(dots))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("[0, 0, 50, 50]").hasMessageContaining("[10, 0, 50, 50]");
        assertThatThrownBy(() -> f.plot(0, 0, 50, 50, Bounds.square(-1, 1)).overlay(dots))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static int channelDifference(int p, int q) {
        return Math.max(Math.abs(((p >> 16) & 255) - ((q >> 16) & 255)),
                Math.max(Math.abs(((p >> 8) & 255) - ((q >> 8) & 255)), Math.abs((p & 255) - (q & 255))));
    }
}
