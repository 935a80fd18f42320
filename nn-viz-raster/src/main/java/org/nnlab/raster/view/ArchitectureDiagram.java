package org.nnlab.raster.view;

import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.nnlab.core.Checks;
import org.nnlab.core.Shape;
import org.nnlab.nn.ModelSummary;
import org.nnlab.raster.Argb;
import org.nnlab.raster.Figure;

/**
 * Architecture diagrams (spec/diagrams.md B.3) drawn from a {@link ModelSummary}, so the picture and
 * its text twin show the same numbers: one box per layer as the user names it (type and defining
 * hyperparameters, activation, parameters, and a thin bar for its share of all parameters);
 * parameter-free layers as slim pills; per-sample shapes on the edges with a small stack glyph for
 * image tensors; colour by layer category with a legend of the categories present; repeats folded as
 * "×N"; a totals footer. Top to bottom by default, left to right as an option. A two-player summary
 * (a GAN) becomes two titled, dashed clusters, the data flow between them, and dashed gradient paths
 * in GAN Lab's colours. Margins are guaranteed and the layout depends only on the summary and the
 * options, so the same model gives the same pixels.
 */
public final class ArchitectureDiagram {
    private static final int TEXT = 0x222222;
    private static final int MUTED = 0x6b6b6b;
    private static final int EDGE = 0x8a8a8a;
    private static final double MARGIN = 24;

    private ArchitectureDiagram() {
    }

    /** Flow direction. */
    public enum Direction {
        /** Top to bottom, the default. */
        TOP_DOWN,
        /** Left to right, for short networks and slides. */
        LEFT_RIGHT
    }

    /**
     * Drawing options.
     *
     * @param direction the flow
     * @param scale     pixels per diagram unit (1 gives boxes 230 units wide), 0.5..4
     */
    public record Layout(Direction direction, double scale) {
        /** Validates the scale. */
        public Layout {
            Checks.requireArgument(scale >= 0.5 && scale <= 4, "ArchitectureDiagram: scale must be in [0.5, 4], got %s",
                    scale);
        }

        /** Top to bottom at scale 1. */
        public static Layout defaults() {
            return new Layout(Direction.TOP_DOWN, 1);
        }
    }

    /** The fill colour of a category (Okabe–Ito's colour-blind-safe palette). */
    public static int color(ModelSummary.Category c) {
        return switch (c) {
            case LEARNABLE -> 0x0072b2;
            case ACTIVATION -> 0xd55e00;
            case POOLING -> 0x009e73;
            case NORMALIZATION -> 0xcc79a7;
            case REGULARIZATION -> 0xe69f00;
            case RESHAPE -> 0x999999;
            case DATA -> 0x56b4e9;
        };
    }

    /**
     * A box's lines of text, as drawn: the layer (with "· k×k", a stride only if not 1, the padding
     * only if not valid, and "×N" when folded), the activation, and "n params"; empty lines are left out.
     */
    public static List<String> boxLines(ModelSummary.Row r) {
        List<String> lines = new ArrayList<>();
        String kernel = r.kernel().isEmpty() ? "" : kernelShort(r.kernel());
        lines.add(r.layer() + (kernel.isEmpty() ? "" : " \u00b7 " + kernel) + (r.repeat() > 1 ? " \u00d7" + r.repeat() : ""));
        if (!r.activation().isEmpty()) {
            lines.add(r.activation());
        }
        if (r.parameters() > 0) {
            lines.add(String.format(Locale.ROOT, "%,d params", r.parameters()));
        }
        return lines;
    }

    /** "3×3 /1 valid" as "3×3"; "3×3 /2 same" as "3×3 /2 same"; a pool's "2×2 /2" stays. */
    static String kernelShort(String kernel) {
        String[] parts = kernel.split(" ");
        StringBuilder b = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            if (!parts[i].equals("/1") && !parts[i].equals("valid")) {
                b.append(' ').append(parts[i]);
            }
        }
        return b.toString();
    }

    /** The footer's two lines: parameters with memory, and MACs with activations. */
    public static List<String> footerLines(ModelSummary s) {
        return List.of(
                String.format(Locale.ROOT, "%,d params \u00b7 all trainable \u00b7 %s float32", s.totalParameters(),
                        memory(s)),
                String.format(Locale.ROOT, "%,d MACs per sample \u00b7 %,d activation floats", s.totalMacs(),
                        s.activationFloats()));
    }

    /** The parameters' float32 size: MiB with two decimals as the text summary, or KiB below 0.1 MiB. */
    static String memory(ModelSummary s) {
        return s.parameterMiB() >= 0.1 ? String.format(Locale.ROOT, "%.2f MiB", s.parameterMiB())
                : String.format(Locale.ROOT, "%.2f KiB", s.totalParameters() * 4 / 1024.0);
    }

    /** The diagram at the default options. */
    public static Figure of(ModelSummary summary) {
        return of(summary, Layout.defaults());
    }

    /** The diagram. */
    public static Figure of(ModelSummary summary, Layout options) {
        return summary.sections().size() == 1 ? single(summary, options) : players(summary, options);
    }

    // ------------------------------------------------------------------ one model

    private record Node(double x, double y, double w, double h, List<String> lines, ModelSummary.Category category,
                        boolean pill, double share) {
    }

    private static final double BOX_W = 230;
    private static final double PILL_W = 170;
    private static final double LINE_H = 17;
    private static final double GAP = 46;

    /** A pill's width: its text at 11.5 units plus padding, at least {@code min}. */
    private static double pillWidth(List<String> lines, double min) {
        return Math.max(min, Figure.measure(String.join("  ", lines), 11.5, false) + 28);
    }


    private static double height(ModelSummary.Row r) {
        return r.parameters() > 0 ? 14 + LINE_H * boxLines(r).size() + 8 : 26;
    }

    private static Figure single(ModelSummary s, Layout o) {
        List<ModelSummary.Row> rows = s.sections().get(0).rows();
        boolean down = o.direction() == Direction.TOP_DOWN;
        List<Node> nodes = new ArrayList<>();
        double along = 0;
        String inputText = "input " + s.input().toTimesString();
        double gap = down ? GAP : 84;                             // room for a shape label between boxes
        double inputW = pillWidth(List.of(inputText), down ? PILL_W : 110);
        nodes.add(new Node(0, 0, inputW, 26, List.of(inputText), ModelSummary.Category.DATA, true, 0));
        along += down ? 26 + gap : inputW + gap;
        double total = Math.max(1, s.totalParameters());
        double crossMax = down ? BOX_W : 26;                      // the widest (down) or tallest (right) node
        for (ModelSummary.Row r : rows) {
            boolean pill = r.parameters() == 0;
            double h = height(r);
            double w = pill ? pillWidth(boxLines(r), down ? PILL_W : 110) : down ? BOX_W : 175;
            nodes.add(new Node(down ? 0 : along, down ? along : 0, w, h, boxLines(r), r.category(), pill,
                    r.parameters() / total));
            along += (down ? h : w) + gap;
            crossMax = Math.max(crossMax, down ? w : h);
        }
        String outputText = "output " + s.outputShape().toTimesString();
        double outputW = pillWidth(List.of(outputText), down ? PILL_W : 110);
        nodes.add(new Node(down ? 0 : along, down ? along : 0, outputW, 26, List.of(outputText),
                ModelSummary.Category.DATA, true, 0));
        along += down ? 26 : outputW;

        Set<ModelSummary.Category> present = EnumSet.of(ModelSummary.Category.DATA);
        for (ModelSummary.Row r : rows) {
            present.add(r.category());
        }
        List<String> footer = footerLines(s);
        double sc = o.scale();
        double labelRoom = down ? 130 : 0;                       // shape labels and glyphs beside vertical edges
        double legendW = 150;
        double contentW = down ? crossMax + labelRoom : along;
        double legendH = 22 + 18 * present.size();
        // left to right the chain is as tall as its tallest node; the legend beside it sets the least height
        double contentH = down ? Math.max(along, legendH) : Math.max(crossMax, legendH);
        double titleH = 30;
        double footerH = 16 * footer.size() + 14;
        double width = MARGIN * 2 + Math.max(contentW + legendW + 20, 420);
        double height = MARGIN * 2 + titleH + contentH + footerH + 10;
        Figure f = Figure.blank((int) Math.ceil(width * sc), (int) Math.ceil(height * sc));
        f.text(s.name(), MARGIN * sc, (MARGIN + 14) * sc, 15 * sc, Argb.opaque(TEXT), Figure.Anchor.START, true);
        double ox = MARGIN;
        double oy = MARGIN + titleH;
        double crossCentre = down ? crossMax / 2 : contentH / 2;
        // edges with shapes, then nodes on top
        List<Shape> shapes = new ArrayList<>();
        shapes.add(s.input());
        for (ModelSummary.Row r : rows) {
            shapes.add(r.outputShape());
        }
        for (int i = 0; i + 1 < nodes.size(); i++) {
            Node a = nodes.get(i);
            Node b = nodes.get(i + 1);
            Shape shape = shapes.get(Math.min(i, shapes.size() - 1));
            if (down) {
                double x = ox + crossCentre;
                double y0 = oy + a.y + a.h;
                double y1 = oy + b.y;
                arrow(f, sc, x, y0, x, y1);
                double labelX = x + 12;
                if (shape.rank() == 3) {
                    glyph(f, sc, labelX, (y0 + y1) / 2, shape);
                    labelX += 38;
                }
                f.text(shape.toTimesString(), labelX * sc, ((y0 + y1) / 2 + 4) * sc, 11.5 * sc, Argb.opaque(MUTED),
                        Figure.Anchor.START, false);
            } else {
                double y = oy + crossCentre;
                double x0 = ox + a.x + a.w;
                double x1 = ox + b.x;
                arrow(f, sc, x0, y, x1, y);
                f.text(shape.toTimesString(), (x0 + x1) / 2 * sc, (y - 8) * sc, 10.5 * sc, Argb.opaque(MUTED),
                        Figure.Anchor.MIDDLE, false);
            }
        }
        for (Node n : nodes) {
            double x = ox + (down ? crossCentre - n.w / 2 : n.x);
            double y = oy + (down ? n.y : crossCentre - n.h / 2);
            drawNode(f, sc, n, x, y);
        }
        legend(f, sc, present, ox + contentW + 20, oy);
        double fy = oy + contentH + 10;
        f.line(MARGIN * sc, fy * sc, (width - MARGIN) * sc, fy * sc, Argb.opaque(0xdddddd), Math.max(1, sc));
        for (int i = 0; i < footer.size(); i++) {
            f.text(footer.get(i), MARGIN * sc, (fy + 18 + 16 * i) * sc, 12 * sc, Argb.opaque(TEXT), Figure.Anchor.START,
                    i == 0);
        }
        return f;
    }

    private static void drawNode(Figure f, double sc, Node n, double x, double y) {
        int rgb = color(n.category);
        double r = n.pill ? n.h / 2 : 6;
        RoundRectangle2D.Double box = new RoundRectangle2D.Double(x * sc, y * sc, n.w * sc, n.h * sc, 2 * r * sc,
                2 * r * sc);
        f.fill(box, Argb.of(rgb, n.pill ? 0.14 : 0.12));
        f.stroke(box, Argb.of(rgb, n.pill ? 0.7 : 1), (n.pill ? 1 : 1.6) * sc);
        if (!n.pill) {
            f.fillRect(x * sc, (y + 1) * sc, 5 * sc, (n.h - 2) * sc, Argb.opaque(rgb));      // the category band
            if (n.share > 0) {                                   // share of all parameters
                double barW = (n.w - 24) * Math.max(0.01, n.share);
                f.fillRect((x + 14) * sc, (y + n.h - 7) * sc, (n.w - 24) * sc, 2.5 * sc, Argb.opaque(0xe4e4e4));
                f.fillRect((x + 14) * sc, (y + n.h - 7) * sc, barW * sc, 2.5 * sc, Argb.of(rgb, 0.8));
            }
            for (int i = 0; i < n.lines.size(); i++) {
                f.text(n.lines.get(i), (x + 14) * sc, (y + 19 + LINE_H * i) * sc, (i == 0 ? 13 : 11.5) * sc,
                        Argb.opaque(i == 0 ? TEXT : MUTED), Figure.Anchor.START, i == 0);
            }
        } else {
            f.text(String.join("  ", n.lines), (x + n.w / 2) * sc, (y + n.h / 2 + 4.5) * sc, 11.5 * sc,
                    Argb.opaque(TEXT), Figure.Anchor.MIDDLE, false);
        }
    }

    private static void arrow(Figure f, double sc, double x0, double y0, double x1, double y1) {
        double len = Math.hypot(x1 - x0, y1 - y0);
        double ux = (x1 - x0) / len;
        double uy = (y1 - y0) / len;
        f.line(x0 * sc, y0 * sc, (x1 - 6 * ux) * sc, (y1 - 6 * uy) * sc, Argb.opaque(EDGE), 1.4 * sc);
        head(f, sc, x1, y1, ux, uy, EDGE);
    }

    private static void head(Figure f, double sc, double x, double y, double ux, double uy, int rgb) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x * sc, y * sc);
        p.lineTo((x - 7 * ux - 3.5 * uy) * sc, (y - 7 * uy + 3.5 * ux) * sc);
        p.lineTo((x - 7 * ux + 3.5 * uy) * sc, (y - 7 * uy - 3.5 * ux) * sc);
        p.closePath();
        f.fill(p, Argb.opaque(rgb));
    }

    /**
     * The feature-map glyph beside an image tensor's edge: a small flat stack, LeNet-style, whose
     * square grows with log(H·W) and whose layer count grows with log(C).
     */
    private static void glyph(Figure f, double sc, double x, double yMid, Shape shape) {
        int c = shape.dims()[0];
        int hw = shape.dims()[1] * shape.dims()[2];
        double side = 6 + 2.2 * Math.log(hw) / Math.log(2);
        side = Math.min(side, 22);
        int layers = Math.max(1, Math.min(5, 1 + (int) Math.round(Math.log(c) / Math.log(4))));
        for (int k = layers - 1; k >= 0; k--) {
            double gx = x + 2.5 * k;
            double gy = yMid - side / 2 - 2.5 * k + 2.5 * (layers - 1) / 2;
            f.fillRect(gx * sc, gy * sc, side * sc, side * sc, Argb.opaque(0xffffff));
            f.strokeRect(gx * sc, gy * sc, side * sc, side * sc, Argb.opaque(0x56b4e9), Math.max(0.8, sc));
        }
    }

    private static void legend(Figure f, double sc, Set<ModelSummary.Category> present, double x, double y) {
        f.text("layer kinds", x * sc, (y + 10) * sc, 11 * sc, Argb.opaque(MUTED), Figure.Anchor.START, true);
        int i = 0;
        for (ModelSummary.Category c : ModelSummary.Category.values()) {
            if (!present.contains(c)) {
                continue;
            }
            double ly = y + 22 + 18 * i++;
            f.fill(new RoundRectangle2D.Double(x * sc, ly * sc, 14 * sc, 11 * sc, 4 * sc, 4 * sc), Argb.opaque(color(c)));
            f.text(c.label(), (x + 20) * sc, (ly + 10) * sc, 11.5 * sc, Argb.opaque(TEXT), Figure.Anchor.START, false);
        }
    }

    // ------------------------------------------------------------------ neurons

    /** Layers wider than this are drawn as a labelled column instead of circles. */
    public static final int MAX_NEURONS = 16;

    /**
     * The neuron-level view for tiny MLPs (B.3 item 10): a column of circles per layer, left to right,
     * with every link as a curve whose width follows |w| (1 to 5 units for |w| from 0 to 5) and whose
     * colour follows its sign on Playground's link scale; layers wider than {@value #MAX_NEURONS} units
     * show "… n units". Each column is captioned with its summary row and the totals footer follows.
     *
     * @param summary     the model's one-section summary (Dense rows)
     * @param weights     per layer l ≥ 1 the weights [out, in] row-major (dest-major, as Playground's)
     * @param inputLabels one label per input unit, or empty
     * @throws IllegalArgumentException if the weights do not match the summary's layer sizes
     */
    public static Figure neurons(ModelSummary summary, double[][] weights, List<String> inputLabels, double scale) {
        Checks.requireArgument(summary.sections().size() == 1, "ArchitectureDiagram.neurons: needs a one-section summary");
        List<ModelSummary.Row> rows = summary.sections().get(0).rows();
        int layers = rows.size();
        int[] sizes = new int[layers + 1];
        sizes[0] = summary.input().size();
        for (int l = 0; l < layers; l++) {
            Checks.requireArgument(rows.get(l).repeat() == 1, "ArchitectureDiagram.neurons: unfold the summary first");
            sizes[l + 1] = rows.get(l).outputShape().size();
            Checks.requireArgument(weights[l].length == sizes[l] * sizes[l + 1],
                    "ArchitectureDiagram.neurons: layer %d has %d weights, %d x %d expected", l + 1, weights[l].length,
                    sizes[l + 1], sizes[l]);
        }
        double sc = scale;
        double pitch = 34;
        double colGap = 150;
        int tallest = 0;
        for (int n : sizes) {
            tallest = Math.max(tallest, Math.min(n, MAX_NEURONS));
        }
        double labelW = inputLabels.isEmpty() ? 0 : 60;
        double top = MARGIN + 40;
        double heightUnits = top + pitch * tallest + 60;
        List<String> footer = footerLines(summary);
        double width = MARGIN * 2 + labelW + colGap * layers + 80 + 40;
        double height = heightUnits + 16 * footer.size() + 30 + MARGIN;
        Figure f = Figure.blank((int) Math.ceil(width * sc), (int) Math.ceil(height * sc));
        f.text(summary.name(), MARGIN * sc, (MARGIN + 14) * sc, 15 * sc, Argb.opaque(TEXT), Figure.Anchor.START, true);
        double[][] xs = new double[layers + 1][];
        double[][] ys = new double[layers + 1][];
        for (int l = 0; l <= layers; l++) {
            int shown = Math.min(sizes[l], MAX_NEURONS);
            xs[l] = new double[shown];
            ys[l] = new double[shown];
            double y0 = top + pitch * (tallest - shown) / 2.0 + pitch / 2;
            for (int i = 0; i < shown; i++) {
                xs[l][i] = MARGIN + labelW + 20 + colGap * l;
                ys[l][i] = y0 + pitch * i;
            }
        }
        for (int l = 1; l <= layers; l++) {                       // links under the circles
            if (sizes[l] > MAX_NEURONS || sizes[l - 1] > MAX_NEURONS) {
                continue;
            }
            for (int d = 0; d < sizes[l]; d++) {
                for (int src = 0; src < sizes[l - 1]; src++) {
                    double w = weights[l - 1][d * sizes[l - 1] + src];
                    double x0 = xs[l - 1][src] + 10;
                    double y0 = ys[l - 1][src];
                    double x1 = xs[l][d] - 10;
                    double y1 = ys[l][d];
                    double mx = (x0 + x1) / 2;
                    double abs = Double.isFinite(w) ? Math.min(Math.abs(w), 5) : 0;
                    f.stroke(new CubicCurve2D.Double(x0 * sc, y0 * sc, mx * sc, y0 * sc, mx * sc, y1 * sc, x1 * sc, y1 * sc),
                            Argb.opaque(org.nnlab.raster.ColorMap.PLAYGROUND_LINK.rgb((float) w)), (1 + 4 * abs / 5) * sc);
                }
            }
        }
        for (int l = 0; l <= layers; l++) {
            int rgb = l == 0 ? color(ModelSummary.Category.DATA) : color(ModelSummary.Category.LEARNABLE);
            if (sizes[l] > MAX_NEURONS) {
                f.text("\u2026 " + sizes[l] + " units", xs[l][0] * sc, (top + pitch * tallest / 2.0) * sc, 12 * sc,
                        Argb.opaque(MUTED), Figure.Anchor.MIDDLE, false);
                continue;
            }
            for (int i = 0; i < xs[l].length; i++) {
                java.awt.geom.Ellipse2D.Double c = new java.awt.geom.Ellipse2D.Double((xs[l][i] - 10) * sc,
                        (ys[l][i] - 10) * sc, 20 * sc, 20 * sc);
                f.fill(c, Argb.opaque(0xffffff));
                f.fill(c, Argb.of(rgb, 0.18));
                f.stroke(c, Argb.opaque(rgb), 1.5 * sc);
                if (l == 0 && i < inputLabels.size()) {
                    f.text(inputLabels.get(i), (xs[l][i] - 16) * sc, (ys[l][i] + 4) * sc, 11.5 * sc, Argb.opaque(TEXT),
                            Figure.Anchor.END, false);
                }
            }
            String caption = l == 0 ? "input " + sizes[0] : rows.get(l - 1).layer()
                    + (rows.get(l - 1).activation().isEmpty() ? "" : " \u00b7 " + rows.get(l - 1).activation());
            f.text(caption, xs[l][0] * sc, (top - 8) * sc, 11.5 * sc, Argb.opaque(TEXT), Figure.Anchor.MIDDLE, l > 0);
            if (l > 0) {
                f.text(String.format(Locale.ROOT, "%,d params", rows.get(l - 1).parameters()), xs[l][0] * sc,
                        (top + pitch * tallest + 16) * sc, 11 * sc, Argb.opaque(MUTED), Figure.Anchor.MIDDLE, false);
            }
        }
        double fy = heightUnits + 6;
        f.line(MARGIN * sc, fy * sc, (width - MARGIN) * sc, fy * sc, Argb.opaque(0xdddddd), Math.max(1, sc));
        for (int i = 0; i < footer.size(); i++) {
            f.text(footer.get(i), MARGIN * sc, (fy + 18 + 16 * i) * sc, 12 * sc, Argb.opaque(TEXT), Figure.Anchor.START,
                    i == 0);
        }
        return f;
    }

    // ------------------------------------------------------------------ two players

    private static Figure players(ModelSummary s, Layout o) {
        double sc = o.scale();
        ModelSummary.Section g = s.sections().get(0);
        ModelSummary.Section d = s.sections().get(1);
        double colW = BOX_W + 60;
        double gx = MARGIN + 20;
        double dx = gx + colW + 110;
        double top = MARGIN + 70;
        double gBottom = column(null, sc, g, gx + 30, top + 60);
        double dBottom = column(null, sc, d, dx + 30, top + 60);
        double bottom = Math.max(gBottom, dBottom) + 200;
        Set<ModelSummary.Category> present = EnumSet.of(ModelSummary.Category.DATA, ModelSummary.Category.LEARNABLE);
        double width = dx + colW + 20 + 170 + MARGIN;
        List<String> footer = footerLines(s);
        double height = bottom + 16 * footer.size() + 24 + MARGIN;
        Figure f = Figure.blank((int) Math.ceil(width * sc), (int) Math.ceil(height * sc));
        f.text(s.name(), MARGIN * sc, (MARGIN + 14) * sc, 15 * sc, Argb.opaque(TEXT), Figure.Anchor.START, true);

        // clusters
        cluster(f, sc, gx, top, colW, gBottom - top + 20, "Generator G", GanLabView.GENERATOR);
        cluster(f, sc, dx, top, colW, dBottom - top + 20, "Discriminator D", GanLabView.DISCRIMINATOR);
        // data nodes: z into G, real x or fake x̂ into D (GAN Lab's label), D's output to the losses
        double gIn = top + 34;
        Node z = new Node(0, 0, 120, 26, List.of("noise z " + g.input().toTimesString()), ModelSummary.Category.DATA, true,
                0);
        drawNode(f, sc, z, gx + 30 + (BOX_W - 120) / 2, gIn - 20);
        Node real = new Node(0, 0, 120, 26, List.of("x or x\u0302 " + d.input().toTimesString()), ModelSummary.Category.DATA,
                true, 0);
        drawNode(f, sc, real, dx + 30 + (BOX_W - 120) / 2, gIn - 20);
        double gMid = gx + 30 + BOX_W / 2;
        double dMid = dx + 30 + BOX_W / 2;
        arrow(f, sc, gMid, gIn + 6, gMid, top + 60);
        arrow(f, sc, dMid, gIn + 6, dMid, top + 60);
        column(f, sc, g, gx + 30, top + 60);
        column(f, sc, d, dx + 30, top + 60);
        // fake samples: from G's output over to D's input
        double gy = gBottom + 30;
        Node fake = new Node(0, 0, 120, 26, List.of("fake x\u0302 " + lastShape(g)), ModelSummary.Category.DATA, true, 0);
        drawNode(f, sc, fake, gMid - 60, gy);
        arrow(f, sc, gMid, gBottom, gMid, gy);
        f.stroke(new CubicCurve2D.Double((gMid + 60) * sc, (gy + 13) * sc, (dx - 10) * sc, (gy + 13) * sc, (dx - 40) * sc,
                (gIn - 7) * sc, (dMid - 62) * sc, (gIn - 7) * sc), Argb.opaque(EDGE), 1.4 * sc);
        head(f, sc, dMid - 60, gIn - 7, 1, 0, EDGE);
        f.text("x\u0302 into D", (gx + colW + dx) / 2 * sc, ((gy + gIn) / 2) * sc, 10.5 * sc, Argb.opaque(MUTED),
                Figure.Anchor.START, false);
        // prediction and the two losses
        double py = dBottom + 30;
        Node p = new Node(0, 0, 120, 26, List.of("p(real) " + lastShape(d)), ModelSummary.Category.DATA, true, 0);
        drawNode(f, sc, p, dMid - 60, py);
        arrow(f, sc, dMid, dBottom, dMid, py);
        double ly = py + 62;
        Node dLoss = new Node(0, 0, 100, 26, List.of("D loss"), ModelSummary.Category.DATA, true, 0);
        Node gLoss = new Node(0, 0, 100, 26, List.of("G loss"), ModelSummary.Category.DATA, true, 0);
        drawNode(f, sc, dLoss, dMid + 10, ly);
        drawNode(f, sc, gLoss, dMid - 110, ly);
        arrow(f, sc, dMid, py + 26, dMid + 60, ly);
        arrow(f, sc, dMid, py + 26, dMid - 60, ly);
        // gradient paths, dashed, in GAN Lab's update colours
        int blue = 0x699eff;
        int purple = 0xba63cf;
        double rightX = dx + colW + 12;
        f.strokeDashed(new CubicCurve2D.Double((dMid + 110) * sc, (ly + 13) * sc, (rightX + 20) * sc, (ly + 13) * sc,
                (rightX + 20) * sc, (top + 120) * sc, (dx + colW) * sc, (top + 120) * sc), Argb.opaque(blue), 2.5 * sc, 8 * sc,
                4 * sc);
        head(f, sc, dx + colW, top + 120, -1, 0, blue);
        f.text("update D", (rightX + 24) * sc, ((ly + top + 120) / 2) * sc, 11 * sc, Argb.opaque(blue),
                Figure.Anchor.START, true);
        double under = ly + 60;
        Path2D.Double gPath = new Path2D.Double();
        gPath.moveTo((dMid - 60) * sc, (ly + 26) * sc);
        gPath.curveTo((dMid - 60) * sc, under * sc, (gx - 4) * sc, under * sc, (gx - 4) * sc, (under - 40) * sc);
        gPath.lineTo((gx - 4) * sc, (top + 120) * sc);
        gPath.lineTo((gx - 1) * sc, (top + 120) * sc);
        f.strokeDashed(gPath, Argb.opaque(purple), 2.5 * sc, 8 * sc, 4 * sc);
        head(f, sc, gx + 6, top + 120, 1, 0, purple);
        f.text("update G (through D)", (gx + 10) * sc, (under + 10) * sc, 11 * sc, Argb.opaque(purple),
                Figure.Anchor.START, true);
        legend(f, sc, present, dx + colW + 40, top);
        double fy = bottom + 4;
        f.line(MARGIN * sc, fy * sc, (width - MARGIN) * sc, fy * sc, Argb.opaque(0xdddddd), Math.max(1, sc));
        List<String> lines = new ArrayList<>(footer);
        lines.set(0, String.format(Locale.ROOT, "%,d params (G %,d \u00b7 D %,d) \u00b7 all trainable \u00b7 %s float32",
                s.totalParameters(), g.parameters(), d.parameters(), memory(s)));
        for (int i = 0; i < lines.size(); i++) {
            f.text(lines.get(i), MARGIN * sc, (fy + 18 + 16 * i) * sc, 12 * sc, Argb.opaque(TEXT), Figure.Anchor.START,
                    i == 0);
        }
        return f;
    }

    private static String lastShape(ModelSummary.Section s) {
        return s.rows().isEmpty() ? s.input().toTimesString() : s.rows().get(s.rows().size() - 1).outputShape().toTimesString();
    }

    /** Lays out (and, if f is not null, draws) a section's boxes top-down from y; returns the bottom. */
    private static double column(Figure f, double sc, ModelSummary.Section s, double x, double y) {
        double total = 0;
        for (ModelSummary.Row r : s.rows()) {
            total += r.parameters();
        }
        for (int i = 0; i < s.rows().size(); i++) {
            ModelSummary.Row r = s.rows().get(i);
            double h = height(r);
            if (f != null) {
                drawNode(f, sc, new Node(0, 0, BOX_W, h, boxLines(r), r.category(), r.parameters() == 0,
                        r.parameters() / Math.max(1, total)), x, y);
                if (i + 1 < s.rows().size()) {
                    arrow(f, sc, x + BOX_W / 2, y + h, x + BOX_W / 2, y + h + 30);
                    f.text(r.outputShape().toTimesString(), (x + BOX_W / 2 + 10) * sc, (y + h + 19) * sc, 11 * sc,
                            Argb.opaque(MUTED), Figure.Anchor.START, false);
                }
            }
            y += h + (i + 1 < s.rows().size() ? 30 : 0);
        }
        return y;
    }

    private static void cluster(Figure f, double sc, double x, double y, double w, double h, String title, int rgb) {
        RoundRectangle2D.Double r = new RoundRectangle2D.Double(x * sc, y * sc, w * sc, h * sc, 16 * sc, 16 * sc);
        f.fill(r, Argb.of(rgb, 0.05));
        f.strokeDashed(r, Argb.of(rgb, 0.8), 1.5 * sc, 6 * sc, 4 * sc);
        f.text(title, (x + 12) * sc, (y - 8) * sc, 13 * sc, Argb.opaque(rgb), Figure.Anchor.START, true);
    }
}
