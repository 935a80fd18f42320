package org.nnlab.examples;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.nnlab.actmax.Architecture;
import org.nnlab.actmax.Freeform;
import org.nnlab.actmax.InitialImage;
import org.nnlab.actmax.ShapeClass;
import org.nnlab.actmax.ShapeShop;
import org.nnlab.actmax.TrainingClass;
import org.nnlab.raster.AtomicFiles;
import org.nnlab.raster.view.ShapeShopView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code nnlab shapeshop}: one ShapeShop round. Class names are ShapeShop's UI names (box, box_hollow, line,
 * line_horizontal, circle, circle_hollow, tri, tri_hollow, tl, br, line_tl, line_br, circle_tl, circle_br,
 * tri_tl, tri_br, noise, noise_blur); each {@code --freeform} adds a 28 x 28 picture as a class named after
 * its file. The JSON: {@code {"trainAccuracy", "validationAccuracy", "diverged", "classes": [{"name", "r",
 * "steps", "reached", "probability", "diverged"}]}}, r the absolute Pearson correlation (null when undefined).
 * An ascent whose image or probability turns NaN or infinite (a step far too large) stops at once and is
 * flagged {@code "diverged": true}, as is the round.
 */
@Command(name = "shapeshop", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
        sortOptions = false,
        description = {"Trains ShapeShop's MLP or CNN on shape images, then maximizes each class's probability and "
                + "writes how close each image came to its shape (|r|) as JSON (and the result row as PNG)."},
        footer = {"", "Example: nnlab shapeshop --classes box,line,circle,tri,noise,noise_blur --model cnn --epochs 100 "
                + "--init zeros --step 0.005 --seed 1 --json run.json --png row.png"})
final class ShapeShopCommand extends Subcommand {
    @Option(names = "--classes", required = true, split = ",", paramLabel = "NAME",
            description = "ShapeShop's class names, comma-separated (box, line, circle, tri, noise, noise_blur, ...)")
    List<String> classes;

    @Option(names = "--model", required = true, paramLabel = "mlp|cnn", description = "the classifier")
    String model;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "training epochs, 1..100000")
    int epochs;

    @Option(names = "--init", required = true, paramLabel = "zeros|ones|noise|noise_blur",
            description = "the ascent's initial image")
    String init;

    @Option(names = "--step", required = true, paramLabel = "S", description = "the ascent's step, a number > 0")
    double step;

    @Option(names = "--seed", required = true, paramLabel = "K", description = "the seed of every random draw")
    long seed;

    @Option(names = "--json", required = true, paramLabel = "FILE", description = "the round as JSON")
    Path json;

    @Option(names = "--png", paramLabel = "FILE", description = "the result row at 1.5x")
    Path png;

    @Option(names = "--csv", paramLabel = "FILE", description = "the training loss of every epoch as CSV: epoch,loss")
    Path csv;

    @Option(names = "--max-steps", defaultValue = "10000", paramLabel = "N",
            description = "the ascent's cap per class, 1..10000000 (default: ${DEFAULT-VALUE})")
    int maxSteps;

    @Option(names = "--freeform", paramLabel = "FILE.png", description = "a 28x28 picture as a class of its own "
            + "(repeatable)")
    List<Path> freeform = new ArrayList<>();

    @Override
    int run() throws Exception {
        if (epochs < 1 || epochs > 100_000) {
            throw usage("--epochs must be 1..100000, got " + epochs);
        }
        if (!(step > 0) || Double.isInfinite(step)) {
            throw usage("--step must be a finite number > 0, got " + step);
        }
        if (maxSteps < 1 || maxSteps > 10_000_000) {
            throw usage("--max-steps must be 1..10000000, got " + maxSteps);
        }
        List<Path> inputs = new ArrayList<>(freeform);
        checkOutputs(inputs, json, png, csv);
        List<TrainingClass> list = new ArrayList<>();
        for (String name : classes) {
            if (!name.isBlank()) {
                list.add(ShapeClass.ofName(name.strip()));
            }
        }
        for (Path p : freeform) {
            Path fileName = p.getFileName();
            if (fileName == null) {
                throw usage("--freeform " + p + " names no file");
            }
            list.add(Freeform.fromImage(fileName.toString().replaceFirst("\\.[^.]*$", ""), p));
        }
        ShapeShop.Config config = new ShapeShop.Config(list, Architecture.ofName(model), epochs, InitialImage.ofName(init),
                step, seed, maxSteps);
        ProgressLine training = new ProgressLine(err(), "shapeshop epoch", epochs);
        ShapeShop.Round round = ShapeShop.run(config, new ShapeShop.Progress() {
            @Override
            public void trained(int epoch, int total, double loss) {
                training.update(epoch, String.format(Locale.ROOT, "loss %.4f", loss));
            }

            @Override
            public void maximized(int c, int total, ShapeShop.ClassResult r) {
                err().printf(Locale.ROOT, "shapeshop class %d/%d %s: %d steps, %s%n", c + 1, total, r.name(), r.steps(),
                        r.diverged() ? "diverged" : r.reached() ? "reached p > 0.99" : "not reached");
                err().flush();
            }
        });
        AtomicFiles.writeJson(json, w -> {
            w.beginObject().name("trainAccuracy").value(round.training().trainAccuracy())
                    .name("validationAccuracy").value(round.training().validationAccuracy())
                    .name("diverged").value(round.diverged()).name("classes").beginArray();
            for (ShapeShop.ClassResult c : round.classes()) {
                w.beginObject().name("name").value(c.name()).name("r").value(c.r()).name("steps").value(c.steps())
                        .name("reached").value(c.reached()).name("probability").value(c.probability())
                        .name("diverged").value(c.diverged()).endObject();
            }
            w.endArray().endObject();
        });
        if (png != null) {
            ShapeShopView.row(round, 1, 1.5).writePng(png);
        }
        if (csv != null) {
            AtomicFiles.writeText(csv, round.training()::writeHistoryCsv);
        }
        out().println("shapeshop " + config.architecture().label() + " " + round.classes().size() + " classes, train "
                + round.training().trainAccuracy() + " -> " + json + (png != null ? ", " + png : ""));
        if (round.diverged()) {
            out().println("diverged: " + round.classes().stream().filter(ShapeShop.ClassResult::diverged)
                    .map(ShapeShop.ClassResult::name).toList() + " (NaN or infinite; try a smaller --step)");
        }
        return 0;
    }
}
