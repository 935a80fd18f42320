package org.nnlab.actmax;

import org.nnlab.core.Checks;

/** Pearson's correlation, as {@code scipy.stats.pearsonr} (spec A.8). */
public final class Pearson {
    private Pearson() {
    }

    /**
     * r = Σ(a - ā)(b - b̄) / sqrt(Σ(a - ā)² · Σ(b - b̄)²), in double precision; NaN when either side is
     * constant (undefined).
     *
     * @throws IllegalArgumentException if the lengths differ or are below 2
     */
    public static double r(float[] a, float[] b) {
        Checks.requireArgument(a.length == b.length, "Pearson: %d values against %d", a.length, b.length);
        Checks.requireArgument(a.length >= 2, "Pearson: needs at least 2 values, got %d", a.length);
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            double da = a[i] - ma;
            double db = b[i] - mb;
            sab += da * db;
            saa += da * da;
            sbb += db * db;
        }
        if (saa == 0 || sbb == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sab / Math.sqrt(saa * sbb)));
    }

    /** |r|, ShapeShop's reported coefficient (NaN when undefined). */
    public static double absolute(float[] a, float[] b) {
        return Math.abs(r(a, b));
    }

    /** |r| as ShapeShop prints it: two decimals, or "n/a" when undefined. */
    public static String format(double absoluteR) {
        return Double.isNaN(absoluteR) ? "n/a" : String.format(java.util.Locale.ROOT, "%.2f", absoluteR);
    }
}
