package org.nnlab.raster;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.nnlab.core.Memory;

/**
 * A picture: an opaque RGB raster (white to start) with anti-aliased shapes and text, and any number
 * of {@link Plot}s, each a rectangle of pixels showing a rectangle of the data plane.
 * {@link #of(int, int, Bounds)} is the common case of one plot filling the whole picture, and its
 * layer methods ({@link #heatmap}, {@link #scatter}, ...) draw on that plot.
 *
 * <pre>{@code
 * Figure.of(400, 400, Bounds.square(-6, 6))
 *       .heatmap(field, ColorMap.PLAYGROUND, true)
 *       .scatter(Points.valued(xs, ys, labels), ColorMap.PLAYGROUND_OPAQUE, 0xccffffff, 3.5)
 *       .writePng(Path.of("decision.png"));
 * }</pre>
 *
 * <p>Rendering is deterministic: the same calls give the same pixels. Text uses the logical font
 * {@code SansSerif} (DejaVu Sans on Linux).
 */
public final class Figure {
    /** The typeface of every label. */
    public static final String FONT = Font.SANS_SERIF;

    private final BufferedImage image;
    private final int[] pixels;
    private final Plot main;

    private Figure(int width, int height, Bounds view) {
        this.image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        this.pixels = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        Arrays.fill(pixels, 0xffffff);
        this.main = view == null ? null : new Plot(this, 0, 0, width, height, view);
    }

    /**
     * A white picture of width x height pixels whose one plot shows {@code view} on all of it.
     *
     * @throws IllegalArgumentException for sizes below 1 or above 16384 pixels a side
     */
    public static Figure of(int width, int height, Bounds view) {
        checkSize(width, height);
        return new Figure(width, height, view);
    }

    /**
     * A white picture of width x height pixels without a plot; place plots with {@link #plot}.
     *
     * @throws IllegalArgumentException for sizes below 1 or above 16384 pixels a side, or a picture larger than
     *                                  {@link org.nnlab.core.Memory#budget()} at {@link #BYTES_PER_PIXEL}
     */
    public static Figure blank(int width, int height) {
        checkSize(width, height);
        return new Figure(width, height, null);
    }

    /** Bytes a picture needs per pixel: its ARGB raster (4), a copy for the PNG's filtered rows and deflate (8). */
    public static final int BYTES_PER_PIXEL = 12;

    private static void checkSize(int width, int height) {
        Preconditions.requireArgument(width >= 1 && width <= 16384 && height >= 1 && height <= 16384,
                "Figure: size must be 1..16384 pixels a side, got %d x %d", width, height);
        Memory.require((long) width * height * BYTES_PER_PIXEL,
                "Figure: a " + width + " x " + height + " picture");
    }

    /**
     * A plot in the pixel rectangle (x, y, width, height), top-left origin, showing {@code view}.
     *
     * @throws IllegalArgumentException if the rectangle is empty or leaves the picture
     */
    public Plot plot(int x, int y, int width, int height, Bounds view) {
        Preconditions.requireArgument(width >= 1 && height >= 1 && x >= 0 && y >= 0 && x + width <= width()
                        && y + height <= height(),
                "Figure.plot: rectangle (%d, %d, %d x %d) must lie inside the %d x %d picture", x, y, width, height,
                width(), height());
        return new Plot(this, x, y, width, height, view);
    }

    /** The plot of {@link #of}. */
    public Plot main() {
        Preconditions.requireState(main != null, "Figure.main: a blank figure has no main plot; use plot(...)");
        return main;
    }

    /** {@link Plot#heatmap} on the main plot. */
    public Figure heatmap(Grid grid, ColorMap colors, boolean smooth) {
        main().heatmap(grid, colors, smooth);
        return this;
    }

    /** {@link Plot#scatter} on the main plot. */
    public Figure scatter(Points points, ColorMap fill, int strokeArgb, double radius) {
        main().scatter(points, fill, strokeArgb, radius);
        return this;
    }

    /** {@link Plot#scatter} on the main plot, for values given as arrays (fill opacity 0.9). */
    public Figure scatter(double[] xs, double[] ys, float[] values, ColorMap fill, int strokeRgb, double radius) {
        main().scatter(Points.valued(xs, ys, values), fill, Argb.of(strokeRgb, 0.8), radius);
        return this;
    }

    // ---- drawing in pixel coordinates ----

    /** Fills the pixel rectangle with an ARGB colour (alpha blends over what is there). */
    public Figure fillRect(double x, double y, double width, double height, int argb) {
        Graphics2D g = graphics();
        g.setColor(Argb.color(argb));
        g.fill(new java.awt.geom.Rectangle2D.Double(x, y, width, height));
        g.dispose();
        return this;
    }

    /** Strokes the pixel rectangle's outline. */
    public Figure strokeRect(double x, double y, double width, double height, int argb, double lineWidth) {
        return stroke(new java.awt.geom.Rectangle2D.Double(x, y, width, height), argb, lineWidth);
    }

    /** Strokes a line segment in pixels. */
    public Figure line(double x0, double y0, double x1, double y1, int argb, double lineWidth) {
        return stroke(new java.awt.geom.Line2D.Double(x0, y0, x1, y1), argb, lineWidth);
    }

    /** Strokes any shape in pixel coordinates, with round joins and butt caps. */
    public Figure stroke(Shape shape, int argb, double lineWidth) {
        Graphics2D g = graphics();
        g.setColor(Argb.color(argb));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND));
        g.draw(shape);
        g.dispose();
        return this;
    }

    /** Strokes any shape with a dash pattern (dash, gap in pixels), round joins and butt caps. */
    public Figure strokeDashed(Shape shape, int argb, double lineWidth, double dash, double gap) {
        Graphics2D g = graphics();
        g.setColor(Argb.color(argb));
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f,
                new float[] {(float) dash, (float) gap}, 0f));
        g.draw(shape);
        g.dispose();
        return this;
    }

    /** Fills any shape in pixel coordinates. */
    public Figure fill(Shape shape, int argb) {
        Graphics2D g = graphics();
        g.setColor(Argb.color(argb));
        g.fill(shape);
        g.dispose();
        return this;
    }

    /** Where text sits relative to its anchor point. */
    public enum Anchor {
        /** Anchor at the left end of the baseline. */
        START,
        /** Anchor at the middle of the baseline. */
        MIDDLE,
        /** Anchor at the right end of the baseline. */
        END
    }

    /**
     * Draws anti-aliased text with its baseline at y, in {@link #FONT}.
     *
     * @param size the font size in pixels
     * @param bold whether bold
     */
    public Figure text(String text, double x, double y, double size, int argb, Anchor anchor, boolean bold) {
        Graphics2D g = graphics();
        g.setFont(font(size, bold));
        g.setColor(Argb.color(argb));
        double w = g.getFontMetrics().getStringBounds(text, g).getWidth();
        double left = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - w / 2;
            case END -> x - w;
        };
        g.drawString(text, (float) left, (float) y);
        g.dispose();
        return this;
    }

    /** The advance width of {@code text} in pixels at that size. */
    public double textWidth(String text, double size, boolean bold) {
        Graphics2D g = graphics();
        FontMetrics m = g.getFontMetrics(font(size, bold));
        double w = m.getStringBounds(text, g).getWidth();
        g.dispose();
        return w;
    }

    /** One pixel to measure text on before a picture's size is known. */
    private static final Figure MEASURE = new Figure(1, 1, null);

    /** The advance width of {@code text} in pixels at that size, without a picture (to size one). */
    public static double measure(String text, double size, boolean bold) {
        return MEASURE.textWidth(text, size, bold);
    }

    /**
     * The text size, at most {@code size} and at least {@code minSize}, at which plain {@code text} fits
     * {@code width} pixels (a title shrunk to a narrow picture rather than clipped).
     */
    public static double fittingSize(String text, double size, double width, double minSize) {
        return Math.max(minSize, Math.min(size, size * width / measure(text, size, false)));
    }

    static Font font(double size, boolean bold) {
        return new Font(FONT, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) size);
    }

    /**
     * Draws another figure's pixels at (x, y), clipped to this picture, at the given opacity.
     */
    public Figure draw(Figure other, int x, int y, double opacity) {
        Graphics2D g = graphics();
        g.setComposite(AlphaComposite.getInstance(AlphaComposite.SRC_OVER, (float) opacity));
        g.drawImage(other.image, x, y, null);
        g.dispose();
        return this;
    }

    /** A Graphics2D on the picture with anti-aliasing for shapes and text; the caller disposes it. */
    Graphics2D graphics() {
        Graphics2D g = image.createGraphics();
        hints(g);
        return g;
    }

    /** The rendering hints every picture is drawn with: anti-aliased shapes and text, pure strokes. */
    static void hints(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
    }

    /** The live pixel array, 0xRRGGBB, row-major, top row first (for the plots' per-pixel layers). */
    int[] pixels() {
        return pixels;
    }

    /** The picture's pixels, 0xRRGGBB, row-major, top row first (a copy). */
    public int[] rgb() {
        int[] copy = new int[pixels.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = pixels[i] & 0xffffff;         // Java2D's fills leave the alpha byte set in an RGB raster
        }
        return copy;
    }

    /** The picture as a {@link BufferedImage} of type {@code TYPE_INT_RGB} (a copy). */
    public BufferedImage toImage() {
        BufferedImage copy = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        int[] dst = ((DataBufferInt) copy.getRaster().getDataBuffer()).getData();
        System.arraycopy(pixels, 0, dst, 0, pixels.length);
        return copy;
    }

    /** Width in pixels. */
    public int width() {
        return image.getWidth();
    }

    /** Height in pixels. */
    public int height() {
        return image.getHeight();
    }

    /** The picture encoded as PNG. */
    public byte[] toPng() {
        return Png.encode(width(), height(), pixels);
    }

    /**
     * Writes the picture as PNG, atomically.
     *
     * @throws IOException naming the path; no partial file is left
     */
    public Figure writePng(Path target) throws IOException {
        Png.write(target, width(), height(), pixels);
        return this;
    }
}
