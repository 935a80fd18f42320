package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.nnlab.core.Rng;

/**
 * The primitives against closed forms and the seeds' constants: GAN Lab's PRGn samples (spec 2.h),
 * marching squares on a circle, a warped grid's areas and GAN Lab's opacities, the KDE's mass, d3's
 * tick steps, the OKLab map's lightness.
 */
class PrimitivesTest {
    @Test
    void prgnMatchesD3AtTheSpecsSamples() {
        int[][] table = {
            {0, 64, 0, 75}, {1, 115, 47, 128}, {2, 154, 109, 170}, {3, 193, 164, 205}, {4, 228, 210, 230},
            {5, 239, 240, 239}, {6, 214, 238, 209}, {7, 162, 215, 158}, {8, 92, 173, 101}, {9, 33, 120, 57},
            {10, 0, 68, 27},
        };
        for (int[] row : table) {
            int rgb = Palettes.rgbBasis(Palettes.PRGN, row[0] / 10.0);
            assertThat(new int[] {(rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255}).as("PRGn(%s)", row[0] / 10.0)
                    .containsExactly(row[1], row[2], row[3]);
            // the float map sees t to 2^-24: a channel sitting on .5 (0.6 gives 213.5) may round the other way
            int viaFloat = ColorMap.PRGN.rgb(row[0] / 10f);
            for (int shift = 0; shift <= 16; shift += 8) {
                assertThat(Math.abs(((viaFloat >> shift) & 255) - ((rgb >> shift) & 255))).isLessThanOrEqualTo(1);
            }
        }
        assertThat(ColorMap.PRGN.rgb(-3f)).isEqualTo(ColorMap.PRGN.rgb(0f));       // clamped
        assertThat(ColorMap.PRGN.rgb(Float.NaN)).isEqualTo(ColorMap.NAN_GREY);
    }

    @Test
    void greensAndPurplesRunFromTheirSchemesEnds() {
        // a B-spline through the scheme starts and ends on its end colours (the extrapolated control points)
        assertThat(ColorMap.GREENS.rgb(0f)).isEqualTo(0xf7fcf5);
        assertThat(ColorMap.GREENS.rgb(1f)).isEqualTo(0x00441b);
        assertThat(ColorMap.PURPLES.rgb(0f)).isEqualTo(0xfcfbfd);
        assertThat(ColorMap.PURPLES.rgb(1f)).isEqualTo(0x3f007d);
        ColorMap density = ColorMap.scaled(ColorMap.GREENS, 0, 0.05);
        assertThat(density.rgb(0.05f)).isEqualTo(0x00441b);
        assertThat(density.rgb(0.025f)).isEqualTo(ColorMap.GREENS.rgb(0.5f));
        assertThat(ColorMap.GREY.rgb(0.5f)).isEqualTo(0x808080);
        assertThatThrownBy(() -> ColorMap.scaled(ColorMap.GREENS, 1, 1))
                .hasMessage("ColorMap.scaled: need finite lo < hi, got [1.0, 1.0]");
    }

    @Test
    void sequentialMapIsLinearInOklabLightness() {
        double previous = -1;
        for (int k = 0; k <= 20; k++) {
            double t = k / 20.0;
            double lightness = Oklab.fromRgb(ColorMap.SEQUENTIAL.rgb((float) t))[0];
            assertThat(lightness).as("L at %s", t).isCloseTo(0.30 + 0.63 * t, within(0.012));
            assertThat(lightness).isGreaterThan(previous);
            previous = lightness;
        }
    }

    @Test
    void marchingSquaresTraceACircleWithinAPixel() {
        // f = distance from the origin on a 200 x 200 grid over [-2, 2]²: the 1.3 level is a circle of radius 1.3
        int n = 200;
        float[] v = new float[n * n];
        Bounds b = Bounds.square(-2, 2);
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                double x = -2 + (c + 0.5) * 4 / n;
                double y = -2 + (r + 0.5) * 4 / n;
                v[r * n + c] = (float) Math.hypot(x, y);
            }
        }
        List<double[]> lines = Contours.lines(new Grid(n, n, v, b), 1.3);
        assertThat(lines).hasSize(1);
        double[] line = lines.get(0);
        double pixel = 4.0 / n;
        for (int i = 0; i < line.length; i += 2) {
            assertThat(Math.hypot(line[i], line[i + 1])).isCloseTo(1.3, within(pixel));
        }
        assertThat(line[0]).isEqualTo(line[line.length - 2]);           // closed
        assertThat(line[1]).isEqualTo(line[line.length - 1]);
        assertThat(line.length / 2 - 1).isGreaterThan(200);            // every crossed square contributes
    }

    @Test
    void marchingSquaresSeparateSaddlesByTheCentreAndSkipNaN() {
        // 2x2 samples: high on one diagonal; the centre mean 0.5 >= 0.4 joins the highs, < 0.6 separates them
        Grid saddle = new Grid(2, 2, new float[] {1, 0, 0, 1}, Bounds.square(0, 2));
        assertThat(Contours.lines(saddle, 0.4)).hasSize(2);
        assertThat(Contours.lines(saddle, 0.6)).hasSize(2);
        Grid withNaN = new Grid(2, 2, new float[] {1, Float.NaN, 0, 1}, Bounds.square(0, 2));
        assertThat(Contours.lines(withNaN, 0.5)).isEmpty();
    }

    @Test
    void warpedGridAreasAndGanLabOpacities() {
        // identity on the unit square: 400 cells of 1/400, every opacity 0.9 - 0.4 = 0.5
        WarpedGrid identity = WarpedGrid.of(20, 20, Bounds.square(0, 1), (x, y, out) -> {
            out[0] = x;
            out[1] = y;
        });
        for (double a : identity.cellAreas()) {
            assertThat(a).isCloseTo(1.0 / 400, within(1e-12));
        }
        for (double o : identity.uniformNoiseOpacities()) {
            assertThat(o).isCloseTo(0.5, within(1e-12));
        }
        // stretch x by 3 on the right half: cells there have 3x the area of the left ones
        WarpedGrid stretched = WarpedGrid.of(1, 2, Bounds.square(0, 1), (x, y, out) -> {
            out[0] = x <= 0.5 ? x : 0.5 + 3 * (x - 0.5);
            out[1] = y;
        });
        assertThat(stretched.cellAreas()).containsExactly(0.5, 1.5);
        assertThat(stretched.normalizedAreas()).containsExactly(0.25, 0.75);
        // 2 cells: 0.9 - 0.4·2·0.25 = 0.7, and max(0.9 - 0.4·2·0.75, 0.1) = 0.3
        assertThat(stretched.uniformNoiseOpacities()[0]).isCloseTo(0.7, within(1e-12));
        assertThat(stretched.uniformNoiseOpacities()[1]).isCloseTo(0.3, within(1e-12));
        // a collapsed cell has area 0 and GAN Lab's darkest fill
        WarpedGrid collapsed = new WarpedGrid(1, 1, new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0});
        assertThat(collapsed.normalizedAreas()).containsExactly(0.0);
        assertThat(collapsed.uniformNoiseOpacities()).containsExactly(0.9);
    }

    @Test
    void kdeIntegratesToOneAndPeaksAtTheClosedForm() {
        Rng rng = Rng.seeded(3);
        double[] xs = new double[500];
        double[] ys = new double[500];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 0.5 + 0.05 * rng.nextGaussian();
            ys[i] = 0.5 + 0.05 * rng.nextGaussian();
        }
        Bounds b = Bounds.square(0, 1);
        Grid density = Kde.density(Points.valued(xs, ys, new float[xs.length]), b, 100, 100, 0.04);
        double mass = 0;
        for (float v : density.values()) {
            mass += v * 0.01 * 0.01;
        }
        assertThat(mass).isCloseTo(1, within(1e-3));
        // one point: the density at it is 1/(2π h²)
        Grid single = Kde.density(Points.valued(new double[] {0.505}, new double[] {0.505}, new float[1]), b, 100, 100,
                0.1);
        assertThat((double) single.at(50, 50)).isCloseTo(1 / (2 * Math.PI * 0.01), within(1e-3));
        assertThatThrownBy(() -> Kde.density(Points.valued(xs, ys, new float[xs.length]), b, 10, 10, 0))
                .hasMessage("Kde.density: bandwidth must be > 0, got 0.0");
    }

    @Test
    void ticksFollowD3() {
        assertThat(Ticks.of(0, 1, 5)).containsExactly(0.0, 0.2, 0.4, 0.6, 0.8, 1.0);
        assertThat(Ticks.of(-6, 6, 12)).hasSize(13);
        assertThat(Ticks.of(0, 0.037, 4)).containsExactly(0.0, 0.01, 0.02, 0.03);
        assertThat(Ticks.step(0, 100, 10)).isEqualTo(10);
        assertThat(Ticks.step(0, 95, 4)).isEqualTo(20);          // 23.75: error 2.4 >= √2 -> 2·10
        assertThat(Ticks.nice(0.013, 0.48, 5)).containsExactly(0.0, 0.5);
        assertThat(Ticks.format(0.2, Ticks.of(0, 1, 5))).isEqualTo("0.2");
        assertThat(Ticks.format(-6, Ticks.of(-6, 6, 12))).isEqualTo("-6");
    }

    @Test
    void pointsAndGridsNameWhatDisagrees() {
        assertThatThrownBy(() -> Points.valued(new double[2], new double[3], null))
                .hasMessage("Points: xs and ys differ in length: 2 and 3");
        assertThatThrownBy(() -> new WarpedGrid(2, 2, new double[8], new double[9]))
                .hasMessage("WarpedGrid: 2 x 2 cells need 9 corners, got xs 8 and ys 9");
        Figure f = Figure.blank(10, 10);
        assertThatThrownBy(() -> f.plot(5, 5, 6, 2, Bounds.square(0, 1)))
                .hasMessage("Figure.plot: rectangle (5, 5, 6 x 2) must lie inside the 10 x 10 picture");
        assertThatThrownBy(f::main).hasMessageContaining("blank figure has no main plot");
    }

    @Test
    void divergedValuesDrawGreyAndGapsNeverThrow() throws IOException {
        Grid nan = new Grid(2, 2, new float[] {Float.NaN, Float.NaN, Float.NaN, Float.NaN}, Bounds.square(0, 1));
        Figure f = Figure.of(20, 20, Bounds.square(0, 1)).heatmap(nan, ColorMap.PRGN, true);
        assertThat(f.rgb()).containsOnly(ColorMap.NAN_GREY);
        double[] ys = {0.1, Double.NaN, Double.POSITIVE_INFINITY, 0.3};
        LineChart.of(Series.of("loss", Argb.opaque(0), ys)).render(200, 120);
        LineChart.of(Series.of("loss", Argb.opaque(0), new double[] {Double.NaN})).render(200, 120);
        f.main().arrows(new double[] {0.5}, new double[] {0.5}, new double[] {Double.NaN}, new double[] {1}, 0.15, 0.01,
                Argb.of(0xc414db, 0.5));
    }
}
