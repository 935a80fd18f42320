package org.nnlab.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.CubicCurve2D;

import org.junit.jupiter.api.Test;

/**
 * The link rasterizer against exact pixel coverage where lines sit on pixel edges, against its dash
 * arithmetic, against Java2D's rasterizer of the same curve (total ink and per-pixel agreement), and
 * the flattening against the curve itself.
 */
class StrokeRasterTest {
    private static final int BLACK = 0x000000;
    private static final int WHITE = 0xffffff;

    /** Darkness 0..1 of a grey pixel (its green channel). */
    private static double ink(int rgb) {
        return 1 - ((rgb >> 8) & 255) / 255.0;
    }

    @Test
    void aLineOnPixelEdgesCoversExactlyItsPixels() {
        Figure f = Figure.blank(60, 40);
        // centreline y = 20.5, width 3: rows 19..21 exactly; butt caps at x = 10 and 50: columns 10..49
        new StrokeRaster(f).polyline(new double[] {10, 50}, new double[] {20.5, 20.5}, 2, 3, 0, 0, 0, BLACK, 1);
        int[] rgb = f.rgb();
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) {
                boolean on = x >= 10 && x < 50 && y >= 19 && y <= 21;
                assertThat(rgb[y * 60 + x]).as("pixel %d,%d", x, y).isEqualTo(on ? BLACK : WHITE);
            }
        }
    }

    @Test
    void halfPixelEdgesGiveHalfCoverageAndOpacityScalesIt() {
        Figure f = Figure.blank(30, 10);
        // width 2 around y = 5.5: the edges 4.5 and 6.5 fall mid-row, so rows 4 and 6 are half covered
        new StrokeRaster(f).polyline(new double[] {2, 28}, new double[] {5.5, 5.5}, 2, 2, 0, 0, 0, BLACK, 1);
        new StrokeRaster(f).polyline(new double[] {2, 28}, new double[] {1.0, 1.0}, 2, 2, 0, 0, 0, BLACK, 0.5);
        int[] rgb = f.rgb();
        assertThat(ink(rgb[5 * 30 + 10])).isEqualTo(1.0);
        assertThat(ink(rgb[4 * 30 + 10])).isCloseTo(0.5, within(0.01));
        assertThat(ink(rgb[6 * 30 + 10])).isCloseTo(0.5, within(0.01));
        assertThat(ink(rgb[3 * 30 + 10])).isZero();
        // opacity 0.5 over white on the fully covered rows 0 and 1
        assertThat(ink(rgb[10])).isCloseTo(0.5, within(0.01));
        assertThat(ink(rgb[30 + 10])).isCloseTo(0.5, within(0.01));
    }

    @Test
    void dashesFollowThePatternAndItsPhase() {
        // dash 9, gap 1 along y = 0.5 from x = 0: the gaps are the pixels 9, 19, 29, 39
        assertThat(gaps(0)).containsExactly(9, 19, 29, 39);
        // phase 3 starts three units into the pattern: gaps at s in [6, 7], [16, 17], ...
        assertThat(gaps(3)).containsExactly(6, 16, 26, 36);
        // a phase of 3.5 puts each gap across two pixels, half in each
        Figure f = dashed(3.5);
        assertThat(ink(f.rgb()[5])).isCloseTo(0.5, within(0.01));
        assertThat(ink(f.rgb()[6])).isCloseTo(0.5, within(0.01));
        assertThat(ink(f.rgb()[7])).isEqualTo(1.0);
    }

    private static Figure dashed(double phase) {
        Figure f = Figure.blank(40, 1);
        new StrokeRaster(f).polyline(new double[] {0, 40}, new double[] {0.5, 0.5}, 2, 1, 9, 1, phase, BLACK, 1);
        return f;
    }

    private static int[] gaps(double phase) {
        int[] rgb = dashed(phase).rgb();
        return java.util.stream.IntStream.range(0, 40).filter(x -> rgb[x] == WHITE).toArray();
    }

    @Test
    void innerJointsAreRound() {
        Figure f = Figure.blank(40, 40);
        // a right angle at (30.5, 10.5), width 4: the outer corner is a quarter disc, not a miter
        new StrokeRaster(f).polyline(new double[] {10.5, 30.5, 30.5}, new double[] {10.5, 10.5, 30.5}, 3, 4, 0, 0, 0,
                BLACK, 1);
        int[] rgb = f.rgb();
        assertThat(ink(rgb[9 * 40 + 31])).as("1.4 px from the joint").isEqualTo(1.0);
        assertThat(ink(rgb[7 * 40 + 33])).as("4.2 px from the joint, inside a miter").isZero();
        assertThat(ink(rgb[20 * 40 + 30])).as("on the second leg").isEqualTo(1.0);
    }

    @Test
    void aWideDashedCurveMatchesJava2d() {
        int w = 160;
        int h = 200;
        double[] p = {12.3, 20.7, 80, 20.7, 80, 180.2, 147.9, 180.2};          // a Playground link's shape
        Figure ours = Figure.blank(w, h);
        double[][] curve = StrokeRaster.cubic(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], 0.2);
        new StrokeRaster(ours).polyline(curve[0], curve[1], curve[0].length, 5.5, 9, 1, 2.5, BLACK, 1);

        Figure java2d = Figure.blank(w, h);
        Graphics2D g = java2d.graphics();
        g.setColor(java.awt.Color.BLACK);
        g.setStroke(new BasicStroke(5.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {9f, 1f}, 2.5f));
        g.draw(new CubicCurve2D.Double(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]));
        g.dispose();

        int[] oursRgb = ours.rgb();
        int[] java2dRgb = java2d.rgb();
        double inkOurs = 0;
        double inkJava2d = 0;
        double differences = 0;
        int far = 0;
        for (int i = 0; i < w * h; i++) {
            double a = ink(oursRgb[i]);
            double b = ink(java2dRgb[i]);
            inkOurs += a;
            inkJava2d += b;
            differences += Math.abs(a - b);
            if (Math.abs(a - b) > 0.35) {
                far++;
            }
        }
        assertThat(inkOurs).isCloseTo(inkJava2d, withinPercentage(2));
        assertThat(differences / inkJava2d).as("relative L1 difference").isLessThan(0.06);
        // of the ~1,100 inked pixels, a few at the dash gaps differ most: Java2D measures area, we measure
        // the box filter along the centreline, which differ where a gap crosses a pixel diagonally
        assertThat(far).as("pixels that disagree by more than 35%").isLessThan(25);
    }

    @Test
    void flatteningStaysWithinTolerance() {
        double[] p = {0, 0, 50, 0, 50, 300, 100, 300};
        for (double tolerance : new double[] {0.05, 0.2, 1}) {
            double[][] line = StrokeRaster.cubic(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], tolerance);
            int n = line[0].length - 1;
            for (int i = 0; i < n; i++) {
                for (int k = 1; k < 8; k++) {                               // points of the curve between two vertices
                    double t = (i + k / 8.0) / n;
                    double u = 1 - t;
                    double x = 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
                    double y = 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];
                    double d = distanceToSegment(x, y, line[0][i], line[1][i], line[0][i + 1], line[1][i + 1]);
                    assertThat(d).as("tolerance %s, segment %d", tolerance, i).isLessThanOrEqualTo(tolerance);
                }
            }
        }
    }

    private static double distanceToSegment(double x, double y, double ax, double ay, double bx, double by) {
        double dx = bx - ax;
        double dy = by - ay;
        double t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
        return Math.hypot(x - ax - t * dx, y - ay - t * dy);
    }
}
