package org.nnlab.raster;

import java.awt.geom.Rectangle2D;

/**
 * Draws a {@link LayeredNetwork} as TensorFlow Playground does (spec section 9), in Playground's pixel
 * units times a scale: 30-unit square nodes holding their field, node i of a column centred at
 * y = 55·i + 15, the input column at x = 65, hidden columns spread by d3's {@code rangePoints} over
 * [118, width - 30] with padding 0.7, links as cubic curves with horizontal tangents from
 * (src + 17, y) to (dst - 15, y + fan-out over 12 units), width 1 + 9·min(|w|, 5)/5, colour from
 * Playground's continuous link scale, dashes 9 1; a 5x5 bias square at each neuron's lower left.
 */
public final class NetworkDiagram {
    /** Playground's node size. */
    public static final double NODE = 30;
    /** Vertical distance between nodes of a column. */
    public static final double SPACING = 55;
    /** The centre x of the input column. */
    public static final double INPUT_X = 65;
    /** Where the hidden columns start. */
    public static final double FEATURE_WIDTH = 118;

    private NetworkDiagram() {
    }

    /**
     * The centre x of hidden layer l of n, for a diagram whose output links end at {@code width + 15}:
     * d3's ordinal rangePoints([118, width - 30], 0.7).
     */
    public static double hiddenX(int l, int n, double width) {
        double start = FEATURE_WIDTH;
        double stop = width - NODE;
        double step = (stop - start) / (n - 1 + 0.7);
        return start + step * 0.35 + l * step;
    }

    /**
     * Draws the network with its top-left at (x0, y0) of the figure.
     *
     * @param width        Playground's {@code width}: from the input column's left to where the output links end
     *                     (less 15), in Playground units
     * @param outputY      the y (Playground units, from y0) where the output links end
     * @param scale        pixels per Playground unit
     * @param colors       how fields are coloured
     * @param dashOffset   the dash phase (Playground: -epoch/3)
     */
    public static void draw(Figure f, LayeredNetwork net, double x0, double y0, double width, double outputY,
                            double scale, ColorMap colors, double dashOffset) {
        int hidden = net.layers() - 1;
        int inputs = net.inputLabels().size();
        double[][] cx = new double[net.layers() + 1][];
        double[][] cy = new double[net.layers() + 1][];
        // column 0: the active inputs, in order (links leave only those)
        int active = net.activeInputs();
        cx[0] = new double[active];
        cy[0] = new double[active];
        for (int i = 0, k = 0; i < inputs; i++) {
            if (net.inputActive()[i]) {
                cx[0][k] = INPUT_X;
                cy[0][k++] = SPACING * i + NODE / 2;
            }
        }
        for (int l = 0; l < hidden; l++) {
            cx[l + 1] = new double[net.sizes()[l]];
            cy[l + 1] = new double[net.sizes()[l]];
            for (int d = 0; d < net.sizes()[l]; d++) {
                cx[l + 1][d] = hiddenX(l, hidden, width);
                cy[l + 1][d] = SPACING * d + NODE / 2;
            }
        }
        int out = net.layers();
        cx[out] = new double[net.sizes()[out - 1]];
        cy[out] = new double[net.sizes()[out - 1]];
        for (int d = 0; d < cx[out].length; d++) {
            cx[out][d] = width + NODE;                // so the links end at width + 15
            cy[out][d] = outputY + SPACING * d;
        }

        double phase = ((dashOffset % 10) + 10) % 10;        // a phase >= 0; the pattern repeats every 10
        StrokeRaster links = new StrokeRaster(f);           // links first, under the nodes
        for (int l = 0; l < net.layers(); l++) {
            int prev = net.fanIn(l);
            for (int d = 0; d < net.sizes()[l]; d++) {
                for (int s = 0; s < prev; s++) {
                    double w = net.weights()[l][d * prev + s];
                    boolean dead = net.dead() != null && net.dead()[l][d * prev + s];
                    double sx = x0 + (cx[l][s] + 17) * scale;
                    double sy = y0 + cy[l][s] * scale;
                    double tx = x0 + (cx[l + 1][d] - 15) * scale;
                    double ty = y0 + (cy[l + 1][d] + ((s - (prev - 1) / 2.0) / prev) * 12) * scale;
                    double mx = (sx + tx) / 2;
                    double abs = Double.isFinite(w) ? Math.min(Math.abs(w), 5) : 0;
                    double lineWidth = (1 + 9 * abs / 5) * scale;
                    int rgb = Double.isNaN(w) ? ColorMap.NAN_GREY : Palettes.playgroundLink(w);
                    double[][] curve = StrokeRaster.cubic(sx, sy, mx, sy, mx, ty, tx, ty, 0.2);
                    links.polyline(curve[0], curve[1], curve[0].length, lineWidth, 9 * scale, 1 * scale,
                            phase * scale, rgb, dead ? 0.35 : 1);
                }
            }
        }
        // nodes: inputs (all, inactive faded), then hidden neurons with their bias squares
        for (int i = 0; i < inputs; i++) {
            boolean on = net.inputActive()[i];
            double left = x0 + (INPUT_X - NODE / 2) * scale;
            double top = y0 + SPACING * i * scale;
            node(f, net.inputFields().get(i), left, top, scale, on ? colors : faded(colors, 0.4), on ? 1 : 0.5);
        }
        for (int l = 0; l < hidden; l++) {
            for (int d = 0; d < net.sizes()[l]; d++) {
                double left = x0 + (cx[l + 1][d] - NODE / 2) * scale;
                double top = y0 + (cy[l + 1][d] - NODE / 2) * scale;
                node(f, net.fields().get(l).get(d), left, top, scale, colors, 1);
                bias(f, net.biases()[l][d], left, top, scale);
            }
        }
    }

    private static void node(Figure f, Grid field, double left, double top, double scale, ColorMap colors,
                             double borderOpacity) {
        double size = NODE * scale;
        if (field != null) {
            int x = (int) Math.round(left);
            int y = (int) Math.round(top);
            int s = (int) Math.round(size);
            if (x >= 0 && y >= 0 && x + s <= f.width() && y + s <= f.height()) {
                f.plot(x, y, s, s, field.bounds()).heatmap(field, colors, true);
            }
        } else {
            f.fillRect(left, top, size, size, Argb.opaque(0xffffff));
        }
        f.strokeRect(Math.round(left) - 0.5, Math.round(top) - 0.5, Math.round(size) + 1, Math.round(size) + 1,
                Argb.of(0x000000, 0.25 * borderOpacity), 1);
    }

    private static void bias(Figure f, double b, double left, double top, double scale) {
        Rectangle2D.Double square = new Rectangle2D.Double(left - 7 * scale, top + 28 * scale, 5 * scale, 5 * scale);
        int rgb = Double.isNaN(b) ? ColorMap.NAN_GREY : Palettes.playgroundLink(b);
        f.fill(square, Argb.opaque(rgb));
        f.stroke(square, Argb.of(0x000000, 0.3), 0.6);
    }

    /** The map's colours painted at the given opacity over white (Playground's inactive inputs). */
    static ColorMap faded(ColorMap colors, double opacity) {
        return v -> Palettes.overWhite(colors.rgb(v), (int) Math.round(opacity * 255));
    }
}
