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

    /** ColorBrewer's PRGn, 11 classes (d3-scale-chromatic's scheme, purple to green). */
    static final int[] PRGN = {
        0x40004b, 0x762a83, 0x9970ab, 0xc2a5cf, 0xe7d4e8, 0xf7f7f7, 0xd9f0d3, 0xa6dba0, 0x5aae61, 0x1b7837,
        0x00441b,
    };

    /** ColorBrewer's Greens, 9 classes (d3's {@code interpolateGreens} runs a B-spline through them). */
    static final int[] GREENS = {
        0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x006d2c, 0x00441b,
    };

    /** ColorBrewer's Purples, 9 classes. */
    static final int[] PURPLES = {
        0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x54278f, 0x3f007d,
    };

    private static final int[] SEQUENTIAL_LUT = sequentialTable(256);

    private Palettes() {
    }

    /**
     * d3's {@code interpolateRgbBasis(colors)(t)}: per channel a uniform cubic B-spline through the
     * colours, with the missing end control points extrapolated as 2·v1 - v2, t clamped to [0, 1],
     * channels rounded and clamped to 0..255.
     */
    public static int rgbBasis(int[] colors, double t) {
        int n = colors.length - 1;
        int i;
        if (t <= 0) {
            t = 0;
            i = 0;
        } else if (t >= 1) {
            t = 1;
            i = n - 1;
        } else {
            i = (int) Math.floor(t * n);
        }
        double u = (t - (double) i / n) * n;
        int rgb = 0;
        for (int shift = 16; shift >= 0; shift -= 8) {
            double v1 = (colors[i] >> shift) & 255;
            double v2 = (colors[i + 1] >> shift) & 255;
            double v0 = i > 0 ? (colors[i - 1] >> shift) & 255 : 2 * v1 - v2;
            double v3 = i < n - 1 ? (colors[i + 2] >> shift) & 255 : 2 * v2 - v1;
            double u2 = u * u;
            double u3 = u2 * u;
            double c = ((1 - 3 * u + 3 * u2 - u3) * v0 + (4 - 6 * u2 + 3 * u3) * v1
                    + (1 + 3 * u + 3 * u2 - 3 * u3) * v2 + u3 * v3) / 6;
            rgb |= (int) Math.max(0, Math.min(255, Math.round(c))) << shift;
        }
        return rgb;
    }

    /** {@link ColorMap#SEQUENTIAL} at t, from a 256-entry table. */
    static int sequential(double t) {
        double c = Math.max(0, Math.min(1, t));
        return SEQUENTIAL_LUT[(int) Math.round(c * (SEQUENTIAL_LUT.length - 1))];
    }

    /**
     * The sequential map's table: OKLab (Ottosson 2020) lightness L linear in t from 0.30 to 0.93; the
     * chroma plane (a, b) follows a piecewise-linear path through violet, blue, teal, green and yellow.
     */
    static int[] sequentialTable(int size) {
        double[][] ab = {{0.09, -0.13}, {-0.02, -0.12}, {-0.09, -0.03}, {-0.12, 0.09}, {-0.03, 0.17}};
        int[] table = new int[size];
        for (int k = 0; k < size; k++) {
            double t = (double) k / (size - 1);
            double pos = t * (ab.length - 1);
            int seg = Math.min(ab.length - 2, (int) pos);
            double f = pos - seg;
            double a = ab[seg][0] * (1 - f) + ab[seg + 1][0] * f;
            double b = ab[seg][1] * (1 - f) + ab[seg + 1][1] * f;
            table[k] = Oklab.toRgb(0.30 + 0.63 * t, a, b);
        }
        return table;
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

    /**
     * {@link #lerp} with t = weight / 256, in integer arithmetic: red and blue move together in one int
     * (each product stays below 2^16 in its half), green alone; each channel rounds half up.
     */
    static int lerp256(int a, int b, int weight) {
        int keep = 256 - weight;
        int redBlue = (((a & 0xff00ff) * keep + (b & 0xff00ff) * weight + 0x800080) >>> 8) & 0xff00ff;
        int green = (((a & 0xff00) * keep + (b & 0xff00) * weight + 0x8000) >>> 8) & 0xff00;
        return redBlue | green;
    }

    static int lerp(int a, int b, double t) {
        int r = (int) Math.round(((a >> 16) & 255) * (1 - t) + ((b >> 16) & 255) * t);
        int g = (int) Math.round(((a >> 8) & 255) * (1 - t) + ((b >> 8) & 255) * t);
        int bl = (int) Math.round((a & 255) * (1 - t) + (b & 255) * t);
        return (r << 16) | (g << 8) | bl;
    }
}
