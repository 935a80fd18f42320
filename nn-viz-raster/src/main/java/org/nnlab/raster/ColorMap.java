package org.nnlab.raster;

/**
 * Maps a value to an opaque RGB colour ({@code 0xRRGGBB}). NaN maps to {@link #NAN_GREY}.
 *
 * <p>Playground's maps take values on [-1, 1]; the others take [0, 1] and clamp outside;
 * {@link #scaled} stretches one of those over another interval.
 */
@FunctionalInterface
public interface ColorMap {
    /**
     * The grey a diverged (NaN) value shows: Playground paints NaN as black at alpha 160 over its white
     * page (d3.rgb(undefined)), which is (95, 95, 95).
     */
    int NAN_GREY = 0x5f5f5f;

    /** The colour of {@code v}. */
    int rgb(float v);

    /**
     * Playground's heatmap colours (spec section 8): 31 colours from orange #f59322 through #e8eaeb to
     * blue #0877bd, chosen by a quantize scale on [-1, 1], idx = clamp(floor(15.5·(v + 1)), 0, 30), and
     * painted at alpha 160 over white.
     */
    ColorMap PLAYGROUND = v -> Float.isNaN(v) ? NAN_GREY
            : Palettes.overWhite(Palettes.PLAYGROUND[Palettes.playgroundIndex(v)], 160);

    /** Playground's 31 colours themselves, opaque (for points and legends). */
    ColorMap PLAYGROUND_OPAQUE = v -> Float.isNaN(v) ? NAN_GREY : Palettes.PLAYGROUND[Palettes.playgroundIndex(v)];

    /**
     * GAN Lab's discriminator heatmap, d3's {@code interpolatePRGn} on [0, 1]: 0 purple (judged fake),
     * 0.5 near white (239, 240, 239), 1 green (judged real). A uniform cubic B-spline through ColorBrewer's
     * 11-colour PRGn, channels rounded.
     */
    ColorMap PRGN = v -> Float.isNaN(v) ? NAN_GREY : Palettes.rgbBasis(Palettes.PRGN, v);

    /** d3's {@code interpolateGreens} on [0, 1] (GAN Lab's real-sample density): white-green to dark green. */
    ColorMap GREENS = v -> Float.isNaN(v) ? NAN_GREY : Palettes.rgbBasis(Palettes.GREENS, v);

    /** d3's {@code interpolatePurples} on [0, 1] (the generator's side): near white to dark purple. */
    ColorMap PURPLES = v -> Float.isNaN(v) ? NAN_GREY : Palettes.rgbBasis(Palettes.PURPLES, v);

    /** Grey scale on [0, 1]: 0 black, 1 white, round(255·v) per channel (images, weights). */
    ColorMap GREY = v -> {
        if (Float.isNaN(v)) {
            return NAN_GREY;
        }
        int c = Math.round(255 * Math.max(0, Math.min(1, v)));
        return (c << 16) | (c << 8) | c;
    };

    /**
     * A perceptually uniform sequential map on [0, 1]: OKLab lightness rises linearly from 0.30 to 0.93
     * while the hue turns from deep violet through blue, teal and green to yellow, so equal steps in value
     * look like equal steps in colour and the map reads in grey scale too.
     */
    ColorMap SEQUENTIAL = v -> Float.isNaN(v) ? NAN_GREY : Palettes.sequential(v);

    /**
     * Playground's continuous link scale (spec section 9): #f59322 at -1, #e8eaeb at 0, #0877bd at 1,
     * linear in RGB and clamped: the colour of a weight's sign and size.
     */
    ColorMap PLAYGROUND_LINK = v -> Float.isNaN(v) ? NAN_GREY : Palettes.playgroundLink(v);

    /**
     * {@code unit} (a map on [0, 1]) stretched over [lo, hi]: v maps to unit((v - lo)/(hi - lo)), as GAN
     * Lab colours densities with {@code interpolateGreens} on [0, 0.05].
     *
     * @throws IllegalArgumentException unless lo &lt; hi, both finite
     */
    static ColorMap scaled(ColorMap unit, double lo, double hi) {
        Preconditions.requireArgument(Double.isFinite(lo) && Double.isFinite(hi) && lo < hi,
                "ColorMap.scaled: need finite lo < hi, got [%s, %s]", lo, hi);
        return v -> Float.isNaN(v) ? NAN_GREY : unit.rgb((float) ((v - lo) / (hi - lo)));
    }
}
