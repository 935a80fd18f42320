package org.nnlab.gan;

/**
 * The generator's manifold as GAN Lab draws it (spec 2.h): the noise square's 20 x 20 cells with their
 * 21 x 21 corners (21 points for 1-D noise) sent through G, each warped cell's area by the shoelace
 * formula, and its fill opacity.
 *
 * <p>Corner r = 21a + b is G(a/20, b/20), a the first noise coordinate. Cell c = x + 20y is the
 * quadrilateral through the images of corners idx, idx + 1, idx + 22, idx + 21 with idx = x + 21y.
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

    /** Each cell's area |shoelace| (folded quads are approximated), from the 441 image corners [441, 2]. */
    public static double[] cellAreas(float[] corners) {
        double[] areas = new double[CELLS * CELLS];
        for (int y = 0; y < CELLS; y++) {
            for (int x = 0; x < CELLS; x++) {
                int idx = x + CORNERS * y;
                int[] quad = {idx, idx + 1, idx + CORNERS + 1, idx + CORNERS};
                double twice = 0;
                for (int k = 0; k < 4; k++) {
                    int i = quad[k];
                    int j = quad[(k + 1) % 4];
                    twice += (double) corners[2 * i] * corners[2 * j + 1] - (double) corners[2 * j] * corners[2 * i + 1];
                }
                areas[x + CELLS * y] = Math.abs(twice) / 2;
            }
        }
        return areas;
    }

    /** The areas divided by their sum (all 1/400 for an unwarped grid); a zero area stays 0. */
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
