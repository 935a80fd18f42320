package org.nnlab.raster;


/**
 * A scalar field sampled on a regular lattice over {@link Bounds}: row-major, row 0 at the bottom
 * (y up), column 0 at the left; sample (row, col) sits at the centre of its cell. NaN marks a value that
 * could not be computed (drawn grey).
 *
 * @param width  columns
 * @param height rows
 * @param values width·height values, row-major, bottom row first
 * @param bounds the area the lattice covers
 */
public record Grid(int width, int height, float[] values, Bounds bounds) {
    /** Validates the sizes. */
    public Grid {
        Preconditions.requireArgument(width >= 1 && height >= 1, "Grid: width and height must be >= 1, got %d x %d", width, height);
        Preconditions.requireArgument(values.length == (long) width * height,
                "Grid: values.length %d != width * height = %d * %d = %d", values.length, width, height, width * height);
    }

    /**
     * A grid from values stored top row first (as Playground's heatmaps are), flipped to y up.
     *
     * @throws IllegalArgumentException if the sizes disagree
     */
    public static Grid fromTopDown(int width, int height, float[] topDown, Bounds bounds) {
        Preconditions.requireArgument(topDown.length == (long) width * height,
                "Grid: values.length %d != width * height = %d * %d = %d", topDown.length, width, height, width * height);
        float[] v = new float[topDown.length];
        for (int row = 0; row < height; row++) {
            System.arraycopy(topDown, (height - 1 - row) * width, v, row * width, width);
        }
        return new Grid(width, height, v, bounds);
    }

    /** The value at (row, col), row 0 at the bottom. */
    public float at(int row, int col) {
        return values[row * width + col];
    }
}
