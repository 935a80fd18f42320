package org.nnlab.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.nnlab.actmax.Architecture;
import org.nnlab.core.Rng;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.GanSummary;
import org.nnlab.gan.RealData;
import org.nnlab.nn.ModelSummary;
import org.nnlab.playground.Feature;
import org.nnlab.playground.PlaygroundNetwork;
import org.nnlab.playground.PlaygroundSession;
import org.nnlab.playground.PlaygroundState;
import org.nnlab.raster.AtomicFiles;
import org.nnlab.raster.Figure;
import org.nnlab.raster.view.ArchitectureDiagram;

/**
 * {@code nnlab diagram --model playground:STATE | ganlab:DATASET | shapeshop:mlp|cnn [--classes N]
 * [--direction down|right] [--scale S] --png OUT [--txt OUT]}: a model's architecture diagram and its
 * text twin (the summary and, for one-section models, its ASCII flow). A Playground network, tiny by
 * nature, is drawn neuron by neuron with its initial weights; the others layer by layer.
 */
final class DiagramCommand {
    static final String USAGE = "nnlab diagram --model playground:STATE | ganlab:DATASET | shapeshop:mlp|cnn "
            + "[--classes N] [--direction down|right] [--scale S] --png OUT [--txt OUT]";

    private DiagramCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        String model = null;
        int classes = 6;
        String direction = "down";
        double scale = 1;
        Path png = null;
        Path txt = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--model" -> model = value(args, ++i, a);
                case "--classes" -> classes = classes(value(args, ++i, a));
                case "--direction" -> direction = value(args, ++i, a);
                case "--scale" -> scale = scale(value(args, ++i, a));
                case "--png" -> png = Path.of(value(args, ++i, a));
                case "--txt" -> txt = Path.of(value(args, ++i, a));
                default -> throw new UsageException("diagram: unknown option '" + a + "'; usage: " + USAGE);
            }
        }
        if (model == null || png == null) {
            throw new UsageException("diagram: --model and --png are required; usage: " + USAGE);
        }
        if (!direction.equals("down") && !direction.equals("right")) {
            throw new UsageException("diagram: --direction must be down or right, got '" + direction + "'");
        }
        ArchitectureDiagram.Options options = new ArchitectureDiagram.Options(direction.equals("down")
                ? ArchitectureDiagram.Direction.TOP_DOWN : ArchitectureDiagram.Direction.LEFT_RIGHT, scale);
        int colon = model.indexOf(':');
        String kind = colon < 0 ? model : model.substring(0, colon);
        String arg = colon < 0 ? "" : model.substring(colon + 1);
        ModelSummary summary;
        Figure picture;
        try {
            switch (kind) {
                case "playground" -> {
                    PlaygroundState state = PlaygroundState.parse(arg.isEmpty() ? "seed=1" : arg);
                    PlaygroundNetwork net = PlaygroundSession.load(state).network();
                    summary = net.summary("playground");
                    List<String> labels = new ArrayList<>();
                    for (Feature f : state.inputs()) {
                        labels.add(f.name().toLowerCase(java.util.Locale.ROOT));
                    }
                    picture = ArchitectureDiagram.neurons(summary, net.weightMatrices(), labels, scale);
                }
                case "ganlab" -> {
                    String dataset = arg.isEmpty() ? "gaussians" : arg;
                    GanSession session = GanSession.create(RealData.named(dataset), GanConfig.preset(dataset), Rng.seeded(1));
                    summary = GanSummary.of("ganlab-" + dataset, session);
                    picture = ArchitectureDiagram.of(summary, options);
                }
                case "shapeshop" -> {
                    summary = Architecture.ofName(arg).summary(classes);
                    picture = ArchitectureDiagram.of(summary, options);
                }
                default -> throw new UsageException("diagram: --model must be playground:STATE, ganlab:DATASET or "
                        + "shapeshop:mlp|cnn, got '" + model + "'");
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("diagram: " + e.getMessage());
        }
        picture.writePng(png);
        if (txt != null) {
            String text = summary.toText() + (summary.sections().size() == 1 ? "\n" + summary.toAsciiFlow() : "");
            AtomicFiles.writeString(txt, text);
        }
        out.println(summary.name() + ": " + String.format(java.util.Locale.ROOT, "%,d", summary.totalParameters())
                + " params -> " + png + (txt != null ? ", " + txt : ""));
        return 0;
    }


    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException("diagram: " + option + " needs a value; usage: " + USAGE);
        }
        return args.get(i);
    }

    private static int classes(String v) throws UsageException {
        try {
            int n = Integer.parseInt(v);
            if (n >= 2 && n <= 1000) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("diagram: --classes must be an integer in [2, 1000], got '" + v + "'");
    }

    private static double scale(String v) throws UsageException {
        try {
            double s = Double.parseDouble(v);
            if (s >= 0.5 && s <= 4) {
                return s;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException("diagram: --scale must be a number in [0.5, 4], got '" + v + "'");
    }
}
