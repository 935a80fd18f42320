package org.nnlab.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nnlab diagram}: a model's architecture diagram and its text twin (the summary and, for one-section
 * models, its ASCII flow). A Playground network, tiny by nature, is drawn neuron by neuron with its initial
 * weights; the others layer by layer.
 */
@Command(name = "diagram", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
        sortOptions = false,
        description = "Draws a model's architecture diagram (PNG) and writes its summary table (text).",
        footer = {"", "Example: nnlab diagram --model shapeshop:cnn --direction right --png cnn.png --txt cnn.txt"})
final class DiagramCommand extends Subcommand {
    @Option(names = "--model", required = true, paramLabel = "MODEL",
            description = "playground:STATE, ganlab:DATASET, shapeshop:mlp or shapeshop:cnn")
    String model;

    @Option(names = "--classes", defaultValue = "6", paramLabel = "N", description = "ShapeShop's classes, 2..1000 (default: ${DEFAULT-VALUE})")
    int classes;

    @Option(names = "--direction", defaultValue = "down", paramLabel = "down|right", description = "the layout (default: ${DEFAULT-VALUE})")
    String direction;

    @Option(names = "--scale", defaultValue = "1", paramLabel = "S", description = "pixels per unit, 0.5..4 (default: ${DEFAULT-VALUE})")
    double scale;

    @Option(names = "--png", required = true, paramLabel = "FILE", description = "the diagram")
    Path png;

    @Option(names = "--txt", paramLabel = "FILE", description = "the summary table and ASCII flow")
    Path txt;

    @Override
    int run() throws Exception {
        if (classes < 2 || classes > 1000) {
            throw usage("--classes must be 2..1000, got " + classes);
        }
        if (!(scale >= 0.5 && scale <= 4)) {
            throw usage("--scale must be a number in [0.5, 4], got " + scale);
        }
        if (!direction.equals("down") && !direction.equals("right")) {
            throw usage("--direction must be down or right, got '" + direction + "'");
        }
        checkOutputs(List.of(), png, txt);
        ArchitectureDiagram.Layout options = new ArchitectureDiagram.Layout(direction.equals("down")
                ? ArchitectureDiagram.Direction.TOP_DOWN : ArchitectureDiagram.Direction.LEFT_RIGHT, scale);
        int colon = model.indexOf(':');
        String kind = colon < 0 ? model : model.substring(0, colon);
        String arg = colon < 0 ? "" : model.substring(colon + 1);
        ModelSummary summary;
        Figure picture;
        switch (kind) {
            case "playground" -> {
                PlaygroundState state = PlaygroundState.parse(arg.isEmpty() ? "seed=1" : arg);
                if (state.seed().isEmpty()) {
                    state = state.withSeed("1");
                }
                PlaygroundNetwork net = PlaygroundSession.load(state).network();
                summary = net.summary("playground");
                List<String> labels = new ArrayList<>();
                for (Feature f : state.inputs()) {
                    labels.add(f.name().toLowerCase(Locale.ROOT));
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
            default -> throw usage("--model must be playground:STATE, ganlab:DATASET or shapeshop:mlp|cnn, got '"
                    + model + "'");
        }
        picture.writePng(png);
        if (txt != null) {
            String text = summary.toText() + (summary.sections().size() == 1 ? "\n" + summary.toAsciiFlow() : "");
            AtomicFiles.writeString(txt, text);
        }
        out().println(summary.name() + ": " + String.format(Locale.ROOT, "%,d", summary.totalParameters())
                + " params -> " + png + (txt != null ? ", " + txt : ""));
        return 0;
    }
}
