package org.nnlab.raster.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nnlab.core.Checks;
import org.nnlab.core.Memory;
import org.nnlab.playground.EpochStats;
import org.nnlab.playground.Example;
import org.nnlab.playground.Feature;
import org.nnlab.playground.Heatmaps;
import org.nnlab.nn.dense.NeuronGrids;
import org.nnlab.playground.PlaygroundFrame;
import org.nnlab.playground.PlaygroundNetwork;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.raster.Argb;
import org.nnlab.raster.Bounds;
import org.nnlab.raster.ColorMap;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Gif;
import org.nnlab.raster.Grid;
import org.nnlab.raster.Overlay;
import org.nnlab.raster.LayeredNetwork;
import org.nnlab.raster.LineChart;
import org.nnlab.raster.NetworkDiagram;
import org.nnlab.raster.Plot;
import org.nnlab.raster.Points;
import org.nnlab.raster.Series;

/**
 * Pictures of a Playground session: the page's main picture ({@link #figure}: features, neurons with
 * their heatmaps, links, the output map with the data, the losses), the output map alone
 * ({@link #output}), and a training time-lapse ({@link #trainTimelapse}, which trains the session).
 *
 * <p>Sizes follow the page's pixel layout (spec sections 8 and 9) times a scale factor; colours are
 * the page's: the 31-colour palette at alpha 160 over white for heatmaps, the continuous link scale,
 * training points with a white outline (opacity 0.8), test points with a black one (opacity 0.6).
 */
public final class PlaygroundView {
    /** Where the network column starts (Playground units from the picture's top). */
    private static final double NETWORK_TOP = 56;
    /** The big map's side (the page's 260 px canvas). */
    private static final double MAP = 260;
    /** The loss chart's height. */
    private static final double CHART = 56;
    private static final int TEXT = 0x333333;
    /** Playground's training-loss line. */
    static final int TRAIN_LOSS = 0x777777;
    /** Playground's test-loss line. */
    static final int TEST_LOSS = 0x000000;
    private static final int HEADER = 0x777777;

    private PlaygroundView() {
    }

    /** The main picture at 1.5 pixels per page pixel. */
    public static Figure figure(PlaygroundSession session) {
        return figure(session, 1.5);
    }

    /**
     * The main picture (the page's Figure 1): the feature column with their heatmaps (unused features
     * faded), every hidden neuron as a box holding its heatmap with its bias square, the links (width
     * from |w|, colour from the sign), the big output map with train (and, if the state shows them, test)
     * points and its axes, and the train/test losses with their chart.
     *
     * @param scale pixels per page pixel, 0.5..4
     */
    public static Figure figure(PlaygroundSession session, double scale) {
        requireDrawable(session, scale);                      // before the frame computes every neuron's grid
        return figure(PlaygroundFrame.of(session), scale);
    }

    /**
     * {@link #figure(PlaygroundSession, double)} of a frame taken before ({@link PlaygroundFrame#of}): it draws
     * copies only, so any thread may draw it while the session trains on.
     *
     * @param scale pixels per page pixel, 0.5..4
     * @throws IllegalArgumentException for a scale outside [0.5, 4] or a network too large to draw
     */
    public static Figure figure(PlaygroundFrame now, double scale) {
        return new Painter().figure(now, scale);
    }

    /**
     * Draws one page's pictures frame after frame ({@link #figure(PlaygroundFrame, double)}), keeping what changes
     * only with the data from one frame to the next: the output map's dots, drawn once as a {@link Overlay} and
     * blended over each frame's heatmap (a third of a default network's frame, when drawn anew). Not thread-safe:
     * one painter per drawing thread.
     */
    public static final class Painter {
        private DotsKey drawn;
        private Overlay trainDots;
        private Overlay testDots;

        /** {@link PlaygroundView#figure(PlaygroundFrame, double)}, reusing the dots while the data stay the same. */
        public Figure figure(PlaygroundFrame now, double scale) {
            return draw(now, scale, this);
        }

        /**
         * Blends the training points (white outline, opacity 0.8) and the test points (black outline, 0.6; none
         * when {@code test} is null) onto the plot, drawing them first if anything they depend on changed.
         */
        void dots(Plot plot, List<Example> train, List<Example> test, double radius) {
            int[] rect = plot.pixelRect();
            DotsKey key = new DotsKey(rect[0], rect[1], rect[2], rect[3], radius, train, test);
            if (!key.equals(drawn)) {
                trainDots = plot.scatterOverlay(points(train), ColorMap.PLAYGROUND_OPAQUE, Argb.of(0xffffff, 0.8), radius);
                testDots = test == null ? null
                        : plot.scatterOverlay(points(test), ColorMap.PLAYGROUND_OPAQUE, Argb.of(0x000000, 0.6), radius);
                drawn = key;
            }
            plot.overlay(trainDots);
            if (testDots != null) {
                plot.overlay(testDots);
            }
        }
    }

    /** What the output map's dots depend on: the plot's rectangle, their radius and the points (by value). */
    private record DotsKey(int left, int top, int width, int height, double radius, List<Example> train,
                           List<Example> test) {
    }

    private static Figure draw(PlaygroundFrame now, double scale, Painter painter) {
        Checks.requireArgument(scale >= 0.5 && scale <= 4, "PlaygroundView.figure: scale must be in [0.5, 4], got %s",
                scale);
        requireDrawable(now.network(), scale);
        PlaygroundNetwork net = now.network();
        int hidden = net.layers() - 1;
        double width = networkWidth(hidden);
        double mapLeft = width + 20;
        double mapTop = NETWORK_TOP + 104;
        int[] size = pictureSize(net, scale);
        Figure f = Figure.blank(size[0], size[1]);

        boolean discretize = now.state().discretize();
        headers(f, net, width, mapLeft, hidden, scale);
        LayeredNetwork description = describe(now, discretize);
        NetworkDiagram.draw(f, description, 0, NETWORK_TOP * scale, width,
                mapTop + MAP / 2 - NETWORK_TOP, scale, ColorMap.PLAYGROUND, -now.epoch() / 3.0);
        inputLabels(f, now.state().inputs(), scale);
        losses(f, now, mapLeft, scale);
        outputMap(f, now, discretize, mapLeft, mapTop, scale, painter);
        return f;
    }

    private static double networkWidth(int hidden) {
        return Math.max(330, NetworkDiagram.FEATURE_WIDTH + 100 * hidden + NetworkDiagram.NODE);
    }

    /**
     * The main picture's {width, height} in pixels at {@code scale}, known before drawing it (to choose a scale
     * that fits a page): the width grows with the hidden layers, the height with the widest layer.
     */
    public static int[] size(PlaygroundSession session, double scale) {
        return pictureSize(session.network(), scale);
    }

    /** The main picture's {width, height} in pixels. */
    private static int[] pictureSize(PlaygroundNetwork net, double scale) {
        int widest = 0;
        for (int l = 1; l < net.layers(); l++) {
            widest = Math.max(widest, net.size(l));
        }
        double pictureWidth = networkWidth(net.layers() - 1) + 20 + MAP + 40;
        double networkHeight = NETWORK_TOP + NetworkDiagram.SPACING * Math.max(Feature.values().length, widest);
        double pictureHeight = Math.max(networkHeight, NETWORK_TOP + 104 + MAP + 30) + 8;
        return new int[] {(int) Math.ceil(pictureWidth * scale), (int) Math.ceil(pictureHeight * scale)};
    }

    /**
     * Checks, before any training, that {@link #figure(PlaygroundSession, double)} can draw this session's
     * network: the picture fits 16,384 pixels a side (a neuron takes 55 page pixels, so at scale 1.5 a layer
     * holds at most 198 neurons) and the picture and every neuron's 100 x 100 heatmap fit the memory budget.
     *
     * @throws IllegalArgumentException naming the widest layer, the picture's size and the limit
     */
    public static void requireDrawable(PlaygroundSession session, double scale) {
        requireDrawable(session.network(), scale);
    }

    private static void requireDrawable(PlaygroundNetwork net, double scale) {
        Checks.requireArgument(scale >= 0.5 && scale <= 4, "PlaygroundView.figure: scale must be in [0.5, 4], got %s",
                scale);
        int[] size = pictureSize(net, scale);
        int widest = 0;
        long neurons = 0;
        for (int l = 1; l < net.layers(); l++) {
            widest = Math.max(widest, net.size(l));
            neurons += net.size(l);
        }
        int fit = (int) Math.floor((16384 / scale - 8 - NETWORK_TOP) / NetworkDiagram.SPACING);
        Checks.requireArgument(size[0] <= 16384 && size[1] <= 16384,
                "PlaygroundView: a layer of %d neurons makes the picture %d x %d pixels at scale %s, beyond 16384 a side; "
                        + "at most %d neurons a layer fit at this scale", widest, size[0], size[1], scale, fit);
        long grids = (neurons + 1 + Feature.values().length) * Heatmaps.DENSITY * Heatmaps.DENSITY * 4L;
        Memory.require((long) size[0] * size[1] * Figure.BYTES_PER_PIXEL + grids,
                "PlaygroundView: the picture of " + neurons + " neurons with their heatmaps");
    }

    private static void headers(Figure f, PlaygroundNetwork net, double width, double mapLeft, int hidden,
                                double scale) {
        double size = 11 * scale;
        double y = 16 * scale;
        f.text("FEATURES", NetworkDiagram.INPUT_X * scale, y, size, Argb.opaque(HEADER), Figure.Anchor.MIDDLE, true);
        String layers = hidden + (hidden == 1 ? " HIDDEN LAYER" : " HIDDEN LAYERS");
        double first = NetworkDiagram.hiddenX(0, Math.max(1, hidden), width);
        double last = NetworkDiagram.hiddenX(Math.max(0, hidden - 1), Math.max(1, hidden), width);
        f.text(layers, (first + last) / 2 * scale, y, size, Argb.opaque(HEADER), Figure.Anchor.MIDDLE, true);
        for (int l = 0; l < hidden; l++) {
            int n = net.size(l + 1);
            f.text(n + (n == 1 ? " neuron" : " neurons"), NetworkDiagram.hiddenX(l, hidden, width) * scale,
                    (NETWORK_TOP - 12) * scale, 10 * scale, Argb.opaque(TEXT), Figure.Anchor.MIDDLE, false);
        }
        f.text("OUTPUT", mapLeft * scale, y, size, Argb.opaque(HEADER), Figure.Anchor.START, true);
    }

    private static void inputLabels(Figure f, List<Feature> used, double scale) {
        Feature[] all = Feature.values();
        for (int i = 0; i < all.length; i++) {
            boolean on = used.contains(all[i]);
            double y = NETWORK_TOP + NetworkDiagram.SPACING * i + NetworkDiagram.NODE / 2 + 4;
            f.text(label(all[i]), (NetworkDiagram.INPUT_X - NetworkDiagram.NODE / 2 - 6) * scale, y * scale, 11 * scale,
                    on ? Argb.opaque(TEXT) : Argb.of(TEXT, 0.45), Figure.Anchor.END, false);
        }
    }

    /** The page's label of a feature: X₁, X₂, X₁², X₂², X₁X₂, sin(X₁), sin(X₂). */
    static String label(Feature f) {
        return switch (f) {
            case X -> "X\u2081";
            case Y -> "X\u2082";
            case X_SQUARED -> "X\u2081\u00b2";
            case Y_SQUARED -> "X\u2082\u00b2";
            case X_TIMES_Y -> "X\u2081X\u2082";
            case SIN_X -> "sin(X\u2081)";
            case SIN_Y -> "sin(X\u2082)";
        };
    }

    private static void losses(Figure f, PlaygroundFrame now, double mapLeft, double scale) {
        EpochStats last = now.last();
        double size = 11 * scale;
        double x = mapLeft * scale;
        f.text("Test loss " + loss(last.testLoss()), x, (NETWORK_TOP - 22) * scale, size, Argb.opaque(TEXT),
                Figure.Anchor.START, false);
        f.text("Training loss " + loss(last.trainLoss()), x, (NETWORK_TOP - 6) * scale, size, Argb.opaque(TEXT),
                Figure.Anchor.START, false);
        String epoch = String.format(Locale.ROOT, "epoch %,d", now.epoch());
        f.text(epoch, (mapLeft + MAP) * scale, (NETWORK_TOP - 22) * scale, size, Argb.opaque(HEADER), Figure.Anchor.END,
                false);
        if (now.diverged()) {
            f.text("diverged", (mapLeft + MAP) * scale, (NETWORK_TOP - 6) * scale, size, Argb.opaque(0xc0392b),
                    Figure.Anchor.END, true);
        }
        lossChart(now.history(), false).draw(f, (int) Math.round(x), (int) Math.round((NETWORK_TOP + 4) * scale),
                (int) Math.round(MAP * scale), (int) Math.round(CHART * scale));
    }

    /**
     * The page's loss chart, as Playground draws it ({@code AppendingLineChart(["#777", "black"])} fed
     * [lossTrain, lossTest]): training loss in #777, test loss in black, epoch on x, from 0 up.
     */
    static LineChart lossChart(List<EpochStats> history, boolean axes) {
        double[] epochs = new double[history.size()];
        double[] train = new double[history.size()];
        double[] test = new double[history.size()];
        for (int i = 0; i < epochs.length; i++) {
            epochs[i] = history.get(i).epoch();
            train[i] = history.get(i).trainLoss();
            test[i] = history.get(i).testLoss();
        }
        return LineChart.of(new Series("training loss", Argb.opaque(TRAIN_LOSS), 1.5, epochs, train),
                        new Series("test loss", Argb.opaque(TEST_LOSS), 1.5, epochs, test))
                .axes(axes).legend(axes).fromZero(true);
    }

    private static String loss(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v) : "NaN";
    }

    private static void outputMap(Figure f, PlaygroundFrame now, boolean discretize, double mapLeft, double mapTop,
                                  double scale, Painter painter) {
        int left = (int) Math.round(mapLeft * scale);
        int top = (int) Math.round(mapTop * scale);
        int side = (int) Math.round(MAP * scale);
        Plot plot = f.plot(left, top, side, side, Bounds.square(-Heatmaps.DOMAIN, Heatmaps.DOMAIN));
        drawOutput(plot, now, discretize, 3 * scale, painter);
        List<Double> ticks = new ArrayList<>();
        for (int t = -6; t <= 6; t++) {
            ticks.add((double) t);
        }
        plot.ticks(ticks, ticks, true, 9 * scale, Argb.opaque(0x999999));
    }

    private static void drawOutput(Plot plot, PlaygroundFrame now, boolean discretize, double radius, Painter painter) {
        float[] out = now.grids().output();
        if (discretize) {
            out = Heatmaps.discretize(out);
        }
        plot.heatmap(field(out, Heatmaps.DENSITY), ColorMap.PLAYGROUND, true);
        painter.dots(plot, now.trainData(), now.state().showTestData() ? now.testData() : null, radius);
    }

    /** A top-row-first Playground grid as a field whose samples sit on [-6, 6] (cells reach half a step beyond). */
    static Grid field(float[] topDown, int density) {
        double half = Heatmaps.DOMAIN / (density - 1);
        if (density == Heatmaps.THUMBNAIL) {
            // thumbnails are block means stretched over the node: cells tile [-6, 6] exactly
            return Grid.fromTopDown(density, density, topDown, Bounds.square(-Heatmaps.DOMAIN, Heatmaps.DOMAIN));
        }
        return Grid.fromTopDown(density, density, topDown,
                Bounds.square(-Heatmaps.DOMAIN - half, Heatmaps.DOMAIN + half));
    }

    /** The session's network as the raster module's description, with 10x10 thumbnails per node. */
    static LayeredNetwork describe(PlaygroundFrame now, boolean discretize) {
        PlaygroundNetwork net = now.network();
        NeuronGrids grids = now.grids();
        List<Feature> used = now.state().inputs();
        List<String> labels = new ArrayList<>();
        List<Grid> inputFields = new ArrayList<>();
        Feature[] all = Feature.values();
        boolean[] active = new boolean[all.length];
        for (int i = 0; i < all.length; i++) {
            labels.add(label(all[i]));
            inputFields.add(FeatureThumbnails.of(all[i], discretize));
            active[i] = used.contains(all[i]);
        }
        int layers = net.layers();
        int[] sizes = new int[layers];
        double[][] weights = new double[layers][];
        double[][] biases = new double[layers][];
        boolean[][] dead = new boolean[layers][];
        List<List<Grid>> fields = new ArrayList<>();
        for (int l = 1; l <= layers; l++) {
            int n = net.size(l);
            int prev = net.size(l - 1);
            sizes[l - 1] = n;
            weights[l - 1] = new double[n * prev];
            dead[l - 1] = new boolean[n * prev];
            biases[l - 1] = new double[n];
            List<Grid> layerFields = new ArrayList<>();
            for (int d = 0; d < n; d++) {
                biases[l - 1][d] = net.bias(l, d);
                for (int s = 0; s < prev; s++) {
                    weights[l - 1][d * prev + s] = net.weight(l, d, s);
                    dead[l - 1][d * prev + s] = net.isDead(l, d, s);
                }
                layerFields.add(l < layers ? thumbnail(grids.grid(l, d), discretize) : null);
            }
            fields.add(layerFields);
        }
        return new LayeredNetwork(labels, inputFields, active, sizes, weights, biases, dead, fields);
    }

    /**
     * The seven features' thumbnails, plain and discretized, computed once: they depend on nothing else, and a live
     * page would otherwise take 100 x 100 sines per feature for every frame.
     */
    private static final class FeatureThumbnails {
        private static final Grid[][] GRIDS = new Grid[2][Feature.values().length];

        static {
            for (Feature f : Feature.values()) {
                GRIDS[0][f.ordinal()] = thumbnail(Heatmaps.feature(f), false);
                GRIDS[1][f.ordinal()] = thumbnail(Heatmaps.feature(f), true);
            }
        }

        static Grid of(Feature f, boolean discretize) {
            return GRIDS[discretize ? 1 : 0][f.ordinal()];
        }
    }

    private static Grid thumbnail(float[] grid, boolean discretize) {
        float[] small = Heatmaps.reduce(grid, Heatmaps.DENSITY, Heatmaps.DENSITY / Heatmaps.THUMBNAIL);
        if (discretize) {
            small = Heatmaps.discretize(small);
        }
        return field(small, Heatmaps.THUMBNAIL);
    }

    private static Points points(List<Example> data) {
        double[] xs = new double[data.size()];
        double[] ys = new double[data.size()];
        float[] labels = new float[data.size()];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = data.get(i).x();
            ys[i] = data.get(i).y();
            labels[i] = (float) data.get(i).label();
        }
        return Points.valued(xs, ys, labels);
    }

    /**
     * The output map alone, size x size pixels: the output node's heatmap on [-6, 6]² (smoothed as the
     * page's stretched canvas, discretized if the state says so) with the training points and, if the
     * state shows them, the test points.
     */
    public static Figure output(PlaygroundSession session, int size) {
        Figure f = Figure.of(size, size, Bounds.square(-Heatmaps.DOMAIN, Heatmaps.DOMAIN));
        drawOutput(f.main(), PlaygroundFrame.of(session), session.state().discretize(), 3.0 * size / MAP, new Painter());
        return f;
    }

    /**
     * One time-lapse frame: the output map (size x size) under a title with the epoch and both losses, over a
     * loss chart with axes (epoch on x, from the first epoch of the history; loss on y, from 0).
     *
     * @param size the picture's width in pixels, 120..4096
     */
    public static Figure frame(PlaygroundSession session, int size) {
        Checks.requireArgument(size >= 120 && size <= 4096, "PlaygroundView.frame: size must be 120..4096, got %d", size);
        FrameLayout layout = new FrameLayout(size);
        Figure f = map(session, layout, new Painter());
        List<EpochStats> history = session.history();
        double first = history.isEmpty() ? 0 : history.get(0).epoch();
        timelapseChart(history, layout, first, Math.max(first + 1, session.epoch()), Double.NaN).draw(f, 0,
                layout.chartTop(), size, layout.chart);
        return f;
    }

    /**
     * Where a time-lapse frame's parts go, and its text size: at least 12 px, 1/22 of the width; the chart is half
     * the map's height, at least 140 px, so that its axes, labels and legend leave the curves room.
     */
    private record FrameLayout(int size, double font, int title, int chart) {
        FrameLayout(int size) {
            this(size, Math.max(12, size / 22.0), (int) Math.ceil(Math.max(12, size / 22.0) * 1.9),
                    Math.max(140, size / 2));
        }

        int chartTop() {
            return title + size;
        }

        int height() {
            return title + size + chart;
        }
    }

    /** A frame's title and output map, with the chart's rectangle left white. */
    private static Figure map(PlaygroundSession session, FrameLayout layout, Painter painter) {
        int size = layout.size();
        Figure f = Figure.blank(size, layout.height());
        EpochStats last = session.last();
        String title = String.format(Locale.ROOT, "epoch %,d \u00b7 training loss %s \u00b7 test %s", session.epoch(),
                loss(last.trainLoss()), loss(last.testLoss()));
        // the title's size, shrunk (to no less than 10 px) when the picture is too narrow for it
        double font = Figure.fittingSize(title, layout.font(), size - 8, 10);
        f.text(title, size / 2.0, layout.title() * 0.7, font, Argb.opaque(TEXT), Figure.Anchor.MIDDLE, false);
        Plot plot = f.plot(0, layout.title(), size, size, Bounds.square(-Heatmaps.DOMAIN, Heatmaps.DOMAIN));
        drawOutput(plot, PlaygroundFrame.of(session), session.state().discretize(), 3.0 * size / MAP, painter);
        return f;
    }

    /** The loss chart of a frame on fixed axes: x over [firstEpoch, lastEpoch], y from 0 to yMax (NaN: the data's). */
    private static LineChart timelapseChart(List<EpochStats> history, FrameLayout layout, double firstEpoch,
                                            double lastEpoch, double yMax) {
        LineChart chart = lossChart(history, true).fontSize(layout.font() * 0.9).xLabel("epoch").yLabel("loss")
                .xRange(firstEpoch, lastEpoch);
        return Double.isNaN(yMax) ? chart : chart.yRange(0, yMax);
    }

    /**
     * <b>Trains</b> the session for a time-lapse: a {@link #frame} before training and after each of
     * {@code lapse.frames() - 1} stretches of {@code lapse.epochsPerFrame()} epochs, so the session ends
     * {@link Timelapse#epochs()} epochs further on. Every frame's loss chart has the same axes: epochs from the
     * session's first to the last one trained, losses from 0 to the highest of the whole run, so the curves grow
     * into a chart that stays still. A run that diverges keeps its last frame to the end.
     *
     * @throws IllegalArgumentException if the frames would not fit the memory budget (checked before training)
     */
    public static List<Figure> trainTimelapse(PlaygroundSession session, Timelapse lapse) {
        FrameLayout layout = new FrameLayout(lapse.size());
        Gif.requireFits(lapse.frames(), layout.size(), layout.height(), "PlaygroundView.trainTimelapse");
        Painter painter = new Painter();                     // the data stay: their dots are drawn once
        List<Figure> out = new ArrayList<>();
        int[] historyLength = new int[lapse.frames()];
        for (int i = 0; i < lapse.frames(); i++) {
            if (i > 0) {
                session.step(lapse.epochsPerFrame());
            }
            out.add(map(session, layout, painter));
            historyLength[i] = session.history().size();
        }
        List<EpochStats> history = session.history();
        double first = history.isEmpty() ? 0 : history.get(0).epoch();
        double last = Math.max(first + 1, history.isEmpty() ? 0 : history.get(history.size() - 1).epoch());
        double yMax = 0;
        for (EpochStats s : history) {
            yMax = Math.max(yMax, finiteOrZero(s.trainLoss()));
            yMax = Math.max(yMax, finiteOrZero(s.testLoss()));
        }
        yMax = yMax > 0 ? yMax : 1;
        // the legend goes where the whole run's curves leave room, the same place in every frame
        LineChart.LegendPlace place = timelapseChart(history, layout, first, last, yMax)
                .resolveLegendPlace(layout.size(), layout.chart());
        for (int i = 0; i < out.size(); i++) {
            timelapseChart(history.subList(0, historyLength[i]), layout, first, last, yMax).legendPlace(place)
                    .draw(out.get(i), 0, layout.chartTop(), layout.size(), layout.chart());
        }
        return out;
    }

    private static double finiteOrZero(double v) {
        return Double.isFinite(v) ? v : 0;
    }

    /** <b>Trains</b> the session ({@link #trainTimelapse}) and writes the frames as a GIF that loops forever. */
    public static void writeTrainingGif(PlaygroundSession session, Path target, Timelapse lapse) throws IOException {
        Gif.write(target, trainTimelapse(session, lapse), lapse.delayCentis(), 0);
    }
}
