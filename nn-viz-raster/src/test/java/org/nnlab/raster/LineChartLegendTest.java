package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The legend never hides data: wherever a chart's lines draw a pixel, the chart with its legend shows that pixel as
 * the chart without one does. The oracle is the picture itself: the lines' pixels are those that change when the
 * series are drawn in a transparent colour instead.
 */
class LineChartLegendTest {
    private static final int W = 320;
    private static final int H = 200;

    /** Two curves of a kind that puts data in a different corner each time, plus random walks. */
    private static Series[] curves(int kind, SplittableRandom random) {
        int n = 120;
        double[] a = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / (n - 1.0);
            switch (kind) {
                case 0 -> { a[i] = Math.exp(-4 * t); b[i] = 0.8 * Math.exp(-3 * t); }     // falling losses
                case 1 -> { a[i] = t * t; b[i] = 0.9 * t; }                                 // rising: top right taken
                case 2 -> { a[i] = 0.5 + 0.5 * Math.sin(9 * t); b[i] = 1 - t; }             // busy
                default -> {
                    a[i] = (i == 0 ? 0.5 : a[i - 1]) + random.nextGaussian() * 0.05;
                    b[i] = (i == 0 ? 0.3 : b[i - 1]) + random.nextGaussian() * 0.05;
                }
            }
        }
        return new Series[] {Series.of("generator loss", Argb.opaque(0x7b3294), a).withWidth(2),
            Series.of("discriminator loss", Argb.opaque(0x0575b0), b).withWidth(2)};
    }

    private static LineChart chart(Series[] s, boolean visible, boolean legend) {
        Series[] drawn = s.clone();
        if (!visible) {
            for (int i = 0; i < drawn.length; i++) {
                drawn[i] = new Series(s[i].name(), Argb.of(0xffffff, 0), s[i].width(), s[i].xs(), s[i].ys());
            }
        }
        return LineChart.of(drawn).title("Losses").xLabel("epoch").yLabel("loss").legend(legend);
    }

    @Test
    void theLegendCoversNoPixelOfTheLines() {
        SplittableRandom random = new SplittableRandom(7);
        int corners = 0;
        for (int trial = 0; trial < 24; trial++) {
            Series[] s = curves(trial % 4, random);
            LineChart.LegendPlace place = chart(s, true, true).resolveLegendPlace(W, H);
            if (place == LineChart.LegendPlace.ABOVE) {
                continue;                                   // another test: the plot moves down
            }
            corners++;
            int[] without = chart(s, true, false).render(W, H).rgb();
            int[] empty = chart(s, false, false).render(W, H).rgb();
            int[] with = chart(s, true, true).render(W, H).rgb();
            int lines = 0;
            for (int p = 0; p < without.length; p++) {
                if (without[p] != empty[p]) {
                    lines++;
                    assertThat(with[p]).as("trial %d (%s): pixel (%d, %d) of a line", trial, place, p % W, p / W)
                            .isEqualTo(without[p]);
                }
            }
            assertThat(lines).as("the lines draw pixels").isGreaterThan(200);
            assertThat(with).as("the legend is drawn").isNotEqualTo(without);
        }
        assertThat(corners).as("most charts find a free corner").isGreaterThanOrEqualTo(12);
    }

    @Test
    void aRisingCurveMovesTheLegendOutOfTheTopRight() {
        Series[] s = curves(1, new SplittableRandom(1));
        assertThat(chart(s, true, true).resolveLegendPlace(W, H)).isNotEqualTo(LineChart.LegendPlace.TOP_RIGHT);
        assertThat(chart(curves(0, new SplittableRandom(1)), true, true).resolveLegendPlace(W, H))
                .isEqualTo(LineChart.LegendPlace.TOP_RIGHT);
    }

    @Test
    void whenEveryCornerHoldsDataTheLegendGoesAboveThePlot() {
        int n = 400;
        double[] zigzag = new double[n];
        for (int i = 0; i < n; i++) {
            zigzag[i] = i % 2;                              // fills the plot from bottom to top all along
        }
        LineChart chart = LineChart.of(Series.of("noise", Argb.opaque(0x333333), zigzag), Series.of("flat",
                Argb.opaque(0x999999), new double[n])).xLabel("epoch");
        assertThat(chart.resolveLegendPlace(W, H)).isEqualTo(LineChart.LegendPlace.ABOVE);
        // above the plot, the legend's row is all the picture has at the top: the lines start below it
        int[] with = chart.render(W, H).rgb();
        int[] without = chart.legend(false).render(W, H).rgb();
        assertThat(firstRowWithInk(with, 0x333333)).as("the zigzag starts lower with the legend above")
                .isGreaterThan(firstRowWithInk(without, 0x333333));
    }

    private static int firstRowWithInk(int[] rgb, int colour) {
        for (int p = 0; p < rgb.length; p++) {
            if ((rgb[p] & 0xffffff) == colour && p % W > 60) {
                return p / W;
            }
        }
        return -1;
    }

    @Test
    void fixedRangesKeepTheAxesWhileTheDataGrow() {
        Series[] full = curves(0, new SplittableRandom(3));
        int half = full[0].xs().length / 2;
        Series[] first = new Series[2];
        for (int i = 0; i < 2; i++) {
            first[i] = new Series(full[i].name(), full[i].argb(), full[i].width(),
                    java.util.Arrays.copyOf(full[i].xs(), half), java.util.Arrays.copyOf(full[i].ys(), half));
        }
        // with the data's own range the first half fills the plot; with fixed ranges it draws where the whole run does
        int[] whole = LineChart.of(full).legend(false).xRange(0, 119).yRange(0, 1).render(W, H).rgb();
        int[] growing = LineChart.of(first).legend(false).xRange(0, 119).yRange(0, 1).render(W, H).rgb();
        int[] own = LineChart.of(first).legend(false).render(W, H).rgb();
        int sameLeft = 0;
        for (int p = 0; p < whole.length; p++) {
            if (p % W < W / 4) {                            // the first half of the epochs lies in the left part
                assertThat(growing[p]).as("pixel (%d, %d)", p % W, p / W).isEqualTo(whole[p]);
                sameLeft++;
            }
        }
        assertThat(sameLeft).isGreaterThan(0);
        assertThat(own).isNotEqualTo(growing);
        assertThatThrownBy(() -> LineChart.of(full).xRange(1, 1)).hasMessageContaining("xRange")
                .hasMessageContaining("[1.0, 1.0]");
        assertThatThrownBy(() -> LineChart.of(full).yRange(0, Double.NaN)).hasMessageContaining("yRange");
    }

    @Test
    void aLegendAboveStaysInsideItsChartsRectangle() {
        Series[] s = curves(2, new SplittableRandom(4));
        Series[] named = {new Series("KL divergence (by grid)", s[0].argb(), 2, s[0].xs(), s[0].ys()),
            new Series("JS divergence (by grid)", s[1].argb(), 2, s[1].xs(), s[1].ys())};
        for (int width : new int[] {180, 240, 420}) {
            Figure f = Figure.blank(width + 200, 200);
            LineChart.of(named).title("Divergences").yLabel("bits").xLabel("epoch")
                    .legendPlace(LineChart.LegendPlace.ABOVE).draw(f, 100, 0, width, 200);
            int[] rgb = f.rgb();
            for (int p = 0; p < rgb.length; p++) {
                int x = p % f.width();
                if (x < 100 || x >= 100 + width) {
                    assertThat(rgb[p] & 0xffffff).as("width %d: ink at (%d, %d), outside the chart", width, x,
                            p / f.width()).isEqualTo(0xffffff);
                }
            }
        }
    }
}
