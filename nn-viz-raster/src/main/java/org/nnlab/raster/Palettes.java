package org.nnlab.raster;

/** The seeds' palettes and the arithmetic shared by the colour maps. */
public final class Palettes {
    /**
     * Playground's 31 heatmap colours (spec section 8): a d3 linear RGB scale with 0 = #f59322,
     * 0.5 = #e8eaeb, 1 = #0877bd, sampled at k/30 and rounded.
     */
    static final int[] PLAYGROUND = {
        0xf59322, 0xf4992f, 0xf39f3d, 0xf2a44a, 0xf2aa58, 0xf1b065, 0xf0b672, 0xefbc80, 0xeec18d, 0xedc79b,
        0xeccda8, 0xebd3b5, 0xebd9c3, 0xeaded0, 0xe9e4de, 0xe8eaeb, 0xd9e2e8, 0xcadbe5, 0xbbd3e2, 0xaccbdf,
        0x9dc4dc, 0x8ebcd9, 0x7fb4d6, 0x71add2, 0x62a5cf, 0x539dcc, 0x4496c9, 0x358ec6, 0x2686c3, 0x177fc0,
        0x0877bd,
    };

    private Palettes() {
    }

    /** The colour of Playground's palette at index 0..30. */
    public static int playground(int index) {
        return PLAYGROUND[index];
    }

    /** Playground's quantize scale: clamp(floor(15.5·(v + 1)), 0, 30). */
    public static int playgroundIndex(float v) {
        int idx = (int) Math.floor(15.5 * ((double) v + 1));
        return Math.max(0, Math.min(30, idx));
    }

    /** rgb painted at alpha/255 over white, rounded per channel. */
    public static int overWhite(int rgb, int alpha) {
        int r = blend((rgb >> 16) & 255, alpha);
        int g = blend((rgb >> 8) & 255, alpha);
        int b = blend(rgb & 255, alpha);
        return (r << 16) | (g << 8) | b;
    }

    private static int blend(int c, int alpha) {
        return (int) Math.round((c * alpha + 255.0 * (255 - alpha)) / 255.0);
    }

    /**
     * Playground's link colour (spec section 9): a continuous linear RGB scale on [-1, 0, 1] to
     * #f59322, #e8eaeb, #0877bd, clamped and rounded (-0.5 gives #efbf87, 0.5 gives #78b1d4).
     */
    public static int playgroundLink(double w) {
        double t = Math.max(-1, Math.min(1, w));
        int from = t < 0 ? 0xf59322 : 0xe8eaeb;
        int to = t < 0 ? 0xe8eaeb : 0x0877bd;
        double u = t < 0 ? t + 1 : t;
        return lerp(from, to, u);
    }

    static int lerp(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
