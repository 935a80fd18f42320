package org.nnlab.raster;


/**
 * A lattice after a map: the images of the corners of a regular grid of {@code cols x rows} cells, as
 * GAN Lab draws its generator's manifold. Corner (r, c), r in [0, rows], c in [0, cols], is at index
 * {@code r·(cols + 1) + c}; cell (r, c) is the quadrangle through corners (r, c), (r, c + 1),
 * (r + 1, c + 1), (r + 1, c).
 *
 * @param rows cells along the first lattice direction, &gt;= 1
 * @param cols cells along the second, &gt;= 1
 * @param xs   x of each corner, (rows + 1)·(cols + 1) values
 * @param ys   y of each corner
 */
public record WarpedGrid(int rows, int cols, double[] xs, double[] ys) {
    /** Validates the sizes. */
    public WarpedGrid {
        Preconditions.requireArgument(rows >= 1 && cols >= 1, "WarpedGrid: rows and cols must be >= 1, got %d x %d", rows,
                cols);
        int corners = (rows + 1) * (cols + 1);
        Preconditions.requireArgument(xs.length == corners && ys.length == corners,
                "WarpedGrid: %d x %d cells need %d corners, got xs %d and ys %d", rows, cols, corners, xs.length,
                ys.length);
    }

    /**
     * The unwarped lattice over {@code bounds} mapped by {@code map}: corner (r, c) is
     * map(xMin + c·w/cols, yMin + r·h/rows).
     */
    public static WarpedGrid of(int rows, int cols, Bounds bounds, PointMap map) {
        Preconditions.requireArgument(rows >= 1 && cols >= 1 && rows <= 4096 && cols <= 4096,
                "WarpedGrid.of: rows and cols must be 1..4096, got %d x %d", rows, cols);
        int corners = (rows + 1) * (cols + 1);
        double[] xs = new double[corners];
        double[] ys = new double[corners];
        double[] out = new double[2];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= cols; c++) {
                map.apply(bounds.xMin() + c * bounds.width() / cols, bounds.yMin() + r * bounds.height() / rows, out);
                xs[r * (cols + 1) + c] = out[0];
                ys[r * (cols + 1) + c] = out[1];
            }
        }
        return new WarpedGrid(rows, cols, xs, ys);
    }

    /** A map of the plane, writing (x', y') into {@code out}. */
    @FunctionalInterface
    public interface PointMap {
        /** Writes the image of (x, y) into out[0], out[1]. */
        void apply(double x, double y, double[] out);
    }

    /** Index of corner (r, c). */
    public int corner(int r, int c) {
        return r * (cols + 1) + c;
    }

    /**
     * The area of each cell by the shoelace formula, absolute (a folded quadrangle counts its net area),
     * cell (r, c) at index r·cols + c.
     */
    public double[] cellAreas() {
        double[] areas = new double[rows * cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int a = corner(r, c);
                int b = corner(r, c + 1);
                int d = corner(r + 1, c + 1);
                int e = corner(r + 1, c);
                double twice = xs[a] * ys[b] - xs[b] * ys[a] + xs[b] * ys[d] - xs[d] * ys[b]
                        + xs[d] * ys[e] - xs[e] * ys[d] + xs[e] * ys[a] - xs[a] * ys[e];
                areas[r * cols + c] = Math.abs(twice) / 2;
            }
        }
        return areas;
    }

    /**
     * Each cell's share of the total area (sums to 1; all zeros if the total is 0).
     */
    public double[] normalizedAreas() {
        double[] areas = cellAreas();
        double total = 0;
        for (double a : areas) {
            total += a;
        }
        if (total > 0) {
            for (int i = 0; i < areas.length; i++) {
                areas[i] /= total;
            }
        }
        return areas;
    }

    /**
     * GAN Lab's fill opacity for uniform noise: max(0.9 - 0.4·cells·a_norm, 0.1), linear in the area
     * share a_norm: an unwarped grid gives 0.5, a cell of twice the mean area 0.1, a collapsed cell 0.9
     * (the generator piles its mass where cells shrink).
     */
    public double[] uniformNoiseOpacities() {
        double[] share = normalizedAreas();
        int cells = share.length;
        for (int i = 0; i < cells; i++) {
            share[i] = Math.max(0.9 - 0.4 * cells * share[i], 0.1);
        }
        return share;
    }
}
