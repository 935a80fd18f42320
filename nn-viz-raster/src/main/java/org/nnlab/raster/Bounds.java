package org.nnlab.raster;


/**
 * A rectangle of the data plane: [xMin, xMax] x [yMin, yMax], y up.
 *
 * @param xMin left
 * @param xMax right
 * @param yMin bottom
 * @param yMax top
 */
public record Bounds(double xMin, double xMax, double yMin, double yMax) {
    /** Validates: finite, and min &lt; max on both axes. */
    public Bounds {
        Preconditions.requireArgument(Double.isFinite(xMin) && Double.isFinite(xMax) && xMin < xMax,
                "Bounds: x range must be finite with xMin < xMax, got [%s, %s]", xMin, xMax);
        Preconditions.requireArgument(Double.isFinite(yMin) && Double.isFinite(yMax) && yMin < yMax,
                "Bounds: y range must be finite with yMin < yMax, got [%s, %s]", yMin, yMax);
    }

    /** [lo, hi] on both axes, as Playground's [-6, 6]². */
    public static Bounds square(double lo, double hi) {
        return new Bounds(lo, hi, lo, hi);
    }

    /** Width of the x range. */
    public double width() {
        return xMax - xMin;
    }

    /** Height of the y range. */
    public double height() {
        return yMax - yMin;
    }

    /** Whether (x, y) lies inside, edges included. */
    public boolean contains(double x, double y) {
        return x >= xMin && x <= xMax && y >= yMin && y <= yMax;
    }
}
