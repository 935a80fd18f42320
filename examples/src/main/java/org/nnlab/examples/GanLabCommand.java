package org.nnlab.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import org.nnlab.core.Rng;
import org.nnlab.gan.Atlas;
import org.nnlab.gan.GanConfig;
import org.nnlab.gan.GanFrame;
import org.nnlab.gan.GanSession;
import org.nnlab.core.io.Json;
import org.nnlab.gan.RealData;
import org.nnlab.raster.AtomicFiles;
import org.nnlab.raster.view.GanLabView;

/**
 * {@code nnlab ganlab (--config FILE | --dataset NAME) [--weights FILE] [--real FILE] [--noise FILE]
 * [--seed S] --epochs N --json OUT [--png OUT]}: GAN Lab's training with its hyperparameter names, for
 * comparing its numbers with ours.
 *
 * <p>{@code --config} is JSON with GAN Lab's names (noiseSize, noiseType, gLayers, dLayers, gNeurons,
 * dNeurons, dLR, gLR, dOpt, gOpt, loss, kD, kG, batch, beta1, beta2, epsilon); {@code --dataset} alone
 * loads that dataset's preset, and with {@code --config} names the distribution sampled when no
 * {@code --real} is given (default gaussians, GAN Lab's start-up). {@code --weights} is
 * {@code {"g": [...], "d": [...]}}, layer-major (per layer W [in x out] row-major, then b);
 * {@code --real} and {@code --noise} are {@code {"rows", "cols", "values"}} atlases whose consecutive
 * rows are the batches, one counter for real data and one shared counter for noise.
 *
 * <p>The JSON: {@code {"epochs": [{"epoch", "dSteps", "gSteps", "dLoss", "gLoss", "weights": {"g", "d"}},
 * ...], "visualization": {"heatmapD", "manifoldG", "manifoldCellAreaNormalized", "manifoldCellOpacity",
 * "fixedFake", "fixedFakeD", "fixedFakeGradDx", "kl", "js"}}}; a step's loss is the loss before that
 * step's update, dLoss and gLoss are the epoch's last (null without such steps).
 */
final class GanLabCommand {
    static final String USAGE = "nnlab ganlab (--config FILE | --dataset NAME) [--weights FILE] [--real FILE] "
            + "[--noise FILE] [--seed S] --epochs N --json OUT [--png OUT]";

    private GanLabCommand() {
    }

    static int run(List<String> args, PrintStream out) throws UsageException, IOException {
        Path config = null;
        String dataset = null;
        Path weights = null;
        Path realFile = null;
        Path noiseFile = null;
        long seed = 1;
        Integer epochs = null;
        Path json = null;
        Path png = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--config" -> config = Path.of(value(args, ++i, a));
                case "--dataset" -> dataset = value(args, ++i, a);
                case "--weights" -> weights = Path.of(value(args, ++i, a));
                case "--real" -> realFile = Path.of(value(args, ++i, a));
                case "--noise" -> noiseFile = Path.of(value(args, ++i, a));
                case "--seed" -> seed = integer(value(args, ++i, a), a);
                case "--epochs" -> epochs = (int) integer(value(args, ++i, a), a);
                case "--json" -> json = Path.of(value(args, ++i, a));
                case "--png" -> png = Path.of(value(args, ++i, a));
                default -> throw new UsageException("ganlab: unknown option '" + a + "'; usage: " + USAGE);
            }
        }
        if ((config == null && dataset == null) || epochs == null || json == null) {
            throw new UsageException("ganlab: --config or --dataset, --epochs and --json are required; usage: " + USAGE);
        }
        if (epochs < 0) {
            throw new UsageException("ganlab: --epochs must be >= 0, got " + epochs);
        }
        GanSession session;
        try {
            String name = dataset != null ? dataset : "gaussians";
            RealData data = RealData.named(name);
            GanConfig cfg = config != null ? GanConfig.fromJson(read(config)) : GanConfig.preset(name);
            Rng rng = Rng.seeded(seed);
            if (realFile != null || noiseFile != null) {
                Atlas real = realFile != null ? Atlas.fromJson(read(realFile), realFile.toString())
                        : new Atlas(data.sample(rng.split(), Atlas.ROWS), Atlas.ROWS, 2);
                Atlas noise = noiseFile != null ? Atlas.fromJson(read(noiseFile), noiseFile.toString())
                        : new Atlas(cfg.noise().sample(rng.split(), Atlas.ROWS), Atlas.ROWS, cfg.noise().size());
                session = GanSession.withAtlases(data, cfg, real, noise, rng);
            } else {
                session = GanSession.create(data, cfg, rng);
            }
            if (weights != null) {
                session.loadWeightsJson(read(weights));
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException("ganlab: " + e.getMessage());
        }
        StringBuilder doc = new StringBuilder("{\"epochs\":[");
        Progress progress = new Progress(System.err, "ganlab epoch", epochs);
        for (int e = 0; e < epochs; e++) {
            GanSession.EpochStats stats = session.epoch();
            progress.update(e + 1, String.format(java.util.Locale.ROOT, "D loss/2 %.3f, G loss %.3f",
                    stats.displayedDLoss(), stats.gLoss()));
            doc.append(e == 0 ? "" : ",").append("{\"epoch\":").append(stats.epoch())
                    .append(",\"dSteps\":").append(numbers(stats.dSteps()))
                    .append(",\"gSteps\":").append(numbers(stats.gSteps()))
                    .append(",\"dLoss\":").append(Json.number(stats.dLoss()))
                    .append(",\"gLoss\":").append(Json.number(stats.gLoss()))
                    .append(",\"weights\":").append(session.weightsJson()).append('}');
        }
        doc.append("],\"visualization\":").append(visualization(session.frame())).append("}\n");
        AtomicFiles.writeString(json, doc.toString());
        if (png != null) {
            GanLabView.distributions(session, 400).writePng(png);
        }
        out.println(session + " -> " + json + (png != null ? ", " + png : ""));
        return 0;
    }

    private static String visualization(GanFrame f) {
        return "{\"heatmapD\":" + Json.array(f.heatmapD())
                + ",\"manifoldG\":" + pairs(f.manifold())
                + ",\"manifoldCellAreaNormalized\":" + numbers(f.cellAreas())
                + ",\"manifoldCellOpacity\":" + numbers(f.cellOpacity())
                + ",\"fixedFake\":" + pairs(f.fixedFake())
                + ",\"fixedFakeD\":" + Json.array(f.fixedFakeD())
                + ",\"fixedFakeGradDx\":" + pairs(f.fixedFakeGradDx())
                + ",\"kl\":" + Json.number(f.kl()) + ",\"js\":" + Json.number(f.js()) + "}";
    }

    /** [n, 2] row-major as [[x, y], ...]. */
    private static String pairs(float[] xy) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < xy.length / 2; i++) {
            b.append(i == 0 ? "" : ",").append(Json.array(new float[] {xy[2 * i], xy[2 * i + 1]}));
        }
        return b.append(']').toString();
    }

    private static String numbers(double[] v) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < v.length; i++) {
            b.append(i == 0 ? "" : ",").append(Json.number(v[i]));
        }
        return b.append(']').toString();
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new IOException("cannot read " + file + ": no such file", e);
        }
    }

    private static String value(List<String> args, int i, String option) throws UsageException {
        if (i >= args.size()) {
            throw new UsageException("ganlab: " + option + " needs a value; usage: " + USAGE);
        }
        return args.get(i);
    }

    private static long integer(String v, String option) throws UsageException {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("ganlab: " + option + " must be an integer, got '" + v + "'");
        }
    }
}
