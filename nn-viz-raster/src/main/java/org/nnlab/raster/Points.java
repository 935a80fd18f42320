package org.nnlab.raster;


/**
 * Points of the data plane, each with a value (coloured through a {@link ColorMap}, as labels are) or
 * with its own ARGB colour.
 *
 * @param xs     x per point
 * @param ys     y per point
 * @param values value per point, or null
 * @param colors ARGB colour per point, or null
 */
public record Points(double[] xs, double[] ys, float[] values, int[] colors) {
    /** Validates that the arrays agree in length. */
    public Points {
        Preconditions.requireArgument(xs.length == ys.length, "Points: xs and ys differ in length: %d and %d",
                xs.length, ys.length);
        Preconditions.requireArgument(values == null || values.length == xs.length,
                "Points: values has %d entries for %d points", values == null ? 0 : values.length, xs.length);
        Preconditions.requireArgument(colors == null || colors.length == xs.length,
                "Points: colors has %d entries for %d points", colors == null ? 0 : colors.length, xs.length);
    }

    /** Points whose colour comes from a value (a class label, a regression target, D(x)). */
    public static Points valued(double[] xs, double[] ys, float[] values) {
        return new Points(xs, ys, values, null);
    }

    /** Points of one ARGB colour. */
    public static Points uniform(double[] xs, double[] ys, int argb) {
        int[] c = new int[xs.length];
        java.util.Arrays.fill(c, argb);
        return new Points(xs, ys, null, c);
    }

    /** Points from interleaved (x, y) rows, as a generator's output [n, 2] comes. */
    public static Points ofRows(float[] xy, int argb) {
        Preconditions.requireArgument(xy.length % 2 == 0, "Points.ofRows: %d values is not a whole number of (x, y) rows",
                xy.length);
        double[] xs = new double[xy.length / 2];
        double[] ys = new double[xy.length / 2];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
        }
        return uniform(xs, ys, argb);
    }

    /** The number of points. */
    public int size() {
        return xs.length;
    }

    /** The ARGB fill of point i: its own colour, or its value through {@code map} at the given opacity. */
    int fill(int i, ColorMap map, double opacity) {
        if (colors != null) {
            return colors[i];
        }
        Preconditions.requireArgument(map != null, "Points: points with values need a colour map");
        return Argb.of(map.rgb(values[i]), opacity);
    }
}
