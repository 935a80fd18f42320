package org.nnlab.raster.view;

import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.util.EnumSet;

import org.nnlab.core.Checks;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.NoiseType;
import org.nnlab.raster.Argb;
import org.nnlab.raster.Bounds;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Plot;
import org.nnlab.raster.Points;

/**
 * GAN Lab's model overview graph: noise → generator → fake samples → discriminator → predictions, real
 * samples → discriminator, each node holding its mini-plot (50 px for noise, samples and predictions,
 * 140 px for the generator's manifold and the discriminator's heatmap), forward edges in grey, and the
 * two backward loops: the discriminator's loss back into D (blue) and the generator's loss back
 * through D into G (purple).
 */
public final class GanLabOverview {
    private static final Bounds UNIT = Bounds.square(0, 1);
    private static final int EDGE = 0x9e9e9e;
    private static final int TEXT = 0x333333;
    private static final double WIDTH = 760;
    private static final double HEIGHT = 450;

    private GanLabOverview() {
    }

    /**
     * The graph of the session now at {@code scale} pixels per GAN Lab pixel (760 x 450 at 1).
     *
     * @throws IllegalArgumentException for a scale outside [0.5, 4]
     */
    public static Figure of(GanSession session, double scale) {
        return of(session.frame(), session.config(), session.noiseAtlas().head(GanFrame.FIXED), scale);
    }

    /**
     * The graph of a frame, drawn from copies only (for drawing off the session's thread).
     *
     * @param frame     the session's frame
     * @param config    its configuration (the noise type and both networks' shapes)
     * @param noiseHead the first 150 rows of its noise atlas, [150, noise size]
     * @param scale     pixels per GAN Lab pixel, 0.5..4 (760 x 450 at 1)
     * @throws IllegalArgumentException for a scale outside [0.5, 4] or a noise head of another length
     */
    public static Figure of(GanFrame frame, GanConfig config, float[] noiseHead, double scale) {
        Checks.requireArgument(scale >= 0.5 && scale <= 4, "GanLabOverview.of: scale must be in [0.5, 4], got %s", scale);
        NoiseType noise = config.noise();
        Checks.requireArgument(noiseHead.length == GanFrame.FIXED * noise.size(),
                "GanLabOverview.of: noiseHead has %d values, needs %d x %d", noiseHead.length, GanFrame.FIXED, noise.size());
        Figure f = Figure.blank((int) Math.ceil(WIDTH * scale), (int) Math.ceil(HEIGHT * scale));
        Node z = new Node(20, 110, 50, "Noise", noise.label());
        Node g = new Node(110, 90, 130, "Generator", shape(noise.size(), config.gLayers(), config.gNeurons(), 2));
        Node manifold = new Node(105, 200, 140, "", "");
        Node fake = new Node(290, 110, 50, "Fake samples", "");
        Node real = new Node(290, 300, 50, "Real samples", "");
        Node d = new Node(390, 190, 130, "Discriminator", shape(2, config.dLayers(), config.dNeurons(), 1));
        Node heatmap = new Node(385, 275, 140, "", "");
        Node predReal = new Node(570, 150, 50, "Predictions", "real");
        Node predFake = new Node(570, 240, 50, "", "fake");

        // forward edges
        edge(f, scale, z.right(), z.midY(), g.x, g.y + 35, EDGE);
        edge(f, scale, g.right(), g.y + 35, fake.x, fake.midY(), EDGE);
        edge(f, scale, fake.right(), fake.midY(), d.x, d.y + 20, EDGE);
        edge(f, scale, real.right(), real.midY(), d.x, d.y + 50, EDGE);
        edge(f, scale, d.right(), d.y + 20, predReal.x, predReal.midY(), EDGE);
        edge(f, scale, d.right(), d.y + 50, predFake.x, predFake.midY(), EDGE);
        // the loss, then the backward loops: D's loss into D; G's loss through D into G
        double lossX = 670;
        double lossY = 200;
        edge(f, scale, predReal.right(), predReal.midY(), lossX, lossY + 10, EDGE);
        edge(f, scale, predFake.right(), predFake.midY(), lossX, lossY + 20, EDGE);
        f.fillRect(lossX * scale, lossY * scale, 60 * scale, 30 * scale, Argb.opaque(0xfafafa));
        f.strokeRect(lossX * scale, lossY * scale, 60 * scale, 30 * scale, Argb.opaque(0x777777), scale);
        f.text("loss", (lossX + 30) * scale, (lossY + 20) * scale, 12 * scale, Argb.opaque(TEXT), Figure.Anchor.MIDDLE,
                true);
        loop(f, scale, lossX + 22, lossY, d.x + 65, d.y, 75, GanLabView.DISCRIMINATOR, "update D");
        loop(f, scale, lossX + 38, lossY, g.x + 65, g.y, 30, GanLabView.GENERATOR, "update G");

        // nodes
        box(f, scale, g, GanLabView.GENERATOR);
        box(f, scale, d, GanLabView.DISCRIMINATOR);
        mini(f, scale, z).scatter(noisePoints(noiseHead, noise.size()), null, 0, scale);
        Plot m = mini(f, scale, manifold);
        GanLabView.manifold(m, frame.manifold(), frame.cellOpacity(), noise, 140 / 400.0 * scale);
        mini(f, scale, fake).scatter(Points.ofRows(frame.fixedFake(), Argb.rgba(123, 50, 148, 0.75)), null, 0, scale);
        mini(f, scale, real).scatter(Points.ofRows(java.util.Arrays.copyOf(frame.realSamples(), 2 * GanFrame.FIXED),
                Argb.rgba(0, 136, 55, 0.75)), null, 0, scale);
        Plot h = f.plot(px(heatmap.x, scale), px(heatmap.y, scale), px(heatmap.size, scale), px(heatmap.size, scale), UNIT);
        GanLabView.draw(h, frame, noise, EnumSet.of(GanLabView.Part.HEATMAP, GanLabView.Part.REAL,
                GanLabView.Part.FAKE), 140 / 400.0 * scale);
        GanLabView.predictions(mini(f, scale, predReal), java.util.Arrays.copyOf(frame.realSamples(), 2 * GanFrame.FIXED),
                frame.realPredictions(), 0, 1.3 * scale);
        GanLabView.predictions(mini(f, scale, predFake), frame.fixedFake(), frame.fixedFakeD(), 0, 1.3 * scale);
        for (Node n : new Node[] {z, fake, real, predReal, predFake}) {
            label(f, scale, n);
        }
        f.text("G(z) on the noise grid", (manifold.x + 70) * scale, (manifold.y + 155) * scale, 10 * scale,
                Argb.opaque(0x777777), Figure.Anchor.MIDDLE, false);
        f.text("D(x), purple fake, green real", (heatmap.x + 70) * scale, (heatmap.y + 155) * scale, 10 * scale,
                Argb.opaque(0x777777), Figure.Anchor.MIDDLE, false);
        f.text(String.format(java.util.Locale.ROOT, "epoch %,d", frame.epoch()), (WIDTH - 15) * scale, 22 * scale,
                12 * scale, Argb.opaque(0x777777), Figure.Anchor.END, false);
        return f;
    }

    /** A node: its top-left and side (or width, for boxes) in GAN Lab pixels, a title and a subtitle. */
    private record Node(double x, double y, double size, String title, String subtitle) {
        double right() {
            return x + size;
        }

        double midY() {
            return y + size / 2;
        }
    }

    private static int px(double v, double scale) {
        return (int) Math.round(v * scale);
    }

    private static Plot mini(Figure f, double scale, Node n) {
        Plot p = f.plot(px(n.x, scale), px(n.y, scale), px(n.size, scale), px(n.size, scale), UNIT);
        p.background(0xf3f3f3);
        p.border(Argb.opaque(0xdddddd), Math.max(1, scale));
        return p;
    }

    private static void label(Figure f, double scale, Node n) {
        if (!n.title.isEmpty()) {
            f.text(n.title, (n.x + n.size / 2) * scale, (n.y - 8) * scale, 11 * scale, Argb.opaque(TEXT),
                    Figure.Anchor.MIDDLE, true);
        }
        if (!n.subtitle.isEmpty()) {
            f.text(n.subtitle, (n.x + n.size / 2) * scale, (n.y + n.size + 13) * scale, 10 * scale,
                    Argb.opaque(0x777777), Figure.Anchor.MIDDLE, false);
        }
    }

    private static void box(Figure f, double scale, Node n, int rgb) {
        double h = 70;
        f.fillRect(n.x * scale, n.y * scale, n.size * scale, h * scale, Argb.of(rgb, 0.12));
        f.strokeRect(n.x * scale, n.y * scale, n.size * scale, h * scale, Argb.opaque(rgb), 1.5 * scale);
        f.text(n.title, (n.x + n.size / 2) * scale, (n.y + 30) * scale, 13 * scale, Argb.opaque(rgb),
                Figure.Anchor.MIDDLE, true);
        f.text(n.subtitle, (n.x + n.size / 2) * scale, (n.y + 50) * scale, 10 * scale, Argb.opaque(TEXT),
                Figure.Anchor.MIDDLE, false);
    }

    /** A forward edge with an arrowhead at its end, as a horizontal-tangent curve. */
    private static void edge(Figure f, double scale, double x0, double y0, double x1, double y1, int rgb) {
        double mx = (x0 + x1) / 2;
        f.stroke(new CubicCurve2D.Double(x0 * scale, y0 * scale, mx * scale, y0 * scale, mx * scale, y1 * scale,
                (x1 - 6) * scale, y1 * scale), Argb.opaque(rgb), 1.5 * scale);
        head(f, scale, x1, y1, 1, 0, rgb);
    }

    /** A backward loop: an arc whose highest point is at y = apex, from the loss back down into a network's top. */
    private static void loop(Figure f, double scale, double x0, double y0, double x1, double y1, double apex, int rgb,
                             String caption) {
        double top = (apex - 0.25 * (y0 + y1) / 2) / 0.75;               // a cubic's apex is 3/4 of the way to its controls
        f.stroke(new CubicCurve2D.Double(x0 * scale, y0 * scale, x0 * scale, top * scale, x1 * scale, top * scale,
                x1 * scale, (y1 - 6) * scale), Argb.opaque(rgb), 2 * scale);
        head(f, scale, x1, y1, 0, 1, rgb);
        f.text(caption, (x0 + x1) / 2 * scale, (apex + 15) * scale, 10 * scale, Argb.opaque(rgb), Figure.Anchor.MIDDLE,
                true);
    }

    private static void head(Figure f, double scale, double x, double y, double dx, double dy, int rgb) {
        double len = 7;
        double half = 3.5;
        Path2D.Double p = new Path2D.Double();
        p.moveTo(x * scale, y * scale);
        p.lineTo((x - dx * len - dy * half) * scale, (y - dy * len + dx * half) * scale);
        p.lineTo((x - dx * len + dy * half) * scale, (y - dy * len - dx * half) * scale);
        p.closePath();
        f.fill(p, Argb.opaque(rgb));
    }

    /** The first 150 noise rows; 1-D noise at mid-height, as GAN Lab draws it. */
    private static Points noisePoints(float[] z, int noiseSize) {
        float[] xy = new float[2 * GanFrame.FIXED];
        for (int i = 0; i < GanFrame.FIXED; i++) {
            xy[2 * i] = noiseSize == 1 ? z[i] : z[2 * i];
            xy[2 * i + 1] = noiseSize == 1 ? 0.5f : z[2 * i + 1];
        }
        return Points.ofRows(xy, Argb.rgba(123, 50, 148, 0.75));
    }

    /** "in-N-...-N-out": the input, L + 1 hidden layers of N, and the output, as the network's sizes read. */
    private static String shape(int in, int layers, int neurons, int out) {
        StringBuilder b = new StringBuilder().append(in);
        for (int l = 0; l <= layers; l++) {
            b.append('-').append(neurons);
        }
        return b.append('-').append(out).toString();
    }
}
