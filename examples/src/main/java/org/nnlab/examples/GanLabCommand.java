package org.nnlab.examples;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.nnlab.core.Rng;
import org.nnlab.core.io.JsonWriter;
import org.nnlab.core.io.TextFiles;
import org.nnlab.gan.Atlas;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.gan.RealData;
import org.nnlab.raster.AtomicFiles;
import org.nnlab.raster.view.GanLabView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import org.nnlab.core.Compute;

/**
 * {@code nnlab ganlab}: GAN Lab's training with its hyperparameter names, for comparing its numbers with ours.
 *
 * <p>{@code --config} is JSON with GAN Lab's names (noiseSize, noiseType, gLayers, dLayers, gNeurons,
 * dNeurons, dLR, gLR, dOpt, gOpt, loss, kD, kG, batch, beta1, beta2, epsilon); {@code --dataset} alone
 * loads that dataset's preset, and with {@code --config} names the distribution sampled when no
 * {@code --real} is given (default gaussians, GAN Lab's start-up). {@code --weights} is
 * {@code {"g": [...], "d": [...]}}, layer-major (per layer W [in x out] row-major, then b);
 * {@code --real} and {@code --noise} are {@code {"rows", "cols", "values"}} atlases whose consecutive
 * rows are the batches, one counter for real data and one shared counter for noise.
 *
 * <p>The JSON, streamed epoch by epoch: {@code {"epochs": [{"epoch", "dSteps", "gSteps", "dLoss", "gLoss",
 * "weights": {"g", "d"}}, ...], "diverged", "divergedAt", "visualization": {"heatmapD", "manifoldG",
 * "manifoldCellAreaNormalized", "manifoldCellOpacity", "fixedFake", "fixedFakeD", "fixedFakeGradDx", "kl",
 * "js"}}}; a step's loss is the loss before that step's update, dLoss and gLoss are the epoch's last (null
 * without such steps). A run whose weights or losses turn NaN or infinite stops after that epoch
 * ({@code divergedAt}); the exit status is still 0.
 */
@Command(name = "ganlab", mixinStandardHelpOptions = true, versionProvider = Nnlab.Version.class,
        sortOptions = false,
        description = {"Trains GAN Lab's model with its hyperparameter names and writes every epoch's losses and "
                + "weights and the final visualization as JSON (and the distributions view as PNG).",
            "A run that diverges stops after that epoch and says so: \"diverged\": true, \"divergedAt\"."},
        footer = {"", "Example: nnlab ganlab --dataset ring --epochs 1000 --json run.json --png run.png"})
final class GanLabCommand extends Subcommand {
    /** The most epochs one command runs. */
    static final int MAX_EPOCHS = 10_000_000;

    @Option(names = "--config", paramLabel = "FILE", description = "hyperparameters as JSON with GAN Lab's names")
    Path config;

    @Option(names = "--dataset", paramLabel = "NAME",
            description = "line, gaussians, ring or disjoint: its preset, or with --config the data sampled")
    String dataset;

    @Option(names = "--weights", paramLabel = "FILE", description = "initial weights {\"g\": [...], \"d\": [...]}")
    Path weights;

    @Option(names = "--real", paramLabel = "FILE", description = "the real samples' atlas {\"rows\", \"cols\", \"values\"}")
    Path realFile;

    @Option(names = "--noise", paramLabel = "FILE", description = "the noise atlas {\"rows\", \"cols\", \"values\"}")
    Path noiseFile;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "the seed of every random draw (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--epochs", required = true, paramLabel = "N", description = "epochs to train, 0..10000000")
    int epochs;

    @Option(names = "--json", required = true, paramLabel = "FILE", description = "the run as JSON")
    Path json;

    @Option(names = "--png", paramLabel = "FILE", description = "the distributions view, 400 px")
    Path png;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "the losses of every epoch as CSV: epoch,dLoss,gLoss (the last D and G step's, as in the JSON)")
    Path csv;

    @Override
    int run() throws Exception {
        if (config == null && dataset == null) {
            throw usage("give --config FILE or --dataset NAME (line, gaussians, ring or disjoint)");
        }
        if (epochs < 0 || epochs > MAX_EPOCHS) {
            throw usage("--epochs must be 0.." + MAX_EPOCHS + ", got " + epochs);
        }
        checkOutputs(Arrays.asList(config, weights, realFile, noiseFile), json, png, csv);
        String name = dataset != null ? dataset : "gaussians";
        RealData data = RealData.named(name);
        GanConfig cfg = config != null ? parse(config, "--config", GanConfig::fromJson) : GanConfig.preset(name);
        Rng rng = Rng.seeded(seed);
        GanSession session;
        if (realFile != null || noiseFile != null) {
            Atlas real = realFile != null ? parse(realFile, "--real", t -> Atlas.fromJson(t, realFile.toString()))
                    : new Atlas(data.sample(rng.split(), Atlas.ROWS), Atlas.ROWS, 2);
            Atlas noise = noiseFile != null ? parse(noiseFile, "--noise", t -> Atlas.fromJson(t, noiseFile.toString()))
                    : new Atlas(cfg.noise().sample(rng.split(), Atlas.ROWS), Atlas.ROWS, cfg.noise().size());
            session = GanSession.withAtlases(data, cfg, real, noise, rng);
        } else {
            session = GanSession.create(data, cfg, rng);
        }
        if (weights != null) {
            parse(weights, "--weights", t -> {
                session.loadWeightsJson(t);
                return null;
            });
        }
        ProgressLine progress = new ProgressLine(err(), "ganlab epoch", epochs);
        AtomicFiles.writeJson(json, w -> {
            w.beginObject().name("epochs").beginArray();
            for (int e = 0; e < epochs && !session.diverged(); e++) {
                GanSession.EpochLosses stats = session.epoch();
                Compute.progress(e + 1, epochs);
                progress.update(e + 1, String.format(Locale.ROOT, "D loss/2 %.3f, G loss %.3f", stats.displayedDLoss(),
                        stats.gLoss()));
                w.beginObject().name("epoch").value(stats.epoch()).name("dSteps").values(stats.dSteps())
                        .name("gSteps").values(stats.gSteps()).name("dLoss").value(stats.dLoss())
                        .name("gLoss").value(stats.gLoss()).name("weights");
                session.writeWeights(w);
                w.endObject();
            }
            w.endArray().name("diverged").value(session.diverged()).name("divergedAt");
            if (session.diverged()) {
                w.value(session.epochCount());
            } else {
                w.nullValue();
            }
            w.name("visualization");
            visualization(w, session.frame());
            w.endObject();
        });
        if (png != null) {
            GanLabView.distributions(session, 400).writePng(png);
        }
        if (csv != null) {
            AtomicFiles.writeText(csv, session::writeHistoryCsv);
        }
        out().println(session + " -> " + json + (png != null ? ", " + png : "") + (csv != null ? ", " + csv : ""));
        if (session.diverged()) {
            out().println("diverged at epoch " + session.epochCount() + " (NaN or infinite weights or loss)");
        }
        return 0;
    }

    private static void visualization(JsonWriter w, GanFrame f) {
        w.beginObject().name("heatmapD").values(f.heatmapD()).name("manifoldG");
        exactPairs(w, f.manifold());
        w.name("manifoldCellAreaNormalized").values(f.cellAreas()).name("manifoldCellOpacity").values(f.cellOpacity())
                .name("fixedFake");
        pairs(w, f.fixedFake());
        w.name("fixedFakeD").values(f.fixedFakeD()).name("fixedFakeGradDx");
        pairs(w, f.fixedFakeGradDx());
        w.name("kl").value(f.kl()).name("js").value(f.js()).endObject();
    }

    /**
     * Points as [x, y] pairs with each float written as the exact decimal of its value (the float widened to
     * double), so that areas recomputed from them by a reader that parses doubles are the reported areas.
     */
    private static void exactPairs(JsonWriter w, float[] xy) {
        w.beginArray();
        for (int i = 0; i < xy.length / 2; i++) {
            w.beginArray().value((double) xy[2 * i]).value((double) xy[2 * i + 1]).endArray();
        }
        w.endArray();
    }

    /** [n, 2] row-major as [[x, y], ...], each float in its shortest digits. */
    private static void pairs(JsonWriter w, float[] xy) {
        w.beginArray();
        for (int i = 0; i < xy.length / 2; i++) {
            w.beginArray().value(xy[2 * i]).value(xy[2 * i + 1]).endArray();
        }
        w.endArray();
    }

    /** Reads and parses a JSON input; a bad one is an error naming the option and the file. */
    private static <T> T parse(Path file, String option, java.util.function.Function<String, T> parser)
            throws java.io.IOException {
        String text = TextFiles.readUtf8(file);
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(option + " " + file + ": " + e.getMessage(), e);
        }
    }
}
