package org.nnlab.raster;


/**
 * Gaussian kernel density estimate of points onto a {@link Grid}:
 * p(x, y) = 1/(n·2π·h²) · Σ_i exp(-((x - x_i)² + (y - y_i)²)/(2h²)), in points per unit area, so the
 * grid integrates to the share of the mass inside its bounds (1 when they cover the points with a few
 * bandwidths to spare). The kernel is cut at 5h and evaluated separably, one row of x weights and one
 * column of y weights per point.
 */
public final class Kde {
    private Kde() {
    }

    /** The largest grid a density is sampled on (2^26 cells, 256 MiB of accumulators). */
    public static final long MAX_CELLS = 1L << 26;

    /**
     * The density of {@code points} sampled at the cell centres of a width x height grid over bounds.
     *
     * @param bandwidth the Gaussian's standard deviation h in data units, &gt; 0
     * @throws IllegalArgumentException for a non-positive bandwidth or grid size
     */
    public static Grid density(Points points, Bounds bounds, int width, int height, double bandwidth) {
        Preconditions.requireArgument(bandwidth > 0 && Double.isFinite(bandwidth), "Kde.density: bandwidth must be > 0, got %s",
                bandwidth);
        Preconditions.requireArgument(width >= 1 && height >= 1 && width <= 16384 && height <= 16384
                        && (long) width * height <= MAX_CELLS,
                "Kde.density: grid must be 1..16384 a side and at most %d cells, got %d x %d", MAX_CELLS, width, height);
        float[] values = new float[width * height];
        int n = points.size();
        if (n == 0) {
            return new Grid(width, height, values, bounds);
        }
        double cw = bounds.width() / width;
        double ch = bounds.height() / height;
        double norm = 1.0 / (n * 2 * Math.PI * bandwidth * bandwidth);
        double reach = 5 * bandwidth;
        double[] acc = new double[width * height];
        double[] wx = new double[width];
        for (int i = 0; i < n; i++) {
            double px = points.xs()[i];
            double py = points.ys()[i];
            if (!Double.isFinite(px) || !Double.isFinite(py)) {
                continue;
            }
            int c0 = Math.max(0, (int) Math.floor((px - reach - bounds.xMin()) / cw));
            int c1 = Math.min(width - 1, (int) Math.ceil((px + reach - bounds.xMin()) / cw));
            int r0 = Math.max(0, (int) Math.floor((py - reach - bounds.yMin()) / ch));
            int r1 = Math.min(height - 1, (int) Math.ceil((py + reach - bounds.yMin()) / ch));
            for (int c = c0; c <= c1; c++) {
                double dx = bounds.xMin() + (c + 0.5) * cw - px;
                wx[c] = Math.exp(-dx * dx / (2 * bandwidth * bandwidth));
            }
            for (int r = r0; r <= r1; r++) {
                double dy = bounds.yMin() + (r + 0.5) * ch - py;
                double wy = Math.exp(-dy * dy / (2 * bandwidth * bandwidth));
                int row = r * width;
                for (int c = c0; c <= c1; c++) {
                    acc[row + c] += wy * wx[c];
                }
            }
        }
        for (int k = 0; k < acc.length; k++) {
            values[k] = (float) (acc[k] * norm);
        }
        return new Grid(width, height, values, bounds);
    }
}
