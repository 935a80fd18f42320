package org.nnlab.gan;

/**
 * The generator's manifold as GAN Lab draws it (spec 2.h): the noise square's 20 x 20 cells with their
 * 21 x 21 corners (21 points for 1-D noise) sent through G, each warped cell's area by the shoelace
 * formula, and its fill opacity.
 *
 * <p>Corner r = 21a + b is G(a/20, b/20), a the first noise coordinate. Cell c = x + 20y is the
 * quadrilateral through the images of corners idx, idx + 1, idx + 22, idx + 21 with idx = x + 21y.
 *
 * <p>Areas and opacities are a pure function of the corners: {@code nnlab ganlab --json} writes each
 * corner coordinate as the exact decimal of its float, so a reader that parses them as doubles (or as
 * floats) and applies {@link #cellAreas}, {@link #normalizedAreas} and {@link #opacities} recomputes the
 * reported values. A collapsed cell (zero area) is drawn as a degenerate polygon at opacity 0.9, the
 * densest GAN Lab shows: where G collapses, the manifold shrinks to dark points and lines.
 */
public final class Manifold {
    /** Cells per side. */
    public static final int CELLS = 20;
    /** Corners per side. */
    public static final int CORNERS = CELLS + 1;
    /** σ of the untruncated noise density in the Gaussian opacity. */
    private static final double SIGMA = 0.25;

    private Manifold() {
    }

    /** The noise-space corners: [441, 2] for 2-D noise (row 21a + b is (a/20, b/20)), [21, 1] for 1-D. */
    public static float[] noiseCorners(int noiseSize) {
        if (noiseSize == 1) {
            float[] out = new float[CORNERS];
            for (int a = 0; a < CORNERS; a++) {
                out[a] = (float) a / CELLS;
            }
            return out;
        }
        float[] out = new float[CORNERS * CORNERS * 2];
        for (int a = 0; a < CORNERS; a++) {
            for (int b = 0; b < CORNERS; b++) {
                out[2 * (a * CORNERS + b)] = (float) a / CELLS;
                out[2 * (a * CORNERS + b) + 1] = (float) b / CELLS;
            }
        }
        return out;
    }

    /**
     * Each cell's area from the 441 image corners [441, 2]: half the absolute cross product of the quad's
     * diagonals, |(p₂ - p₀) × (p₃ - p₁)| / 2, which equals the shoelace formula for a quadrilateral
     * p₀p₁p₂p₃ but takes differences first, so a nearly collapsed cell's tiny area is not lost in the
     * cancellation of large products. A folded (self-intersecting) cell gets the difference of its two
     * lobes, as GAN Lab's shoelace does. Computed in double from the corners' float values: a pure function
     * of the corners as reported.
     */
    public static double[] cellAreas(float[] corners) {
        double[] areas = new double[CELLS * CELLS];
        for (int y = 0; y < CELLS; y++) {
            for (int x = 0; x < CELLS; x++) {
                int p0 = x + CORNERS * y;
                int p1 = p0 + 1;
                int p2 = p0 + CORNERS + 1;
                int p3 = p0 + CORNERS;
                double ax = (double) corners[2 * p2] - corners[2 * p0];
                double ay = (double) corners[2 * p2 + 1] - corners[2 * p0 + 1];
                double bx = (double) corners[2 * p3] - corners[2 * p1];
                double by = (double) corners[2 * p3 + 1] - corners[2 * p1 + 1];
                areas[x + CELLS * y] = Math.abs(ax * by - ay * bx) / 2;
            }
        }
        return areas;
    }

    /**
     * The areas divided by their sum, summed over cells 0..399 in order (all 1/400 for an unwarped grid).
     * A collapsed manifold, every corner on one point, has all areas 0 and gets all 0 here (not 0/0), so
     * its cells are drawn as points at full opacity 0.9: nothing visible but the point itself.
     */
    public static double[] normalizedAreas(float[] corners) {
        double[] areas = cellAreas(corners);
        double sum = 0;
        for (double a : areas) {
            sum += a;
        }
        for (int i = 0; i < areas.length; i++) {
            areas[i] = areas[i] == 0 ? 0 : areas[i] / sum;
        }
        return areas;
    }

    /**
     * GAN Lab's fill opacity per cell from its normalised area a: for uniform noise
     * {@code max(0.9 - 0.4·400·a, 0.1)} (0.5 unwarped, 0.1 at twice the mean area, 0.9 collapsed); for
     * Gaussian noise {@code min(0.1 + 0.2·p(c)/(400·a), 0.9)} with p the untruncated N(0.5, 0.25²)
     * density at the cell's noise-space centre. NaN areas give NaN.
     */
    public static double[] opacities(NoiseType noise, double[] normalizedAreas) {
        double[] out = new double[normalizedAreas.length];
        for (int c = 0; c < out.length; c++) {
            double scaled = CELLS * CELLS * normalizedAreas[c];
            if (!noise.gaussian()) {
                out[c] = Double.isNaN(scaled) ? Double.NaN : Math.max(0.9 - 0.4 * scaled, 0.1);
            } else {
                double u = ((c / CELLS) + 0.5) / CELLS - 0.5;                  // first noise coordinate
                double v = ((c % CELLS) + 0.5) / CELLS - 0.5;                  // second
                double density = Math.exp(-(u * u + v * v) / (2 * SIGMA * SIGMA)) / (2 * Math.PI * SIGMA * SIGMA);
                out[c] = Double.isNaN(scaled) ? Double.NaN : Math.min(0.1 + 0.2 * density / scaled, 0.9);
            }
        }
        return out;
    }
}
