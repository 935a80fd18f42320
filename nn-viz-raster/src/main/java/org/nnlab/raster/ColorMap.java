package org.nnlab.raster;

/**
 * Maps a value to an opaque RGB colour ({@code 0xRRGGBB}). NaN maps to {@link #NAN_GREY}.
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
    ColorMap PLAYGROUND = v -> Float.isNaN(v) ? NAN_GREY : Palettes.overWhite(Palettes.PLAYGROUND[Palettes.playgroundIndex(v)], 160);

    /** Playground's 31 colours themselves, opaque (for points and legends). */
    ColorMap PLAYGROUND_OPAQUE = v -> Float.isNaN(v) ? NAN_GREY : Palettes.PLAYGROUND[Palettes.playgroundIndex(v)];
}
