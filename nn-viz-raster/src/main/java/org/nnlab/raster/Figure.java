package org.nnlab.raster;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;

import org.nnlab.core.Checks;

/**
 * A picture of the data plane: layers drawn in call order onto a white, opaque RGB raster with
 * anti-aliasing, on one coordinate system ({@link Bounds} mapped to the whole picture, y up).
 *
 * <pre>{@code
 * Figure.of(400, 400, Bounds.square(-6, 6))
 *       .heatmap(field, ColorMap.PLAYGROUND, true)
 *       .scatter(xs, ys, labels, ColorMap.PLAYGROUND_OPAQUE, 0xffffff, 3.5)
 *       .writePng(Path.of("decision.png"));
 * }</pre>
 */
public final class Figure {
    private final BufferedImage image;
    private final int[] pixels;
    private final Bounds view;

    private Figure(int width, int height, Bounds view) {
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        this.view = view;
        java.util.Arrays.fill(pixels, 0xffffff);
    }

    /**
     * A white picture of width x height pixels showing {@code view}.
     *
     * @throws IllegalArgumentException for sizes below 1 or above 16384 pixels a side
     */
    public static Figure of(int width, int height, Bounds view) {
        Checks.requireArgument(width >= 1 && width <= 16384 && height >= 1 && height <= 16384,
                "Figure: size must be 1..16384 pixels a side, got %d x %d", width, height);
        return new Figure(width, height, view);
    }

    /** The data x at pixel column px (pixel centres). */
    double dataX(double px) {
        return view.xMin() + (px + 0.5) / image.getWidth() * view.width();
    }

    /** The data y at pixel row py (row 0 at the top). */
    double dataY(double py) {
        return view.yMax() - (py + 0.5) / image.getHeight() * view.height();
    }

    /** The pixel column of data x. */
    double pixelX(double x) {
        return (x - view.xMin()) / view.width() * image.getWidth();
    }

    /** The pixel row of data y. */
    double pixelY(double y) {
        return (view.yMax() - y) / view.height() * image.getHeight();
    }

    /**
     * Paints a field: each pixel takes the colour of the grid cell under it ({@code smooth = false}), or
     * the bilinear blend of the colours of the four nearest samples ({@code smooth = true}, as a browser
     * stretches Playground's 100x100 canvas). NaN samples are {@link ColorMap#NAN_GREY}. Pixels outside
     * the grid's bounds are left as they are.
     */
    public Figure heatmap(Grid grid, ColorMap colors, boolean smooth) {
        int[] sampleRgb = new int[grid.values().length];
        for (int i = 0; i < sampleRgb.length; i++) {
            sampleRgb[i] = colors.rgb(grid.values()[i]);
        }
        Bounds b = grid.bounds();
        int w = image.getWidth();
        for (int py = 0; py < image.getHeight(); py++) {
            double y = dataY(py);
            if (y < b.yMin() || y > b.yMax()) {
                continue;
            }
            double gy = (y - b.yMin()) / b.height() * grid.height() - 0.5;      // row coordinate, 0 = bottom centre
            for (int px = 0; px < w; px++) {
                double x = dataX(px);
                if (x < b.xMin() || x > b.xMax()) {
                    continue;
                }
                double gx = (x - b.xMin()) / b.width() * grid.width() - 0.5;
                pixels[py * w + px] = smooth ? bilinear(sampleRgb, grid, gx, gy) : nearest(sampleRgb, grid, gx, gy);
            }
        }
        return this;
    }

    private static int nearest(int[] rgb, Grid g, double gx, double gy) {
        int col = clamp((int) Math.round(gx), g.width());
        int row = clamp((int) Math.round(gy), g.height());
        return rgb[row * g.width() + col];
    }

    private static int bilinear(int[] rgb, Grid g, double gx, double gy) {
        int c0 = clamp((int) Math.floor(gx), g.width());
        int r0 = clamp((int) Math.floor(gy), g.height());
        int c1 = clamp(c0 + 1, g.width());
        int r1 = clamp(r0 + 1, g.height());
        double fx = Math.max(0, Math.min(1, gx - Math.floor(gx)));
        double fy = Math.max(0, Math.min(1, gy - Math.floor(gy)));
        int top = Palettes.lerp(rgb[r0 * g.width() + c0], rgb[r0 * g.width() + c1], fx);
        int bottom = Palettes.lerp(rgb[r1 * g.width() + c0], rgb[r1 * g.width() + c1], fx);
        return Palettes.lerp(top, bottom, fy);
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }

    /**
     * Draws points as anti-aliased discs filled by value and outlined, as Playground draws its data
     * (radius 3 px, fill opacity 0.9, stroke opacity 0.8 for training points). Points outside the view
     * are skipped.
     *
     * @throws IllegalArgumentException if the arrays differ in length
     */
    public Figure scatter(double[] xs, double[] ys, float[] values, ColorMap fill, int strokeRgb, double radius) {
        Checks.requireArgument(xs.length == ys.length && ys.length == values.length,
                "Figure.scatter: xs, ys and values differ in length: %d, %d, %d", xs.length, ys.length, values.length);
        Graphics2D g = graphics();
        g.setStroke(new BasicStroke(1f));
        for (int i = 0; i < xs.length; i++) {
            if (!view.contains(xs[i], ys[i])) {
                continue;
            }
            Ellipse2D disc = new Ellipse2D.Double(pixelX(xs[i]) - radius, pixelY(ys[i]) - radius, 2 * radius, 2 * radius);
            g.setColor(withAlpha(fill.rgb(values[i]), 0.9));
            g.fill(disc);
            g.setColor(withAlpha(strokeRgb, 0.8));
            g.draw(disc);
        }
        g.dispose();
        return this;
    }

    private Graphics2D graphics() {
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        return g;
    }

    private static Color withAlpha(int rgb, double alpha) {
        return new Color((rgb >> 16) & 255, (rgb >> 8) & 255, rgb & 255, (int) Math.round(alpha * 255));
    }

    /** The picture's pixels, 0xRRGGBB, row-major, top row first (a copy). */
    public int[] rgb() {
        return pixels.clone();
    }

    /** Width in pixels. */
    public int width() {
        return image.getWidth();
    }

    /** Height in pixels. */
    public int height() {
        return image.getHeight();
    }

    /**
     * Writes the picture as PNG, atomically.
     *
     * @throws IOException naming the path; no partial file is left
     */
    public Figure writePng(Path target) throws IOException {
        Png.write(target, image.getWidth(), image.getHeight(), pixels);
        return this;
    }
}
