package org.nnlab.raster;

import java.awt.Color;

/**
 * Colours as ints, {@code 0xAARRGGBB}. Opaque colours elsewhere in the package are {@code 0xRRGGBB};
 * methods that take an ARGB say so, and treat alpha 0 in the top byte as transparent, so pass
 * {@link #opaque} or {@link #of} rather than a bare {@code 0xRRGGBB} there.
 */
public final class Argb {
    private Argb() {
    }

    /** rgb with the given opacity in [0, 1] (rounded to 1/255). */
    public static int of(int rgb, double opacity) {
        Preconditions.opacity(opacity);
        return ((int) Math.round(opacity * 255) << 24) | (rgb & 0xffffff);
    }

    /** rgb, fully opaque. */
    public static int opaque(int rgb) {
        return 0xff000000 | rgb;
    }

    /** CSS-style {@code rgba(r, g, b, a)}, channels 0..255, a in [0, 1]. */
    public static int rgba(int r, int g, int b, double a) {
        return of((clamp(r) << 16) | (clamp(g) << 8) | clamp(b), a);
    }

    /** The alpha of an ARGB colour, in [0, 1]. */
    public static double opacity(int argb) {
        return (argb >>> 24) / 255.0;
    }

    static Color color(int argb) {
        return new Color(argb, true);
    }

    private static int clamp(int c) {
        return Math.max(0, Math.min(255, c));
    }
}
