package org.nnlab.raster;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import java.util.function.Consumer;


/**
 * A transparent picture of one plot's rectangle, drawn once and blended onto many figures: the dots of a
 * data set that stays while the heatmap beneath them changes with every frame of a live page. Blending a
 * layer costs a few operations per covered pixel, where drawing its anti-aliased shapes anew costs Java2D's
 * rasterizer each time.
 *
 * <p>Only the covered pixels are kept, as premultiplied ARGB. Blending is source-over,
 * {@code out = src + dst · (255 - alpha) / 255} per channel, rounded; it matches drawing the shapes straight
 * onto the figure up to that rounding (one or two levels where shapes overlap).
 */
public final class Overlay {
    private final int[] rect;
    private final Bounds view;
    private final int[] offsets;        // covered pixels, y * width + x within the rectangle
    private final int[] premultiplied;  // 0xAARRGGBB, colour already times alpha

    private Overlay(int[] rect, Bounds view, int[] offsets, int[] premultiplied) {
        this.rect = rect;
        this.view = view;
        this.offsets = offsets;
        this.premultiplied = premultiplied;
    }

    /**
     * Draws with {@code draw} onto a transparent picture of the plot's rectangle; the graphics are translated
     * so that picture coordinates are the figure's, carry the figure's rendering hints and clip to the plot.
     */
    static Overlay draw(Plot plot, Consumer<Graphics2D> draw) {
        int[] r = plot.pixelRect();
        BufferedImage image = new BufferedImage(r[2], r[3], BufferedImage.TYPE_INT_ARGB_PRE);
        Graphics2D g = image.createGraphics();
        Figure.hints(g);
        g.translate(-r[0], -r[1]);
        draw.accept(g);
        g.dispose();
        int[] argb = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int covered = 0;
        for (int p : argb) {
            if (p >>> 24 != 0) {
                covered++;
            }
        }
        int[] offsets = new int[covered];
        int[] colors = new int[covered];
        for (int i = 0, k = 0; i < argb.length; i++) {
            if (argb[i] >>> 24 != 0) {
                offsets[k] = i;
                colors[k++] = argb[i];
            }
        }
        return new Overlay(r, plot.view(), offsets, colors);
    }

    /** Pixels with any coverage. */
    public int covered() {
        return offsets.length;
    }

    /**
     * Blends the layer onto {@code plot}'s figure.
     *
     * @throws IllegalArgumentException if the plot's rectangle or view differ from the one it was drawn for
     */
    void blendOnto(Plot plot) {
        Preconditions.requireArgument(Arrays.equals(rect, plot.pixelRect()) && view.equals(plot.view()),
                "Overlay: drawn for the plot at %s showing %s, blended onto one at %s showing %s", Arrays.toString(rect),
                view, Arrays.toString(plot.pixelRect()), plot.view());
        int[] pixels = plot.figure().pixels();
        int stride = plot.figure().width();
        int width = rect[2];
        for (int k = 0; k < offsets.length; k++) {
            int at = (rect[1] + offsets[k] / width) * stride + rect[0] + offsets[k] % width;
            int s = premultiplied[k];
            int keep = 255 - (s >>> 24);
            int d = pixels[at];
            int red = ((s >> 16) & 255) + mul8(keep, (d >> 16) & 255);
            int green = ((s >> 8) & 255) + mul8(keep, (d >> 8) & 255);
            int blue = (s & 255) + mul8(keep, d & 255);
            pixels[at] = (Math.min(255, red) << 16) | (Math.min(255, green) << 8) | Math.min(255, blue);
        }
    }

    /** a · b / 255, rounded (a, b in 0..255). */
    private static int mul8(int a, int b) {
        int t = a * b + 128;
        return (t + (t >> 8)) >> 8;
    }
}
