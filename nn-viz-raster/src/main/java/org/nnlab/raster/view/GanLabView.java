package org.nnlab.raster.view;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.nnlab.core.Checks;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.Manifold;
import org.nnlab.gan.NoiseType;
import org.nnlab.raster.Argb;
import org.nnlab.raster.Bounds;
import org.nnlab.raster.ColorMap;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Gif;
import org.nnlab.raster.Grid;
import org.nnlab.raster.Kde;
import org.nnlab.raster.LineChart;
import org.nnlab.raster.Plot;
import org.nnlab.raster.Points;
import org.nnlab.raster.Series;
import org.nnlab.raster.Ticks;
import org.nnlab.raster.WarpedGrid;

/**
 * GAN Lab's pictures (spec 2.h): the layered distributions view, the model overview graph, the loss
 * and divergence charts, and animations (the manifold morphing out of the noise grid; a training
 * time-lapse). Colours, radii and layer order are GAN Lab's; sizes scale from its 400 px plot.
 */
public final class GanLabView {
    /** Real data, rgb(0,136,55). */
    static final int REAL = 0x008837;
    /** The generator's purple for fake dots, rgb(123,50,148). */
    static final int FAKE = 0x7b3294;
    /** The gradient kites, rgba(196,20,219,0.5). */
    static final int GRADIENT = 0xc414db;
    /**
     * The longest gradient kite, in units of the square (40 px of GAN Lab's 400). GAN Lab draws each kite to
     * x + 0.15·dD/dx with no limit; once D is sharp its gradients reach 5 to 20, the kites cross the whole
     * canvas and cover the ring they point at. nnlab keeps GAN Lab's 0.15 for short kites and caps the long
     * ones softly ({@link Plot#arrows(double[], double[], double[], double[], double, double, double, int)}:
     * length 0.1·tanh(L / 0.1)), so direction and order stay visible.
     */
    public static final double KITE_CAP = 0.1;
    /** The discriminator's blue. */
    static final int DISCRIMINATOR = 0x447ce4;
    /** The generator's CSS colour. */
    static final int GENERATOR = 0xa33ebd;
    private static final Bounds UNIT = Bounds.square(0, 1);
    private static final int TEXT = 0x333333;

    private GanLabView() {
    }

    /** The layers of the distributions view, bottom to top. */
    public enum Part {
        /** D on the 30 x 30 cells in PRGn (purple: fake, green: real). */
        HEATMAP,
        /** The real samples' density as filled contours in greens (a KDE, as the paper describes). */
        REAL_DENSITY,
        /** The 450 displayed real samples. */
        REAL,
        /**
         * The kites from each fixed fake toward x + 0.15·dD/dx, as GAN Lab draws them, but with the length softly
         * capped at {@link #KITE_CAP} (GAN Lab's kites run across the canvas once D is sharp).
         */
        GRADIENTS,
        /** The 150 fixed fakes. */
        FAKE,
        /** The generator's manifold: the noise grid's warped cells, opacity from area. */
        MANIFOLD;

        /** GAN Lab's default: heatmap, real, gradients and fake on; manifold (and the density) off. */
        public static Set<Part> ganLabDefault() {
            return EnumSet.of(HEATMAP, REAL, GRADIENTS, FAKE);
        }

        /** Every layer. */
        public static Set<Part> all() {
            return EnumSet.allOf(Part.class);
        }
    }

    /** {@link #distributions(GanFrame, NoiseType, int, Set)} of the session now, GAN Lab's default layers. */
    public static Figure distributions(GanSession session, int size) {
        return distributions(session.frame(), session.config().noise(), size, Part.ganLabDefault());
    }

    /**
     * The layered view of the unit square, size x size pixels: background #f3f3f3, then the chosen layers
     * in GAN Lab's order (heatmap, density, real dots, gradients, fake dots, manifold), then the #eee border.
     * Dots have radius 2 px at 400 px and scale with the picture; NaN values (a diverged run) are grey.
     *
     * @throws IllegalArgumentException if size is outside 100..4096
     */
    public static Figure distributions(GanFrame frame, NoiseType noise, int size, Set<Part> layers) {
        Checks.requireArgument(size >= 100 && size <= 4096, "GanLabView.distributions: size must be 100..4096, got %d",
                size);
        Figure f = Figure.of(size, size, UNIT);
        draw(f.main(), frame, noise, layers, size / 400.0);
        return f;
    }

    /** The layers on any plot of the unit square; {@code scale} is pixels per GAN Lab pixel. */
    static void draw(Plot p, GanFrame frame, NoiseType noise, Set<Part> layers, double scale) {
        p.background(0xf3f3f3);
        if (layers.contains(Part.HEATMAP)) {
            p.heatmap(new Grid(30, 30, frame.heatmapD(), UNIT), ColorMap.PRGN, false);
        }
        if (layers.contains(Part.REAL_DENSITY)) {
            density(p, frame.realSamples());
        }
        if (layers.contains(Part.REAL)) {
            p.scatter(Points.ofRows(frame.realSamples(), Argb.rgba(0, 136, 55, 0.75)), null, 0, 2 * scale);
        }
        if (layers.contains(Part.GRADIENTS)) {
            int n = GanFrame.FIXED;
            double[] xs = new double[n];
            double[] ys = new double[n];
            double[] vx = new double[n];
            double[] vy = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = frame.fixedFake()[2 * i];
                ys[i] = frame.fixedFake()[2 * i + 1];
                vx[i] = frame.fixedFakeGradDx()[2 * i];
                vy[i] = frame.fixedFakeGradDx()[2 * i + 1];
            }
            p.arrows(xs, ys, vx, vy, GanFrame.ARROW_SCALE, 0.002, KITE_CAP, Argb.rgba(196, 20, 219, 0.5));
        }
        if (layers.contains(Part.FAKE)) {
            p.scatter(Points.ofRows(frame.fixedFake(), Argb.rgba(123, 50, 148, 0.75)), null, 0, 2 * scale);
        }
        if (layers.contains(Part.MANIFOLD)) {
            manifold(p, frame.manifold(), frame.cellOpacity(), noise, scale);
        }
        p.border(Argb.opaque(0xeeeeee), Math.max(1, scale));
    }

    /**
     * Points filled with the discriminator's prediction as GAN Lab colours them: PRGn of the contrast stretch
     * 0.5 + 0.5·sign(2d-1)·sqrt|2d-1| ({@link GanFrame#predictionContrast}), purple fake, green real.
     *
     * @param xy          the points, [n, 2] row-major
     * @param predictions D at each point, [n]
     * @param strokeArgb  the outline (alpha 0: none)
     * @param radius      pixels
     */
    public static void predictions(Plot p, float[] xy, float[] predictions, int strokeArgb, double radius) {
        int n = predictions.length;
        double[] xs = new double[n];
        double[] ys = new double[n];
        float[] values = new float[n];
        for (int i = 0; i < n; i++) {
            xs[i] = xy[2 * i];
            ys[i] = xy[2 * i + 1];
            values[i] = (float) GanFrame.predictionContrast(predictions[i]);
        }
        p.scatter(Points.valued(xs, ys, values), ColorMap.PRGN, strokeArgb, radius);
    }

    /** The warped grid (2-D noise) or the polyline with its dots (1-D), given the image corners. */
    static void manifold(Plot p, float[] corners, double[] opacity, NoiseType noise, double scale) {
        if (noise.size() == 1) {
            int n = corners.length / 2;
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int i = 0; i < n; i++) {
                xs[i] = corners[2 * i];
                ys[i] = corners[2 * i + 1];
            }
            p.polyline(xs, ys, Argb.opaque(FAKE), 1.5 * scale);
            p.scatter(Points.uniform(xs, ys, Argb.rgba(48, 48, 48, 0.5)), null, 0, scale);
            return;
        }
        int k = Manifold.CORNERS;
        double[] xs = new double[k * k];
        double[] ys = new double[k * k];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = corners[2 * i];
            ys[i] = corners[2 * i + 1];
        }
        double[] alpha = new double[opacity.length];
        for (int c = 0; c < alpha.length; c++) {
            alpha[c] = Double.isNaN(opacity[c]) ? 0 : opacity[c];
        }
        p.warpedGrid(new WarpedGrid(Manifold.CELLS, Manifold.CELLS, xs, ys), FAKE, alpha, Argb.rgba(160, 160, 160, 0.25),
                Math.max(0.5, scale));
    }

    /**
     * The real samples' density, as the paper's figure: a Gaussian KDE (bandwidth 15 px at 400, as d3's
     * contourDensity), about five "nice" levels filled in greens at opacity 0.5, outlined in #bbb.
     */
    static void density(Plot p, float[] realSamples) {
        Grid density = Kde.density(Points.ofRows(realSamples, 0), UNIT, 100, 100, 15 / 400.0);
        double max = 0;
        for (float v : density.values()) {
            max = Math.max(max, v);
        }
        if (!(max > 0)) {
            return;
        }
        List<Double> ticks = Ticks.of(0, max, 5);
        List<Double> inside = new ArrayList<>();
        for (double t : ticks) {
            if (t > 0 && t < max) {
                inside.add(t);
            }
        }
        double[] levels = inside.stream().mapToDouble(Double::doubleValue).toArray();
        int[] bands = new int[levels.length];
        ColorMap greens = ColorMap.scaled(ColorMap.GREENS, 0, max * 1.1);
        for (int i = 0; i < levels.length; i++) {
            bands[i] = greens.rgb((float) levels[i]);
        }
        p.filledContours(density, levels, bands, 0.5).contours(density, levels, Argb.opaque(0xbbbbbb), 0.5);
    }

    // ------------------------------------------------------------------ charts

    /**
     * GAN Lab's two charts side by side, at its cadence (one point per visualised epoch, here the epochs
     * of the given frames): D loss (shown as L_D/2) and G loss of that epoch, and KL and JS in bits; its
     * colours (D rgba(5,117,176,.5), G rgba(123,50,148,.5), KL rgba(220,80,20,.5), JS rgba(200,150,10,.5)).
     *
     * @param history the session's {@link GanSession#history()}
     * @param frames  frames taken during the run, oldest first
     */
    public static Figure charts(List<GanSession.EpochLosses> history, List<GanFrame> frames, int width, int height) {
        Checks.requireArgument(width >= 200 && height >= 100, "GanLabView.charts: size must be at least 200 x 100, got %d x %d",
                width, height);
        int n = frames.size();
        double[] at = new double[n];
        double[] d = new double[n];
        double[] g = new double[n];
        double[] kl = new double[n];
        double[] js = new double[n];
        for (int i = 0; i < n; i++) {
            GanFrame frame = frames.get(i);
            at[i] = frame.epoch();
            GanSession.EpochLosses stats = statsAt(history, frame.epoch());
            d[i] = stats == null ? Double.NaN : stats.displayedDLoss();
            g[i] = stats == null ? Double.NaN : stats.gLoss();
            kl[i] = frame.kl();
            js[i] = frame.js();
        }
        return charts(at, d, g, kl, js, width, height);
    }

    /**
     * {@link #charts(List, List, int, int)} of series already taken (one point per visualised epoch, as a live
     * page keeps them): D loss shown as L_D/2, G loss, and KL and JS in bits, all as long as {@code epochs}.
     *
     * @throws IllegalArgumentException if the size is under 200 x 100 or the series differ in length
     */
    public static Figure charts(double[] epochs, double[] dLoss, double[] gLoss, double[] kl, double[] js, int width,
                                int height) {
        Checks.requireArgument(width >= 200 && height >= 100, "GanLabView.charts: size must be at least 200 x 100, got %d x %d",
                width, height);
        int n = epochs.length;
        Checks.requireArgument(dLoss.length == n && gLoss.length == n && kl.length == n && js.length == n,
                "GanLabView.charts: the series must all have %d points, got %d, %d, %d and %d", n, dLoss.length,
                gLoss.length, kl.length, js.length);
        Figure f = Figure.blank(width, height);
        int half = width / 2;
        LineChart.of(new Series("Discriminator loss", Argb.rgba(5, 117, 176, 0.5), 2, epochs, dLoss),
                        new Series("Generator loss", Argb.rgba(123, 50, 148, 0.5), 2, epochs, gLoss))
                .title("Losses").xLabel("epoch").yLabel("loss").fromZero(true).draw(f, 0, 0, half, height);
        LineChart.of(new Series("KL divergence (by grid)", Argb.rgba(220, 80, 20, 0.5), 2, epochs, kl),
                        new Series("JS divergence (by grid)", Argb.rgba(200, 150, 10, 0.5), 2, epochs, js))
                .title("Divergences").xLabel("epoch").yLabel("bits").fromZero(true).draw(f, half, 0, width - half, height);
        return f;
    }

    /** The statistics of that epoch (epochs count from 1 and are recorded in order), or null. */
    private static GanSession.EpochLosses statsAt(List<GanSession.EpochLosses> history, long epoch) {
        int guess = (int) epoch - 1;
        if (guess >= 0 && guess < history.size() && history.get(guess).epoch() == epoch) {
            return history.get(guess);
        }
        for (GanSession.EpochLosses s : history) {
            if (s.epoch() == epoch) {
                return s;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ animations

    /**
     * The manifold animation GAN Lab plays when the generator is hovered: {@code frames} pictures in which
     * the regular noise grid morphs into the generator's warped grid (corners move along straight lines,
     * eased in and out; cell opacity follows the area as it changes), over the real samples.
     */
    public static List<Figure> manifoldMorph(GanSession session, int frames, int size) {
        Checks.requireArgument(frames >= 2 && frames <= 1000, "GanLabView.manifoldMorph: frames must be 2..1000, got %d",
                frames);
        Gif.requireFits(frames, size, size, "GanLabView.manifoldMorph");
        GanFrame now = session.frame();
        NoiseType noise = session.config().noise();
        float[] start = noise.size() == 2 ? Manifold.noiseCorners(2) : lineCorners();
        float[] end = now.manifold();
        List<Figure> out = new ArrayList<>();
        for (int k = 0; k < frames; k++) {
            double t = (double) k / (frames - 1);
            double eased = t * t * (3 - 2 * t);
            float[] corners = new float[end.length];
            for (int i = 0; i < corners.length; i++) {
                corners[i] = (float) ((1 - eased) * start[i] + eased * end[i]);
            }
            double[] opacity = noise.size() == 2
                    ? Manifold.opacities(noise, Manifold.normalizedAreas(corners)) : new double[0];
            Figure f = Figure.of(size, size, UNIT);
            Plot p = f.main();
            double scale = size / 400.0;
            p.background(0xf3f3f3);
            p.scatter(Points.ofRows(now.realSamples(), Argb.rgba(0, 136, 55, 0.35)), null, 0, 2 * scale);
            manifold(p, corners, opacity, noise, scale);
            p.border(Argb.opaque(0xeeeeee), Math.max(1, scale));
            f.text(t == 0 ? "noise" : t == 1 ? "G(noise)" : "", 8 * scale, 18 * scale, 13 * scale, Argb.opaque(TEXT),
                    Figure.Anchor.START, true);
            out.add(f);
        }
        return out;
    }

    /** 1-D noise's 21 points on the square's middle line, as GAN Lab draws 1-D noise. */
    private static float[] lineCorners() {
        float[] out = new float[2 * Manifold.CORNERS];
        for (int a = 0; a < Manifold.CORNERS; a++) {
            out[2 * a] = (float) a / Manifold.CELLS;
            out[2 * a + 1] = 0.5f;
        }
        return out;
    }

    /** {@link #manifoldMorph} as a looping GIF (about 2 s, as GAN Lab's animation). */
    public static void writeManifoldMorph(GanSession session, Path target, int frames, int size) throws IOException {
        Gif.write(target, manifoldMorph(session, frames, size), Math.max(2, 200 / frames), 0);
    }

    /**
     * <b>Trains</b> the session for a time-lapse: before training and after each of {@code lapse.frames() - 1}
     * stretches of {@code lapse.epochsPerFrame()} epochs, the distributions view with every layer but the density,
     * titled with the epoch, D's displayed loss, G's loss, KL and JS ({@link #timelapseFrame}). The session ends
     * {@link Timelapse#epochs()} epochs further on.
     *
     * @throws IllegalArgumentException if the frames would not fit the memory budget (checked before training)
     */
    public static List<Figure> trainTimelapse(GanSession session, Timelapse lapse) {
        List<Figure> out = new ArrayList<>();
        for (int k = 0; k < lapse.frames(); k++) {
            if (k > 0) {
                session.train(lapse.epochsPerFrame());
            }
            out.add(timelapseFrame(session, session.frame(), lapse.size()));
            if (k == 0) {
                Gif.requireFits(lapse.frames(), out.get(0).width(), out.get(0).height(), "GanLabView.trainTimelapse");
            }
        }
        return out;
    }

    /** <b>Trains</b> the session ({@link #trainTimelapse}) and writes the frames as a GIF that loops forever. */
    public static void writeTrainingGif(GanSession session, Path target, Timelapse lapse) throws IOException {
        Gif.write(target, trainTimelapse(session, lapse), lapse.delayCentis(), 0);
    }

    /** The layers of a time-lapse frame: every one but the density. */
    private static final Set<Part> TIMELAPSE = EnumSet.of(Part.HEATMAP, Part.REAL, Part.GRADIENTS, Part.FAKE,
            Part.MANIFOLD);

    /**
     * One {@link #trainTimelapse} frame for a frame already computed: the distributions view with every layer
     * but the density, under a title with the epoch, D's displayed loss, G's loss, KL and JS.
     */
    public static Figure timelapseFrame(GanSession session, GanFrame frame, int size) {
        double font = Math.max(12, size / 25.0);            // readable at the default 300 px: 12 px, as Playground's
        int title = (int) Math.ceil(font * 1.9);
        Figure f = Figure.blank(size, size + title);
        List<GanSession.EpochLosses> h = session.history();
        String losses = h.isEmpty() ? "" : String.format(Locale.ROOT, " \u00b7 loss D %.3f, G %.3f",
                h.get(h.size() - 1).displayedDLoss(), h.get(h.size() - 1).gLoss());
        String text = String.format(Locale.ROOT, "epoch %,d%s \u00b7 KL %.2f, JS %.2f bits%s", frame.epoch(), losses,
                frame.kl(), frame.js(), session.diverged() ? " \u00b7 diverged" : "");
        // shrunk to the width (to no less than 10 px) when the picture is too narrow for the title
        double fitted = Figure.fittingSize(text, font, size - 8, 10);
        f.text(text, size / 2.0, title * 0.7, fitted, Argb.opaque(TEXT), Figure.Anchor.MIDDLE, false);
        draw(f.plot(0, title, size, size, UNIT), frame, session.config().noise(), TIMELAPSE, size / 400.0);
        return f;
    }
}
