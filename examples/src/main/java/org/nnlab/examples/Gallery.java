package org.nnlab.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.Pearson;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.actmax.ShapeShopScenarios;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.GanSummary;
import org.nnlab.gan.RealData;
import org.nnlab.playground.EpochStats;
import org.nnlab.playground.PlaygroundNetwork;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.AtomicFiles;
import org.nnlab.raster.Figure;
import org.nnlab.raster.Gif;
import org.nnlab.raster.view.ArchitectureDiagram;
import org.nnlab.raster.view.GanLabOverview;
import org.nnlab.raster.view.GanLabView;
import org.nnlab.raster.view.PlaygroundView;
import org.nnlab.raster.view.Timelapse;
import org.nnlab.raster.view.ShapeShopView;
import org.nnlab.core.Compute;

/**
 * Renders the gallery into one folder: for each seed system its main pictures and a time-lapse, the
 * architecture diagrams of every model, and an {@code index.html} that shows them with captions. Run by
 * the README's main command, {@code mvn -B -q -Pgallery -DskipTests -pl examples -am package}, or
 * directly: {@code java --add-modules jdk.incubator.vector -cp examples/target/nnlab.jar
 * org.nnlab.examples.Gallery [OUTPUT_DIR]}. Every picture is written atomically, so an interrupted
 * run leaves only whole files.
 */
public final class Gallery {
    private final Path dir;
    private final List<String[]> entries = new ArrayList<>();      // {section, file, caption}
    private final long start = System.nanoTime();

    private Gallery(Path dir) {
        this.dir = dir;
    }

    /** Renders everything into {@code args[0]} (default {@code gallery}) and prints where it is. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "gallery").toAbsolutePath().normalize();
        Files.createDirectories(dir);
        System.out.println("nnlab gallery -> " + dir + " (kernels: " + Compute.kernels() + ")");
        Gallery g = new Gallery(dir);
        g.playground();
        g.sweep();
        g.ganLab();
        g.shapeShop();
        g.diagrams();
        g.index();
        System.out.printf(Locale.ROOT, "done in %.1f s: open %s%n", g.seconds(), dir.resolve("index.html"));
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void progress(String what) {
        System.out.printf(Locale.ROOT, "[%5.1f s] %s%n", seconds(), what);
    }

    private void png(String section, String file, Figure f, String caption) throws IOException {
        f.writePng(dir.resolve(file));
        entries.add(new String[] {section, file, caption});
        progress(file);
    }

    private void gif(String section, String file, List<Figure> frames, int delay, String caption) throws IOException {
        Gif.write(dir.resolve(file), frames, delay, 0);
        entries.add(new String[] {section, file, caption});
        progress(file + " (" + frames.size() + " frames)");
    }

    private static final String SPIRAL = "dataset=spiral&networkShape=8,8,5&x=true&y=true&xSquared=true"
            + "&ySquared=true&xTimesY=true&sinX=true&sinY=true&learningRate=0.03&batchSize=10&seed=0.5";
    private static final String FAILING = "dataset=spiral&networkShape=2&x=true&y=true&learningRate=0.03"
            + "&batchSize=10&seed=0.5";

    private void playground() throws IOException {
        PlaygroundSession solved = PlaygroundSession.load(PlaygroundState.parse(SPIRAL));
        Timelapse lapse = Timelapse.DEFAULT.withFrames(61).withEpochsPerFrame(10);
        gif("Playground", "playground-spiral.gif", PlaygroundView.trainTimelapse(solved, lapse), lapse.delayCentis(),
                "The spiral with all seven features and three hidden layers, trained for 600 epochs (10 per frame): "
                        + "the output map and the losses (training #777, test black, as on Playground's page)");
        EpochStats last = solved.last();
        png("Playground", "playground-spiral.png", PlaygroundView.figure(solved, 1.5), String.format(Locale.ROOT,
                "Solved: test loss %.3f after %d epochs; every neuron's heatmap, links by weight", last.testLoss(),
                solved.epoch()));
        PlaygroundSession failing = PlaygroundSession.load(PlaygroundState.parse(FAILING));
        failing.step(600);
        png("Playground", "playground-failing.png", PlaygroundView.figure(failing, 1.5), String.format(Locale.ROOT,
                "Not solved (as the paper's Figure 4): x and y into two neurons cannot bend around the spiral; test loss "
                        + "%.3f after 600 epochs", failing.last().testLoss()));
    }

    private void sweep() throws IOException {
        Figure sheet;
        try {
            sheet = PlaygroundSweep.sweep(300, new java.io.PrintStream(java.io.OutputStream.nullOutputStream()));
        } catch (Exception e) {
            throw new IOException("the Playground sweep failed: " + e.getMessage(), e);
        }
        png("Playground", "playground-sweep.png", sheet, "Who solves the spiral? Nine configurations trained in "
                + "parallel for 300 epochs, ranked by test loss: features matter more than depth");
    }

    private void ganLab() throws IOException {
        GanSession s = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(4));
        List<GanFrame> frames = new ArrayList<>();
        List<Figure> lapse = new ArrayList<>();
        for (int k = 0; k <= 30; k++) {                              // one run gives the charts and the time-lapse
            if (k > 0) {
                s.train(50);
            }
            GanFrame f = s.frame();
            frames.add(f);
            lapse.add(GanLabView.timelapseFrame(s, f, 300));
        }
        gif("GAN Lab", "ganlab-ring.gif", lapse, 10, "Training on the ring, 1,500 epochs (50 per frame): D's heatmap, "
                + "real and fake samples, gradients and the manifold");
        png("GAN Lab", "ganlab-ring.png", GanLabView.distributions(s.frame(), s.config().noise(), 400,
                GanLabView.Part.all()), "Every layer after 1,500 epochs: D in PRGn, the real density in greens, real "
                + "(green) and fake (purple) samples, gradient kites, the generator's manifold");
        png("GAN Lab", "ganlab-overview.png", GanLabOverview.of(s, 1), "The model overview: noise, generator, samples, "
                + "discriminator, predictions and the two update loops");
        png("GAN Lab", "ganlab-charts.png", GanLabView.charts(s.history(), frames, 800, 260),
                "Losses and the grid KL and JS every 50 epochs");
        gif("GAN Lab", "ganlab-manifold.gif", GanLabView.manifoldMorph(s, 24, 300), 8,
                "The manifold animation: the noise grid morphing into G's warped grid");
    }

    private void shapeShop() throws IOException {
        List<ShapeShop.Round> compare = ShapeShopScenarios.mlpVersusCnn(1);
        png("ShapeShop", "shapeshop-mlp-vs-cnn.png", ShapeShopView.rows(compare, 1.0), "MLP against CNN, six classes, "
                + "100 epochs from black at step 0.005: " + rCaption(compare));
        List<ShapeShop.Round> diversity = ShapeShopScenarios.dataDiversity(Architecture.MLP, 100, 1);
        png("ShapeShop", "shapeshop-diversity.png", ShapeShopView.rows(diversity, 1.0),
                "Data diversity (MLP): lines, then circles, then noise: " + rCaption(diversity));
    }

    private static String rCaption(List<ShapeShop.Round> rounds) {
        StringBuilder b = new StringBuilder();
        for (ShapeShop.Round r : rounds) {
            b.append(b.length() == 0 ? "" : "; ").append(r.config().architecture().label()).append(" line |r| ")
                    .append(Pearson.format(r.classes().stream().filter(c -> c.name().equals("line")).findFirst()
                            .map(ShapeShop.ClassResult::r).orElse(Double.NaN)));
        }
        return b.toString();
    }

    private void diagrams() throws IOException {
        png("Diagrams", "diagram-shapeshop-cnn.png", ArchitectureDiagram.of(Architecture.CNN.summary(10)),
                "ShapeShop's CNN with 10 classes: 600,810 parameters, 6,094,208 MACs per sample");
        png("Diagrams", "diagram-shapeshop-mlp.png", ArchitectureDiagram.of(Architecture.MLP.summary(6)),
                "ShapeShop's MLP with 6 classes");
        png("Diagrams", "diagram-shapeshop-cnn-lr.png", ArchitectureDiagram.of(Architecture.CNN.summary(10),
                new ArchitectureDiagram.Layout(ArchitectureDiagram.Direction.LEFT_RIGHT, 1)), "The CNN left to right");
        GanSession gan = GanSession.create(RealData.ring(), GanConfig.preset("ring"), Rng.seeded(1));
        png("Diagrams", "diagram-ganlab-ring.png", ArchitectureDiagram.of(GanSummary.of("ganlab-ring", gan)),
                "GAN Lab's ring preset: two players, the data flow and the update paths");
        PlaygroundNetwork net = PlaygroundSession.load(PlaygroundState.parse(SPIRAL)).network();
        png("Diagrams", "diagram-playground.png", ArchitectureDiagram.neurons(net.summary("playground-spiral"),
                net.weightMatrices(), List.of("x\u2081", "x\u2082", "x\u2081\u00b2", "x\u2082\u00b2", "x\u2081x\u2082",
                        "sin x\u2081", "sin x\u2082"), 1), "The spiral network neuron by neuron, initial weights");
        AtomicFiles.writeString(dir.resolve("summaries.txt"), Architecture.CNN.summary(10).toText() + "\n"
                + Architecture.CNN.summary(10).toAsciiFlow() + "\n" + GanSummary.of("ganlab-ring", gan).toText());
        entries.add(new String[] {"Diagrams", "summaries.txt", "The text twins: the CNN's summary and flow, the GAN's"});
        progress("summaries.txt");
    }

    private void index() throws IOException {
        StringBuilder h = new StringBuilder("""
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>nnlab gallery</title>
                <style>
                body { font-family: system-ui, sans-serif; margin: 2em auto; max-width: 1240px; padding: 0 1em; color: #222; }
                h2 { border-bottom: 1px solid #ddd; padding-bottom: .2em; margin-top: 2em; }
                figure { margin: 1.5em 0; }
                .picture { overflow-x: auto; }   /* wide pictures scroll at their own size: shrunk, their text is unreadable */
                img { max-width: none; border: 1px solid #eee; display: block; }
                figcaption { color: #555; font-size: .95em; margin-top: .3em; }
                .size { color: #999; white-space: nowrap; }
                </style></head><body>
                <h1>nnlab gallery</h1>
                <p>TensorFlow Playground, GAN Lab and ShapeShop on the JVM, rendered by nnlab.</p>
                """);
        String section = "";
        for (String[] e : entries) {
            if (!e[0].equals(section)) {
                section = e[0];
                h.append("<h2>").append(section).append("</h2>\n");
            }
            String link;
            String size = "";
            if (e[1].endsWith(".txt")) {
                link = "<a href=\"" + e[1] + "\">" + e[1] + "</a>";
            } else {
                int[] wh = pixels(dir.resolve(e[1]));
                link = "<div class=\"picture\"><a href=\"" + e[1] + "\" title=\"open at full size\"><img src=\"" + e[1]
                        + "\" width=\"" + wh[0] + "\" height=\"" + wh[1] + "\" alt=\"" + html(e[2]) + "\"></a></div>";
                size = String.format(Locale.ROOT, " <span class=\"size\">(%d\u00d7%d px; click for full size)</span>",
                        wh[0], wh[1]);
            }
            h.append("<figure>").append(link).append("<figcaption>").append(html(e[2])).append(size)
                    .append("</figcaption></figure>\n");
        }
        h.append("</body></html>\n");
        AtomicFiles.writeString(dir.resolve("index.html"), h.toString());
        progress("index.html");
    }

    /** A PNG's or GIF's {width, height}, read from its header. */
    private static int[] pixels(Path file) throws IOException {
        try (var in = javax.imageio.ImageIO.createImageInputStream(file.toFile())) {
            var readers = javax.imageio.ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(file + ": not a picture ImageIO can read");
            }
            var reader = readers.next();
            try {
                reader.setInput(in);
                return new int[] {reader.getWidth(0), reader.getHeight(0)};
            } finally {
                reader.dispose();
            }
        }
    }

    private static String html(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
