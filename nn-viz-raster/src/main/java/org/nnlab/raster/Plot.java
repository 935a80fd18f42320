package org.nnlab.raster;

import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.List;


/**
 * A rectangle of a {@link Figure}'s pixels showing a rectangle of the data plane ({@link Bounds}, y up).
 * Layers are drawn in call order and clipped to the rectangle: heatmaps, filled contours and contour
 * lines, scatter, warped grids, arrows, segments and polylines. Shapes and their edges are
 * anti-aliased; NaN field values are {@link ColorMap#NAN_GREY}.
 */
public final class Plot {
    private final Figure figure;
    private final int left;
    private final int top;
    private final int width;
    private final int height;
    private final Bounds view;

    Plot(Figure figure, int left, int top, int width, int height, Bounds view) {
        this.figure = figure;
        this.left = left;
        this.top = top;
        this.width = width;
        this.height = height;
        this.view = view;
    }

    /** The figure this plot draws on. */
    public Figure figure() {
        return figure;
    }

    /** The data rectangle shown. */
    public Bounds view() {
        return view;
    }

    /** The pixel rectangle: left, top, width, height. */
    public int[] pixelRect() {
        return new int[] {left, top, width, height};
    }

    /** The picture column (fractional pixels, edges at integers) of data x. */
    public double pixelX(double x) {
        return left + (x - view.xMin()) / view.width() * width;
    }

    /** The picture row (fractional pixels, row 0 at the top) of data y. */
    public double pixelY(double y) {
        return top + (view.yMax() - y) / view.height() * height;
    }

    /** The data x at the centre of picture column px. */
    double dataX(int px) {
        return view.xMin() + (px - left + 0.5) / width * view.width();
    }

    /** The data y at the centre of picture row py. */
    double dataY(int py) {
        return view.yMax() - (py - top + 0.5) / height * view.height();
    }

    /** Fills the whole plot with one colour (GAN Lab's #f3f3f3 background). */
    public Plot background(int rgb) {
        figure.fillRect(left, top, width, height, Argb.opaque(rgb));
        return this;
    }

    /** Strokes the plot's edge inside its rectangle. */
    public Plot border(int argb, double lineWidth) {
        double h = lineWidth / 2;
        figure.strokeRect(left + h, top + h, width - lineWidth, height - lineWidth, argb, lineWidth);
        return this;
    }

    /**
     * Paints a field: each pixel takes the colour of the grid cell under it ({@code smooth = false}, opaque
     * squares as GAN Lab draws them), or the bilinear blend of the colours of the four nearest samples
     * ({@code smooth = true}, as a browser stretches Playground's 100x100 canvas). Pixels outside the
     * grid's bounds are left as they are.
     */
    public Plot heatmap(Grid grid, ColorMap colors, boolean smooth) {
        int gw = grid.width();
        int gh = grid.height();
        int[] sampleRgb = new int[grid.values().length];
        for (int i = 0; i < sampleRgb.length; i++) {
            sampleRgb[i] = colors.rgb(grid.values()[i]);
        }
        Bounds b = grid.bounds();
        // per plot column: the grid columns left and right of the pixel centre and the right one's weight
        // (in 1/256); nearest sampling keeps only the nearest column
        int[] col0 = new int[width];
        int[] col1 = new int[width];
        int[] colWeight = new int[width];
        int first = width;
        int last = -1;
        for (int c = 0; c < width; c++) {
            double x = dataX(left + c);
            if (x < b.xMin() || x > b.xMax()) {
                continue;
            }
            first = Math.min(first, c);
            last = c;
            double gx = (x - b.xMin()) / b.width() * gw - 0.5;
            if (smooth) {
                col0[c] = clamp((int) Math.floor(gx), gw);
                col1[c] = clamp((int) Math.floor(gx) + 1, gw);
                colWeight[c] = weight256(gx);
            } else {
                col0[c] = clamp((int) Math.round(gx), gw);
            }
        }
        int[] pixels = figure.pixels();
        int stride = figure.width();
        BlendedRows rows = smooth ? new BlendedRows(sampleRgb, gw, col0, col1, colWeight, first, last) : null;
        for (int py = top; py < top + height; py++) {
            double y = dataY(py);
            if (y < b.yMin() || y > b.yMax() || first > last) {
                continue;
            }
            double gy = (y - b.yMin()) / b.height() * gh - 0.5;      // row coordinate, 0 = bottom centre
            int out = py * stride + left;
            if (!smooth) {
                int row = clamp((int) Math.round(gy), gh) * gw;
                for (int c = first; c <= last; c++) {
                    pixels[out + c] = sampleRgb[row + col0[c]];
                }
                continue;
            }
            int[] below = rows.row(clamp((int) Math.floor(gy), gh));
            int[] above = rows.row(clamp((int) Math.floor(gy) + 1, gh));
            int rowWeight = weight256(gy);
            for (int c = first; c <= last; c++) {
                pixels[out + c] = Palettes.lerp256(below[c], above[c], rowWeight);
            }
        }
        return this;
    }

    /**
     * A smooth heatmap's grid rows blended across to the plot's columns, the last two kept: consecutive pixel rows
     * fall between the same two grid rows, so each grid row is blended across once, not once per pixel row.
     */
    private static final class BlendedRows {
        private final int[] sampleRgb;
        private final int gridWidth;
        private final int[] col0;
        private final int[] col1;
        private final int[] colWeight;
        private final int first;
        private final int last;
        private final int[][] rows = new int[2][];
        private final int[] index = {-1, -1};
        private int older;

        BlendedRows(int[] sampleRgb, int gridWidth, int[] col0, int[] col1, int[] colWeight, int first, int last) {
            this.sampleRgb = sampleRgb;
            this.gridWidth = gridWidth;
            this.col0 = col0;
            this.col1 = col1;
            this.colWeight = colWeight;
            this.first = first;
            this.last = last;
            rows[0] = new int[col0.length];
            rows[1] = new int[col0.length];
        }

        /** Grid row r blended across, per plot column. */
        int[] row(int r) {
            for (int k = 0; k < 2; k++) {
                if (index[k] == r) {
                    older = 1 - k;
                    return rows[k];
                }
            }
            int k = older;
            older = 1 - k;
            index[k] = r;
            int[] blended = rows[k];
            int base = r * gridWidth;
            for (int c = first; c <= last; c++) {
                blended[c] = Palettes.lerp256(sampleRgb[base + col0[c]], sampleRgb[base + col1[c]], colWeight[c]);
            }
            return blended;
        }
    }

    /** The fractional part of a grid coordinate in 1/256 (0 below the first sample, where clamping applies). */
    private static int weight256(double g) {
        double f = Math.max(0, Math.min(1, g - Math.floor(g)));
        return (int) Math.round(f * 256);
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /**
     * Filled contours: every pixel whose (bilinearly interpolated) field value reaches {@code levels[k]}
     * and not {@code levels[k + 1]} is painted {@code bandColors[k]} at the given opacity; pixels below
     * the first level, outside the grid or NaN are left alone. Draw {@link #contours} on top for crisp,
     * anti-aliased edges.
     *
     * @param levels     ascending thresholds
     * @param bandColors one 0xRRGGBB colour per level
     * @throws IllegalArgumentException if the levels are not ascending or the counts differ
     */
    public Plot filledContours(Grid grid, double[] levels, int[] bandColors, double opacity) {
        Preconditions.requireArgument(levels.length == bandColors.length,
                "Plot.filledContours: %d levels but %d band colours", levels.length, bandColors.length);
        for (int k = 1; k < levels.length; k++) {
            Preconditions.requireArgument(levels[k] > levels[k - 1], "Plot.filledContours: levels must ascend, got %s after %s",
                    levels[k], levels[k - 1]);
        }
        Preconditions.opacity(opacity);
        Bounds b = grid.bounds();
        int[] pixels = figure.pixels();
        int stride = figure.width();
        for (int py = top; py < top + height; py++) {
            double gy = (dataY(py) - b.yMin()) / b.height() * grid.height() - 0.5;
            if (gy < -0.5 || gy > grid.height() - 0.5) {
                continue;
            }
            for (int px = left; px < left + width; px++) {
                double gx = (dataX(px) - b.xMin()) / b.width() * grid.width() - 0.5;
                if (gx < -0.5 || gx > grid.width() - 0.5) {
                    continue;
                }
                double v = Contours.interpolate(grid, gx, gy);
                int band = -1;
                while (band + 1 < levels.length && v >= levels[band + 1]) {
                    band++;
                }
                if (band >= 0) {
                    int i = py * stride + px;
                    pixels[i] = Palettes.lerp(pixels[i], bandColors[band], opacity);
                }
            }
        }
        return this;
    }

    /** Contour lines of the field at each level (marching squares, {@link Contours#lines}). */
    public Plot contours(Grid grid, double[] levels, int argb, double lineWidth) {
        Path2D.Double path = new Path2D.Double();
        for (double level : levels) {
            for (double[] line : Contours.lines(grid, level)) {
                path.moveTo(pixelX(line[0]), pixelY(line[1]));
                for (int i = 2; i < line.length; i += 2) {
                    path.lineTo(pixelX(line[i]), pixelY(line[i + 1]));
                }
            }
        }
        return stroke(path, argb, lineWidth);
    }

    /**
     * Draws points as anti-aliased discs: fill from each point's colour, or its value through {@code fill}
     * at opacity 0.9 (Playground's data), with an outline in {@code strokeArgb} (alpha 0: none). Points
     * outside the view are skipped.
     */
    public Plot scatter(Points points, ColorMap fill, int strokeArgb, double radius) {
        Graphics2D g = clipped();
        dots(g, points, fill, strokeArgb, radius);
        g.dispose();
        return this;
    }

    /**
     * {@link #scatter}'s dots drawn once onto a transparent {@link Overlay}, to blend with {@link #overlay} onto this
     * plot or any plot of the same rectangle and view: for points that stay while the layers beneath them change.
     */
    public Overlay scatterOverlay(Points points, ColorMap fill, int strokeArgb, double radius) {
        return Overlay.draw(this, g -> dots(g, points, fill, strokeArgb, radius));
    }

    /**
     * Blends a layer drawn for a plot of this rectangle and view (source-over).
     *
     * @throws IllegalArgumentException if it was drawn for another rectangle or view
     */
    public Plot overlay(Overlay overlay) {
        overlay.blendOnto(this);
        return this;
    }

    private void dots(Graphics2D g, Points points, ColorMap fill, int strokeArgb, double radius) {
        g.setStroke(new BasicStroke(1f));
        java.awt.Color stroke = Argb.color(strokeArgb);
        for (int i = 0; i < points.size(); i++) {
            double x = points.xs()[i];
            double y = points.ys()[i];
            if (!view.contains(x, y)) {
                continue;
            }
            Ellipse2D disc = new Ellipse2D.Double(pixelX(x) - radius, pixelY(y) - radius, 2 * radius, 2 * radius);
            g.setColor(Argb.color(points.fill(i, fill, 0.9)));
            g.fill(disc);
            if (strokeArgb >>> 24 != 0) {
                g.setColor(stroke);
                g.draw(disc);
            }
        }
    }

    /**
     * A warped grid as filled quadrangles, cell k at opacity {@code opacities[k]} in {@code fillRgb}, each
     * outlined in {@code strokeArgb} (GAN Lab: fill #7b3294, stroke rgba(160,160,160,0.25)).
     *
     * @throws IllegalArgumentException if there is not one opacity per cell
     */
    public Plot warpedGrid(WarpedGrid grid, int fillRgb, double[] opacities, int strokeArgb, double lineWidth) {
        Preconditions.requireArgument(opacities.length == grid.rows() * grid.cols(),
                "Plot.warpedGrid: %d opacities for %d x %d = %d cells", opacities.length, grid.rows(), grid.cols(),
                grid.rows() * grid.cols());
        Graphics2D g = clipped();
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        java.awt.Color stroke = Argb.color(strokeArgb);
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.cols(); c++) {
                int[] corners = {grid.corner(r, c), grid.corner(r, c + 1), grid.corner(r + 1, c + 1), grid.corner(r + 1, c)};
                Path2D.Double quad = new Path2D.Double();
                boolean finite = true;
                for (int k = 0; k < 4; k++) {
                    double x = grid.xs()[corners[k]];
                    double y = grid.ys()[corners[k]];
                    finite &= Double.isFinite(x) && Double.isFinite(y);
                    if (k == 0) {
                        quad.moveTo(pixelX(x), pixelY(y));
                    } else {
                        quad.lineTo(pixelX(x), pixelY(y));
                    }
                }
                if (!finite) {
                    continue;                   // a diverged generator: leave the cell out
                }
                quad.closePath();
                double opacity = Math.max(0, Math.min(1, opacities[r * grid.cols() + c]));
                g.setColor(Argb.color(Argb.of(fillRgb, opacity)));
                g.fill(quad);
                if (strokeArgb >>> 24 != 0) {
                    g.setColor(stroke);
                    g.draw(quad);
                }
            }
        }
        g.dispose();
        return this;
    }

    /**
     * Gradient arrows as GAN Lab draws them: for base point p and vector v, the kite
     * p, p + w·(v̂y, -v̂x), p + scale·v (the tip), p - w·(v̂y, -v̂x), with v̂ = v/sqrt(|v|² + 1e-8) and
     * half-width w, all in data units, filled in {@code argb}.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Plot arrows(double[] xs, double[] ys, double[] vx, double[] vy, double scale, double halfWidth, int argb) {
        return arrows(xs, ys, vx, vy, scale, halfWidth, Double.POSITIVE_INFINITY, argb);
    }

    /**
     * {@link #arrows(double[], double[], double[], double[], double, double, int)} with the kites' length
     * softly capped: a kite of length L = scale·|v| is drawn with length cap·tanh(L / cap), in the same
     * direction. Short kites keep their length (within 4 % up to L = cap / 3), long ones approach {@code cap}
     * and keep their order; an infinite cap draws every kite at L.
     *
     * @param maxLength the cap, in data units, &gt; 0
     * @throws IllegalArgumentException if the arrays differ in length or the cap is not positive
     */
    public Plot arrows(double[] xs, double[] ys, double[] vx, double[] vy, double scale, double halfWidth,
                       double maxLength, int argb) {
        Preconditions.requireArgument(xs.length == ys.length && ys.length == vx.length && vx.length == vy.length,
                "Plot.arrows: xs, ys, vx, vy differ in length: %d, %d, %d, %d", xs.length, ys.length, vx.length,
                vy.length);
        Preconditions.requireArgument(maxLength > 0, "Plot.arrows: maxLength must be > 0, got %s", maxLength);
        Path2D.Double kites = new Path2D.Double(Path2D.WIND_NON_ZERO);
        for (int i = 0; i < xs.length; i++) {
            double norm = Math.sqrt(vx[i] * vx[i] + vy[i] * vy[i] + 1e-8);
            double nx = halfWidth * vy[i] / norm;
            double ny = -halfWidth * vx[i] / norm;
            double length = scale * Math.hypot(vx[i], vy[i]);
            // what multiplies v to reach the tip: scale itself when uncapped, less for a long kite
            double shrink = Double.isInfinite(maxLength) || length == 0 ? scale
                    : scale * (maxLength * Math.tanh(length / maxLength)) / length;
            double[] px = {xs[i], xs[i] + nx, xs[i] + shrink * vx[i], xs[i] - nx};
            double[] py = {ys[i], ys[i] + ny, ys[i] + shrink * vy[i], ys[i] - ny};
            boolean finite = true;
            for (int k = 0; k < 4; k++) {
                finite &= Double.isFinite(px[k]) && Double.isFinite(py[k]);
            }
            if (!finite) {
                continue;
            }
            kites.moveTo(pixelX(px[0]), pixelY(py[0]));
            for (int k = 1; k < 4; k++) {
                kites.lineTo(pixelX(px[k]), pixelY(py[k]));
            }
            kites.closePath();
        }
        Graphics2D g = clipped();
        g.setColor(Argb.color(argb));
        g.fill(kites);
        g.dispose();
        return this;
    }

    /** Line segments (x0, y0) to (x1, y1) in data units. */
    public Plot segments(double[] x0, double[] y0, double[] x1, double[] y1, int argb, double lineWidth) {
        Preconditions.requireArgument(x0.length == y0.length && y0.length == x1.length && x1.length == y1.length,
                "Plot.segments: x0, y0, x1, y1 differ in length: %d, %d, %d, %d", x0.length, y0.length, x1.length,
                y1.length);
        Path2D.Double path = new Path2D.Double();
        for (int i = 0; i < x0.length; i++) {
            path.append(new Line2D.Double(pixelX(x0[i]), pixelY(y0[i]), pixelX(x1[i]), pixelY(y1[i])), false);
        }
        return stroke(path, argb, lineWidth);
    }

    /** A polyline through the points in order; non-finite points break it. */
    public Plot polyline(double[] xs, double[] ys, int argb, double lineWidth) {
        Preconditions.requireArgument(xs.length == ys.length, "Plot.polyline: xs and ys differ in length: %d and %d", xs.length,
                ys.length);
        return stroke(path(xs, ys), argb, lineWidth);
    }

    /**
     * The polyline as a path in pixels, broken at non-finite points. A line of more than {@value #M4_POINTS} points
     * per pixel column (a loss chart after 30,000 epochs) keeps, of each run of consecutive points in one column, the
     * first, the lowest, the highest and the last, in their order (M4 aggregation, Jugel et al. 2014): the line
     * drawn covers the same pixels, at a cost that no longer grows with the points.
     */
    Path2D.Double path(double[] xs, double[] ys) {
        Path2D.Double path = new Path2D.Double();
        boolean reduce = xs.length > M4_POINTS * (long) width;
        boolean pen = false;
        int column = Integer.MIN_VALUE;              // the current run's pixel column, and its points by index
        int[] run = {-1, -1, -1, -1};                // first, lowest, highest, last
        for (int i = 0; i < xs.length; i++) {
            if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) {
                flush(path, pen, run, xs, ys);
                run[0] = -1;
                column = Integer.MIN_VALUE;
                pen = false;
                continue;
            }
            if (!reduce) {
                pen = lineTo(path, pen, xs[i], ys[i]);
                continue;
            }
            int c = (int) Math.floor(pixelX(xs[i]));
            if (c != column) {
                pen = flush(path, pen, run, xs, ys);
                column = c;
                java.util.Arrays.fill(run, i);
                continue;
            }
            run[1] = ys[i] < ys[run[1]] ? i : run[1];
            run[2] = ys[i] > ys[run[2]] ? i : run[2];
            run[3] = i;
        }
        flush(path, pen, run, xs, ys);
        return path;
    }

    /** Points per pixel column above which {@link #path} keeps four a column. */
    static final int M4_POINTS = 4;

    /** Draws a run's first, lowest, highest and last points in index order; returns whether the pen is down. */
    private boolean flush(Path2D.Double path, boolean pen, int[] run, double[] xs, double[] ys) {
        if (run[0] < 0) {
            return pen;
        }
        int[] order = {run[0], Math.min(run[1], run[2]), Math.max(run[1], run[2]), run[3]};
        int previous = -1;
        for (int i : order) {
            if (i != previous) {
                pen = lineTo(path, pen, xs[i], ys[i]);
                previous = i;
            }
        }
        return pen;
    }

    private boolean lineTo(Path2D.Double path, boolean pen, double x, double y) {
        double px = pixelX(x);
        double py = pixelY(y);
        if (pen) {
            path.lineTo(px, py);
        } else {
            path.moveTo(px, py);
        }
        return true;
    }

    /**
     * Tick marks and labels along the bottom and, if {@code rightSide}, the right edge (Playground's big
     * heatmap: -6 .. 6 every 1, the 0 tick darker), drawn just outside the plot rectangle.
     */
    public Plot ticks(List<Double> xTicks, List<Double> yTicks, boolean rightSide, double fontSize, int argb) {
        for (double t : xTicks) {
            double px = pixelX(t);
            int c = t == 0 ? Argb.opaque(0x000000) : argb;
            figure.line(px, top + height, px, top + height + 4, c, 1);
            figure.text(Ticks.format(t, xTicks), px, top + height + 5 + fontSize, fontSize, c, Figure.Anchor.MIDDLE,
                    false);
        }
        double x = rightSide ? left + width : left;
        for (double t : yTicks) {
            double py = pixelY(t);
            int c = t == 0 ? Argb.opaque(0x000000) : argb;
            figure.line(x, py, rightSide ? x + 4 : x - 4, py, c, 1);
            figure.text(Ticks.format(t, yTicks), rightSide ? x + 6 : x - 6, py + fontSize * 0.35, fontSize, c,
                    rightSide ? Figure.Anchor.START : Figure.Anchor.END, false);
        }
        return this;
    }

    private Plot stroke(Shape shape, int argb, double lineWidth) {
        Graphics2D g = clipped();
        g.setColor(Argb.color(argb));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        g.dispose();
        return this;
    }

    /** Graphics clipped to the plot rectangle. */
    Graphics2D clipped() {
        Graphics2D g = figure.graphics();
        g.clip(new Rectangle2D.Double(left, top, width, height));
        return g;
    }
}
