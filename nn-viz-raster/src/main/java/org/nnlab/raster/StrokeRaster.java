package org.nnlab.raster;

import java.util.Arrays;

/**
 * Wide, dashed, anti-aliased polylines rasterized straight into a figure's pixels, for pictures that
 * draw hundreds of curves: a 6x8 Playground network has 376 dashed links, which Java2D's path
 * rasterizer draws in about 13 ms and this class in about 6.5.
 *
 * <p>Coverage is analytic. A pixel's centre c lies at distance d across the centreline and at arc
 * length s along it (from the nearest point of the nearest segment); its coverage is the product of
 * two one-pixel box filters, {@code |[d - 1/2, d + 1/2] ∩ [-w/2, w/2]|} across and
 * {@code |[s - 1/2, s + 1/2] ∩ dashes ∩ [0, length]|} along, so edges, butt caps and dash ends are all
 * anti-aliased. Joints between segments are round. Overlapping segments of one polyline take the
 * maximum coverage, so the polyline is blended once, source-over, at its colour and opacity.
 */
final class StrokeRaster {
    private final int[] pixels;
    private final int stride;
    private final int rows;
    /** Coverage of the current polyline's bounding box, row-major; all zero between polylines. */
    private float[] coverage = new float[0];
    /** Per bounding-box row: the first and last column with coverage written. */
    private int[] spanStart = new int[0];
    private int[] spanEnd = new int[0];

    /** A rasterizer over the figure's pixels (0xRRGGBB, row-major, top row first). */
    StrokeRaster(Figure figure) {
        this.pixels = figure.pixels();
        this.stride = figure.width();
        this.rows = figure.height();
    }

    /**
     * Strokes the polyline through the first n points (pixel coordinates, edges at integers).
     *
     * @param width   the line width in pixels (> 0)
     * @param dash    the dash length, or 0 for a solid line
     * @param gap     the gap length (ignored when solid)
     * @param phase   where in the dash pattern the line starts, as {@link java.awt.BasicStroke}'s dash phase
     * @param rgb     the colour, 0xRRGGBB
     * @param opacity in [0, 1]
     */
    void polyline(double[] xs, double[] ys, int n, double width, double dash, double gap, double phase, int rgb,
                  double opacity) {
        if (n < 2 || !(width > 0) || opacity <= 0) {
            return;
        }
        double half = width / 2;
        double reach = half + 0.5;                            // pixel centres this far away get no coverage
        double[] at = new double[n];                          // arc length at each point
        double minX = xs[0];
        double maxX = xs[0];
        double minY = ys[0];
        double maxY = ys[0];
        for (int i = 1; i < n; i++) {
            at[i] = at[i - 1] + Math.hypot(xs[i] - xs[i - 1], ys[i] - ys[i - 1]);
            minX = Math.min(minX, xs[i]);
            maxX = Math.max(maxX, xs[i]);
            minY = Math.min(minY, ys[i]);
            maxY = Math.max(maxY, ys[i]);
        }
        int left = Math.max(0, (int) Math.floor(minX - reach));
        int right = Math.min(stride - 1, (int) Math.floor(maxX + reach));
        int top = Math.max(0, (int) Math.floor(minY - reach));
        int bottom = Math.min(rows - 1, (int) Math.floor(maxY + reach));
        if (left > right || top > bottom) {
            return;
        }
        int boxWidth = right - left + 1;
        int boxHeight = bottom - top + 1;
        reserve(boxWidth, boxHeight);
        Dashes pattern = dash > 0 ? new Dashes(dash, gap, phase, at[n - 1]) : new Dashes(0, 0, 0, at[n - 1]);

        for (int i = 0; i + 1 < n; i++) {
            double ax = xs[i];
            double ay = ys[i];
            double dx = xs[i + 1] - ax;
            double dy = ys[i + 1] - ay;
            double length = at[i + 1] - at[i];
            if (length == 0) {
                continue;
            }
            double invLength = 1 / length;
            boolean first = i == 0;
            boolean last = i + 2 == n;
            // along the segment, t in [tFrom, 1] is beside it (plus half a pixel of butt cap at the first);
            // t in (1, tTo] is the round joint with the next segment (or the last segment's cap)
            double tFrom = first ? -0.5 * invLength : 0;
            double tTo = 1 + (last ? 0.5 : reach) * invLength;
            double ux = dx * invLength;                            // unit direction
            double uy = dy * invLength;
            double invUx = 1 / ux;
            double invUy = 1 / uy;
            double sAt = at[i];
            double jointX = ax + dx;
            double jointY = ay + dy;
            int rowFrom = Math.max(top, (int) Math.floor(Math.min(ay, jointY) - reach));
            int rowTo = Math.min(bottom, (int) Math.floor(Math.max(ay, jointY) + reach));
            for (int py = rowFrom; py <= rowTo; py++) {
                double cy = py + 0.5 - ay;
                // along(x) = (x·ux + cy·uy) and across(x) = (x·uy - cy·ux) with x = px + 0.5 - ax are linear in
                // x: solve for the x range where along/length is in [tFrom, tTo] and |across| < reach
                double lo = Double.NEGATIVE_INFINITY;
                double hi = Double.POSITIVE_INFINITY;
                double alongLo = tFrom * length - cy * uy;
                double alongHi = tTo * length - cy * uy;
                if (ux != 0) {
                    double a = alongLo * invUx;
                    double b = alongHi * invUx;
                    lo = Math.min(a, b);
                    hi = Math.max(a, b);
                } else if (alongLo > 0 || alongHi < 0) {
                    continue;
                }
                if (uy != 0) {
                    double a = (-reach + cy * ux) * invUy;
                    double b = (reach + cy * ux) * invUy;
                    lo = Math.max(lo, Math.min(a, b));
                    hi = Math.min(hi, Math.max(a, b));
                } else if (Math.abs(cy * ux) >= reach) {
                    continue;
                }
                int colFrom = Math.max(left, (int) Math.ceil(lo + ax - 0.5));
                int colTo = Math.min(right, (int) Math.floor(hi + ax - 0.5));
                if (colFrom > colTo) {
                    continue;
                }
                int row = (py - top) * boxWidth - left;
                double x = colFrom + 0.5 - ax;
                double along = x * ux + cy * uy;
                double across = x * uy - cy * ux;
                for (int px = colFrom; px <= colTo; px++, along += ux, across += uy) {
                    double distance;
                    double s;
                    if (along <= length || last) {
                        distance = Math.abs(across);
                        s = sAt + along;
                    } else {
                        double jx = px + 0.5 - jointX;             // beyond an inner joint: round, from the joint
                        double jy = py + 0.5 - jointY;
                        double squared = jx * jx + jy * jy;
                        if (squared >= reach * reach) {
                            continue;
                        }
                        distance = Math.sqrt(squared);
                        s = at[i + 1];
                    }
                    // |[distance - 1/2, distance + 1/2] ∩ [-half, half]|
                    double lateral = (distance + 0.5 < half ? distance + 0.5 : half)
                            - (distance - 0.5 > -half ? distance - 0.5 : -half);
                    if (lateral <= 0) {
                        continue;
                    }
                    float c = (float) (lateral * pattern.along(s));
                    int k = row + px;
                    if (c > coverage[k]) {
                        coverage[k] = c;
                    }
                }
                int r = py - top;
                spanStart[r] = Math.min(spanStart[r], colFrom);
                spanEnd[r] = Math.max(spanEnd[r], colTo);
            }
        }
        blend(left, top, boxWidth, boxHeight, rgb, opacity);
    }

    /** Blends the covered pixels source-over and clears the coverage for the next polyline. */
    private void blend(int left, int top, int boxWidth, int boxHeight, int rgb, double opacity) {
        int sr = (rgb >> 16) & 255;
        int sg = (rgb >> 8) & 255;
        int sb = rgb & 255;
        for (int r = 0; r < boxHeight; r++) {
            if (spanEnd[r] < spanStart[r]) {
                continue;
            }
            int base = r * boxWidth - left;
            int out = (top + r) * stride;
            for (int px = spanStart[r]; px <= spanEnd[r]; px++) {
                float c = coverage[base + px];
                if (c > 0) {
                    int a = (int) (c * opacity * 256 + 0.5);          // 0..256
                    int d = pixels[out + px];
                    int dr = (d >> 16) & 255;
                    int dg = (d >> 8) & 255;
                    int db = d & 255;
                    dr = (sr * a + dr * (256 - a) + 128) >> 8;
                    dg = (sg * a + dg * (256 - a) + 128) >> 8;
                    db = (sb * a + db * (256 - a) + 128) >> 8;
                    pixels[out + px] = (dr << 16) | (dg << 8) | db;
                    coverage[base + px] = 0;
                }
            }
            spanStart[r] = Integer.MAX_VALUE;
            spanEnd[r] = Integer.MIN_VALUE;
        }
    }

    /**
     * The cubic Bézier p0, p1, p2, p3 as a polyline within {@code tolerance} pixels of the curve: uniform
     * steps in t, n of them with 0.75·max|p_i - 2p_(i+1) + p_(i+2)| / n² &lt;= tolerance (the bound on a
     * chord's distance from a cubic), at most 256.
     *
     * @return {xs, ys}, n + 1 points each
     */
    static double[][] cubic(double x0, double y0, double x1, double y1, double x2, double y2, double x3, double y3,
                            double tolerance) {
        double bend = Math.max(Math.hypot(x0 - 2 * x1 + x2, y0 - 2 * y1 + y2),
                Math.hypot(x1 - 2 * x2 + x3, y1 - 2 * y2 + y3));
        int n = (int) Math.max(1, Math.min(256, Math.ceil(Math.sqrt(0.75 * bend / tolerance))));
        double[] xs = new double[n + 1];
        double[] ys = new double[n + 1];
        for (int i = 0; i <= n; i++) {
            double t = (double) i / n;
            double u = 1 - t;
            double b0 = u * u * u;
            double b1 = 3 * u * u * t;
            double b2 = 3 * u * t * t;
            double b3 = t * t * t;
            xs[i] = b0 * x0 + b1 * x1 + b2 * x2 + b3 * x3;
            ys[i] = b0 * y0 + b1 * y1 + b2 * y2 + b3 * y3;
        }
        return new double[][] {xs, ys};
    }

    private void reserve(int boxWidth, int boxHeight) {
        if (coverage.length < boxWidth * boxHeight) {
            coverage = new float[Math.max(boxWidth * boxHeight, coverage.length * 2)];
        }
        if (spanStart.length < boxHeight) {
            int grown = Math.max(boxHeight, spanStart.length * 2);
            spanStart = new int[grown];
            spanEnd = new int[grown];
            Arrays.fill(spanStart, Integer.MAX_VALUE);
            Arrays.fill(spanEnd, Integer.MIN_VALUE);
        }
    }

    /**
     * The along-the-line box filter: how much of [s - 1/2, s + 1/2] lies inside [0, length] and on a
     * dash of the pattern dash, gap, dash, gap, ... that starts {@code phase} into its first period.
     */
    private record Dashes(double dash, double gap, double phase, double length, double period, double invPeriod) {
        Dashes(double dash, double gap, double phase, double length) {
            this(dash, gap, phase, length, dash + gap, dash + gap > 0 ? 1 / (dash + gap) : 0);
        }

        double along(double s) {
            double lo = s - 0.5;
            double hi = s + 0.5;
            double inside = 1;
            if (lo < 0 || hi > length) {                           // near an end: the butt caps cut it
                lo = Math.max(lo, 0);
                hi = Math.min(hi, length);
                if (hi <= lo) {
                    return 0;
                }
                inside = hi - lo;
            }
            if (period <= 0 || gap <= 0) {
                return inside;
            }
            // gaps sit at [k·period + dash, (k + 1)·period] in pattern coordinates u = s + phase
            double u0 = lo + phase;
            u0 -= Math.floor(u0 * invPeriod) * period;
            if (u0 < 0 || u0 >= period) {                          // the product's rounding, once in a while
                u0 = u0 < 0 ? u0 + period : u0 - period;
            }
            double u1 = u0 + inside;                               // below period + 1
            if (u1 <= dash) {
                return inside;                                     // wholly on a dash, the common case
            }
            double offGaps = Math.max(0, Math.min(u1, period) - Math.max(u0, dash));
            if (u1 > period + dash) {
                offGaps += Math.min(u1, 2 * period) - (period + dash);
            }
            for (double k = 2; k * period + dash < u1; k++) {      // only for periods shorter than a pixel
                offGaps += Math.min(u1, (k + 1) * period) - (k * period + dash);
            }
            return inside - offGaps;
        }
    }
}
