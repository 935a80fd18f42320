package org.nnlab.raster;


/**
 * One line of a {@link LineChart}: a name for the legend, an ARGB colour, a width in pixels, and the
 * points (x ascending is usual, not required). NaN and infinite y values break the line (a diverged run
 * shows as a gap, never a crash).
 *
 * @param name  legend text
 * @param argb  line colour with alpha
 * @param width line width in pixels, &gt; 0
 * @param xs    x per point
 * @param ys    y per point
 */
public record Series(String name, int argb, double width, double[] xs, double[] ys) {
    /** Validates lengths and width. */
    public Series {
        Preconditions.requireArgument(xs.length == ys.length, "Series '%s': xs and ys differ in length: %d and %d", name,
                xs.length, ys.length);
        Preconditions.requireArgument(width > 0 && Double.isFinite(width), "Series '%s': width must be > 0, got %s", name,
                width);
    }

    /** y values at x = 0, 1, 2, ... (a loss per epoch). */
    public static Series of(String name, int argb, double[] ys) {
        double[] xs = new double[ys.length];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i;
        }
        return new Series(name, argb, 1.5, xs, ys);
    }

    /** The same series with another line width. */
    public Series withWidth(double newWidth) {
        return new Series(name, argb, newWidth, xs, ys);
    }
}
