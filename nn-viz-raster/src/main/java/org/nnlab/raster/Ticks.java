package org.nnlab.raster;

import java.util.ArrayList;
import java.util.List;

/**
 * "Nice" axis ticks as d3's {@code ticks(lo, hi, count)}: a step of 1, 2 or 5 times a power of ten,
 * chosen so about {@code count} ticks cover [lo, hi], and labels with just enough decimals.
 */
public final class Ticks {
    private Ticks() {
    }

    /** The nice step for about count ticks over [lo, hi] (d3's tickIncrement rule). */
    public static double step(double lo, double hi, int count) {
        double raw = Math.abs(hi - lo) / Math.max(1, count);
        if (raw == 0 || !Double.isFinite(raw)) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        double error = raw / power;
        double factor = error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1;
        return factor * power;
    }

    /** The multiples of {@link #step} inside [lo, hi], ascending. */
    public static List<Double> of(double lo, double hi, int count) {
        double step = step(lo, hi, count);
        List<Double> ticks = new ArrayList<>();
        long first = (long) Math.ceil(lo / step - 1e-9);
        long last = (long) Math.floor(hi / step + 1e-9);
        for (long i = first; i <= last && ticks.size() < 1000; i++) {
            ticks.add(clean(i * step));
        }
        return ticks;
    }

    /** [lo, hi] widened to multiples of the step (d3's {@code nice}). */
    public static double[] nice(double lo, double hi, int count) {
        double step = step(lo, hi, count);
        return new double[] {clean(Math.floor(lo / step + 1e-9) * step), clean(Math.ceil(hi / step - 1e-9) * step)};
    }

    /** A tick label with the decimals the ticks' spacing needs ("0.25", "-6", "1e-5"). */
    public static String format(double value, List<Double> ticks) {
        double spacing = ticks.size() > 1 ? Math.abs(ticks.get(1) - ticks.get(0)) : Math.abs(value);
        if (value == 0) {
            return "0";
        }
        if (spacing != 0 && (spacing < 1e-4 || Math.abs(value) >= 1e6)) {
            return String.format(java.util.Locale.ROOT, "%.1e", value).replace("e-0", "e-").replace("e+0", "e");
        }
        int decimals = spacing == 0 ? 0 : Math.max(0, (int) -Math.floor(Math.log10(spacing) + 1e-9));
        return String.format(java.util.Locale.ROOT, "%." + decimals + "f", value);
    }

    private static double clean(double v) {
        double r = Double.parseDouble(String.format(java.util.Locale.ROOT, "%.12g", v));
        return r == 0 ? 0 : r;
    }
}
